package imagetsne.sketch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import imagetsne.features.EmojiData;
import imagetsne.io.LayoutJson;
import imagetsne.layout.Layout;
import imagetsne.source.ImageDecoder;
import imagetsne.testing.Display;
import java.awt.Component;
import java.awt.Point;
import java.awt.Robot;
import java.awt.event.InputEvent;
import java.awt.event.KeyEvent;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real sketch in a real window (run under xvfb-run): analyze a folder of real emoji, drive it with
 * real input events (java.awt.Robot through the X server), and check what it writes.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SketchWindowTest {
    @TempDir static Path tmp;
    static final List<String> CATS = List.of("Flags", "Food & Drink", "Smileys & Emotion");
    ImageTsneSketch sketch;
    Robot robot;
    Path folder;

    @BeforeAll
    void start() throws Exception {
        Display.require();
        folder = SketchWindows.emojiFolder(tmp.resolve("emoji"), CATS, 16, 7);
        Files.writeString(folder.resolve("broken.png"), "not a png");
        Path settings = tmp.resolve("settings.json");
        Files.writeString(settings, "{\"features\": \"hog\", \"iterations\": 500, \"perplexity\": 10}");
        SketchOptions o = new SketchOptions();
        o.start = folder;
        o.settings = settings;
        o.width = 1000;
        o.height = 700;
        sketch = SketchWindows.open(o, "SketchWindowTest");
        robot = new Robot();
        robot.setAutoDelay(15);
    }

    @AfterAll
    void stop() {
        SketchWindows.close(sketch);
    }

    @Test @Order(1)
    void analyzesTheFolderAndReportsTheBadFile() throws Exception {
        assertEquals(48, sketch.spriteCount());
        assertEquals("hog", sketch.featureKind());
        assertTrue(sketch.status().contains("1 skipped") && sketch.status().contains("broken.png"), sketch.status());
        assertTrue(sketch.layout().hasGrid());
    }

    @Test @Order(2)
    void clickShowsSimilarImagesInFeatureSpace() throws Exception {
        float[] s = onUi(() -> sketch.spriteOnScreen(5));
        int expected = onUi(() -> sketch.spriteAt(s[0], s[1]));
        click(s[0], s[1]);
        waitFor("selection", 10, () -> sketch.selected() == expected);
        assertEquals(8, sketch.neighbours().length);
        // neighbours in hog feature space mostly share the category (folder) of the clicked emoji
        Layout l = sketch.layout();
        long same = java.util.Arrays.stream(sketch.neighbours()).filter(j -> l.get(j).label().equals(l.get(expected).label())).count();
        assertTrue(same >= 3, "only " + same + " of 8 neighbours share the label");
        key(KeyEvent.VK_ESCAPE);  // clears the selection, must not quit
        waitFor("selection cleared", 10, () -> sketch.selected() == -1);
    }

    @Test @Order(3)
    void gKeyAnimatesToTheGridAndBack() throws Exception {
        key(KeyEvent.VK_G);
        waitFor("grid shown", 10, () -> sketch.gridShown() && sketch.gridAmount() == 1f);
        assertTrue(onUi(() -> sketch.panel().grid.getBooleanValue()), "the panel's toggle follows the key");
        // on the grid, sprites of one column share x and sprites of one row share y
        Layout l = sketch.layout();
        float[][] pos = onUi(() -> {
            float[][] p = new float[l.size()][];
            for (int i = 0; i < p.length; i++) p[i] = sketch.spriteOnScreen(i);
            return p;
        });
        for (int i = 0; i < l.size(); i++)
            for (int j = 0; j < l.size(); j++) {
                if (l.get(i).col() == l.get(j).col()) assertEquals(pos[i][0], pos[j][0], 0.5f);
                if (l.get(i).row() == l.get(j).row()) assertEquals(pos[i][1], pos[j][1], 0.5f);
                if (l.get(i).col() < l.get(j).col()) assertTrue(pos[i][0] < pos[j][0]);
            }
        key(KeyEvent.VK_G);
        waitFor("back to t-SNE", 10, () -> !sketch.gridShown() && sketch.gridAmount() == 0f);
        key(KeyEvent.VK_G);
        waitFor("grid again", 10, () -> sketch.gridAmount() == 1f);
    }

    @Test @Order(4)
    void wheelZoomsAroundTheCursor() throws Exception {
        float[] s = onUi(() -> sketch.spriteOnScreen(0));
        float cx = 500, cy = 400;
        float before = sketch.zoom();
        Point at = screen(cx, cy);
        SketchWindows.front(sketch);
        robot.mouseMove(at.x, at.y);
        robot.mouseWheel(-2);  // away from the user: zoom in
        waitFor("zoomed", 10, () -> sketch.zoom() > before * 1.2f);
        robot.delay(200);
        float factor = sketch.zoom() / before;
        float[] after = onUi(() -> sketch.spriteOnScreen(0));
        // the point under the cursor stays put: every other point moves away from it by the zoom factor
        assertEquals(cx + (s[0] - cx) * factor, after[0], 2f);
        assertEquals(cy + (s[1] - cy) * factor, after[1], 2f);
        key(KeyEvent.VK_0);
        waitFor("reset", 10, () -> sketch.zoom() == 1f);
    }

    @Test @Order(5)
    void savesJsonAndScreenshotThroughTheDialogCallbacks() throws Exception {
        // what the file chooser hands to the sketch, without an extension: .json / .png are added
        sketch.jsonToSaveChosen(tmp.resolve("saved").toFile());
        Path json = tmp.resolve("saved.json");
        waitFor("json saved", 20, () -> Files.exists(json));
        Layout saved = LayoutJson.read(json).layout();
        assertEquals(sketch.layout().items(), saved.items());

        sketch.screenshotChosen(tmp.resolve("shot").toFile());
        Path png = tmp.resolve("shot.png");
        waitFor("screenshot saved", 20, () -> Files.exists(png));
        BufferedImage shot = ImageIO.read(png.toFile());
        Files.copy(png, Path.of("target/sketch-test-shot.png"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        assertEquals(1000, shot.getWidth());
        // grid view: every sprite's box in the PNG has the mean colour of its thumbnail over the background
        Layout l = sketch.layout();
        int good = 0;
        for (int i = 0; i < l.size(); i++) {
            float[] p = onUi(sketchPos(i));
            double[] seen = mean(shot, p[0], p[1], p[2] * 0.6f, null);
            double[] want = mean(ImageDecoder.thumbnail(ImageDecoder.read(Path.of(l.get(i).path())), 64), 32, 32, 64 * 0.6f, 0xFF181818);
            double d = Math.abs(seen[0] - want[0]) + Math.abs(seen[1] - want[1]) + Math.abs(seen[2] - want[2]);
            if (d < 60) good++;
        }
        assertTrue(good >= l.size() * 0.9, good + " of " + l.size() + " sprites look like their images in the screenshot");
    }

    @Test @Order(6)
    void loadsTheSavedJsonBack() throws Exception {
        Layout before = sketch.layout();
        sketch.jsonToLoadChosen(tmp.resolve("saved.json").toFile());
        waitFor("loaded", 30, () -> sketch.layout() != before && !sketch.isBusy());
        assertEquals(before.items(), sketch.layout().items());
        assertTrue(sketch.status().startsWith("loaded 48 images"), sketch.status());
    }

    @Test @Order(7)
    void panelToggleAndEscCancelKeepThePreviousLayout() throws Exception {
        boolean grid = sketch.gridShown();
        float[] t = onUi(() -> new float[] {sketch.panel().grid.absX() + 8, sketch.panel().grid.absY() + 6});
        click(t[0], t[1]);
        waitFor("toggle clicked", 10, () -> sketch.gridShown() != grid);

        Layout before = sketch.layout();
        // a bigger folder so that the analysis is still running when Esc arrives
        Path big = tmp.resolve("big");
        Files.createDirectories(big);
        try (var files = Files.list(EmojiData.DIR)) {
            for (Path f : files.limit(600).toList()) Files.copy(f, big.resolve(f.getFileName()));
        }
        // many iterations: the run must still be going when Esc arrives, however fast the machine
        onUi(() -> { sketch.settings.iterations = 20_000; return null; });
        sketch.folderChosen(big.toFile());
        waitFor("busy", 20, () -> sketch.isBusy());
        waitFor("sprites appear before the layout", 60, () -> sketch.spriteCount() > 0 || !sketch.isBusy());
        key(KeyEvent.VK_ESCAPE);
        waitFor("cancelled", 60, () -> !sketch.isBusy());
        assertTrue(sketch.status().contains("cancelled"), sketch.status());
        assertSame(before, sketch.layout());
        assertEquals(48, sketch.spriteCount());
    }

    @Test @Order(8)
    void atFitZoomTheLayoutStaysClearOfThePanelAndTheLegend() throws Exception {
        for (boolean grid : new boolean[] {false, true}) {
            onUi(() -> { sketch.setGrid(grid); return null; });
            waitFor("view settled", 10, () -> sketch.gridAmount() == (grid ? 1f : 0f));
            key(KeyEvent.VK_0);
            waitFor("fit", 10, () -> sketch.zoom() == 1f);
            robot.delay(200);
            float[] area = onUi(() -> sketch.freeArea());
            float panelRight = onUi(() -> sketch.panel().rightEdge());
            assertTrue(area[0] >= panelRight, "the free area starts right of the panel");
            for (int i = 0; i < sketch.spriteCount(); i++) {
                float[] p = onUi(sketchPos(i));
                float h = p[2] / 2;
                assertTrue(p[0] - h >= area[0] - 0.5f && p[0] + h <= area[0] + area[2] + 0.5f
                        && p[1] - h >= area[1] - 0.5f && p[1] + h <= area[1] + area[3] + 0.5f,
                        (grid ? "grid" : "t-SNE") + " sprite " + i + " at " + java.util.Arrays.toString(p) + " leaves " + java.util.Arrays.toString(area));
            }
            // the view alone (the screenshot leaves the panel out): nothing but background where the panel is
            Path png = tmp.resolve("clear-" + grid + ".png");
            sketch.screenshotChosen(png.toFile());
            waitFor("screenshot", 20, () -> Files.exists(png));
            BufferedImage shot = ImageIO.read(png.toFile());
            int other = 0;
            for (int y = 0; y < shot.getHeight() - 40; y++)
                for (int x = 0; x < (int) panelRight; x++) if ((shot.getRGB(x, y) & 0xFFFFFF) != 0x181818) other++;
            assertEquals(0, other, "sprite pixels under the panel in the " + (grid ? "grid" : "t-SNE") + " view");
        }
    }

    @Test @Order(9)
    void changedSettingsAreMarkedAndReRunMovesTheSpritesLive() throws Exception {
        // a layout made in this window (a loaded file has no features to re-run on)
        onUi(() -> { sketch.setGrid(false); sketch.settings.iterations = 500; return null; });
        sketch.folderChosen(folder.toFile());
        waitFor("analysis started", 20, () -> sketch.isBusy());
        waitFor("analyzed", 120, () -> !sketch.isBusy() && sketch.layout() != null && sketch.layout().size() == 48);
        assertEquals("", onUi(() -> sketch.panel().stale.getText()), "made with the panel's settings: nothing stale");
        onUi(() -> { sketch.settings.iterations = 1500; sketch.settingsChanged(); return null; });
        String stale = onUi(() -> sketch.panel().stale.getText());
        assertTrue(stale.startsWith("changed: re-run keeps the features"), stale);
        assertTrue(onUi(() -> sketch.panel().rerun.isVisible()), "re-run is offered");
        Layout before = sketch.layout();
        float[] start = onUi(sketchPos(7));
        long t0 = System.nanoTime();
        key(KeyEvent.VK_R);
        // a re-run of 48 points can be over between two polls: a new layout counts as started too
        waitFor("re-run started", 10, () -> sketch.isBusy() || sketch.layout() != before, sketch::status);
        assertEquals(48, sketch.spriteCount(), "the sprites stay: no folder is read again");
        // while it runs, sprite 7 moves from where it was
        waitFor("sprite moves during the run", 60, () -> {
            try {
                float[] now = onUi(sketchPos(7));
                return Math.hypot(now[0] - start[0], now[1] - start[1]) > 3 || !sketch.isBusy();
            } catch (Exception e) {
                return false;
            }
        });
        waitFor("re-run done", 120, () -> !sketch.isBusy());
        System.out.printf("re-run of 48 images (1,500 iterations) over after %.2f s%n", (System.nanoTime() - t0) / 1e9);
        assertTrue(sketch.layout() != before && sketch.layout().size() == 48, sketch.status());
        assertTrue(sketch.status().contains("48 images laid out"), sketch.status());
        assertEquals("", onUi(() -> sketch.panel().stale.getText()), "the layout shown now matches the settings");
    }

    @Test @Order(10)
    void firstSpritesShowWithinAboutASecondOfAnAnalysisOfPhotos() throws Exception {
        Path photos = tmp.resolve("photos");
        Files.createDirectories(photos);
        for (Path src : imagetsne.testing.Photos.all()) Files.copy(src, photos.resolve(src.getFileName()));
        onUi(() -> { sketch.settings.features = "auto"; sketch.settings.iterations = 500; return null; });
        long t0 = System.nanoTime();
        sketch.folderChosen(photos.toFile());
        waitFor("analysis started", 20, () -> sketch.isBusy());
        waitFor("first sprite", 30, () -> sketch.spriteCount() > 0);
        double first = (System.nanoTime() - t0) / 1e9;
        System.out.printf("first sprite of an analysis of 18 photos after %.2f s%n", first);
        assertTrue(first < 3.0, "first sprite after " + first + " s");
        waitFor("photos laid out", 120, () -> !sketch.isBusy() && sketch.layout() != null && sketch.layout().size() == 18);
        assertEquals("cnn", sketch.featureKind());
    }

    // ------------------------------------------------------------ helpers

    private java.util.concurrent.Callable<float[]> sketchPos(int i) { return () -> sketch.spriteOnScreen(i); }

    private <T> T onUi(java.util.concurrent.Callable<T> c) throws Exception {
        return sketch.onAnimationThread(c).get(10, TimeUnit.SECONDS);
    }

    private Point screen(float x, float y) {
        Point o = ((Component) sketch.getSurface().getNative()).getLocationOnScreen();
        return new Point(o.x + Math.round(x), o.y + Math.round(y));
    }

    private void click(float x, float y) {
        SketchWindows.front(sketch);
        Point p = screen(x, y);
        robot.mouseMove(p.x, p.y);
        robot.mousePress(InputEvent.BUTTON1_DOWN_MASK);
        robot.mouseRelease(InputEvent.BUTTON1_DOWN_MASK);
        robot.waitForIdle();
    }

    private void key(int code) {
        SketchWindows.front(sketch);
        Point p = screen(2, 2);
        robot.mouseMove(p.x, p.y);
        robot.keyPress(code);
        robot.keyRelease(code);
        robot.waitForIdle();
    }

    /** Mean RGB over a side x side box centred on (cx, cy); ARGB pixels composited over `bg` when given. */
    static double[] mean(BufferedImage img, float cx, float cy, float side, Integer bg) {
        double[] m = new double[3];
        int count = 0;
        int x0 = Math.max(0, Math.round(cx - side / 2)), x1 = Math.min(img.getWidth(), Math.round(cx + side / 2));
        int y0 = Math.max(0, Math.round(cy - side / 2)), y1 = Math.min(img.getHeight(), Math.round(cy + side / 2));
        for (int y = y0; y < y1; y++)
            for (int x = x0; x < x1; x++) {
                int c = img.getRGB(x, y);
                double a = bg == null ? 1 : (c >>> 24) / 255.0;
                int b = bg == null ? 0 : bg;
                for (int k = 0; k < 3; k++) {
                    int sh = 16 - 8 * k;
                    m[k] += a * ((c >> sh) & 255) + (1 - a) * ((b >> sh) & 255);
                }
                count++;
            }
        for (int k = 0; k < 3; k++) m[k] /= Math.max(1, count);
        return m;
    }

    static void waitFor(String what, int seconds, BooleanSupplier ok) throws InterruptedException {
        waitFor(what, seconds, ok, () -> null);
    }

    /** As above; on a timeout the message also holds what {@code detail} says then (e.g. the status line). */
    static void waitFor(String what, int seconds, BooleanSupplier ok, java.util.function.Supplier<String> detail)
            throws InterruptedException {
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        while (!ok.getAsBoolean()) {
            if (System.nanoTime() > end) {
                String d = detail.get();
                throw new AssertionError("timed out waiting for: " + what + (d == null ? "" : " (" + d + ")"));
            }
            Thread.sleep(20);
        }
    }

}
