package imagetsne.sketch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import imagetsne.io.LayoutJson;
import imagetsne.layout.Layout;
import imagetsne.source.ImageDecoder;
import imagetsne.testing.Display;
import java.awt.Component;
import java.awt.Point;
import java.awt.Rectangle;
import java.awt.Robot;
import java.awt.event.InputEvent;
import java.awt.event.KeyEvent;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
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
 * The 3-D explorer in a real window: 300 emoji analyzed with t-SNE in three dimensions, drawn as
 * camera-facing sprites far to near; the screenshot shows, wherever sprites overlap, the one the hover
 * finds; drag turns, shift-drag pans, the wheel zooms; the grid flattens it; the 3-D switch lays it out
 * in 2-D again.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ThreeDWindowTest {
    @TempDir static Path tmp;
    ImageTsneSketch sketch;
    Robot robot;
    final Map<String, BufferedImage> thumbs = new HashMap<>();

    @BeforeAll
    void start() throws Exception {
        Display.require();
        Path folder = SketchWindows.emojiFolder(tmp.resolve("emoji"), SketchWindowTest.CATS, 100, 11);
        Path settings = tmp.resolve("settings.json");
        Files.writeString(settings, "{\"features\": \"hog\", \"iterations\": 500, \"perplexity\": 15, \"dims\": 3}");
        SketchOptions o = new SketchOptions();
        o.start = folder;
        o.settings = settings;
        o.width = 1000;
        o.height = 700;
        sketch = SketchWindows.open(o, "ThreeDWindowTest");
        robot = new Robot();
        robot.setAutoDelay(10);
    }

    @AfterAll
    void stop() {
        SketchWindows.close(sketch);
    }

    @Test @Order(1)
    void theFolderIsLaidOutInThreeDimensionsAndSavedWithThreeValuePoints() throws Exception {
        Layout l = sketch.layout();
        assertEquals(300, l.size());
        assertEquals(3, l.dims());
        assertEquals(3, sketch.dims());
        assertTrue(sketch.panel().threeD.getBooleanValue(), "the 3-D switch shows the layout's dimensions");
        Path json = tmp.resolve("three.json");
        onUi(() -> { sketch.saveJson(json); return null; });
        Layout saved = LayoutJson.read(json).layout();
        assertEquals(3, saved.dims());
        for (int i = 0; i < l.size(); i++) assertEquals(l.get(i).point()[2], saved.get(i).point()[2], 1e-9);
        // the z values spread: t-SNE used the third dimension
        double lo = 1, hi = 0;
        for (var it : saved.items()) { lo = Math.min(lo, it.point()[2]); hi = Math.max(hi, it.point()[2]); }
        assertTrue(hi - lo > 0.9, "z from " + lo + " to " + hi);
        Path shot = tmp.resolve("three-shot.png");
        sketch.saveScreenshot(shot).get(10, TimeUnit.SECONDS);
        assertEquals(1000, ImageIO.read(shot.toFile()).getWidth());
    }

    @Test @Order(2)
    void spritesAreDrawnFarToNearAndTheScreenShowsTheNearestWhereTheyOverlap() throws Exception {
        BufferedImage shot = capture("threed");
        Layout l = sketch.layout();
        float[] angles = onUi(() -> sketch.orbit());
        int[] order = onUi(() -> sketch.drawOrder());
        assertEquals(300, order.length);
        // the eye's distance of each point, from the rotation written out here as matrices
        double cy = Math.cos(angles[0]), sy = Math.sin(angles[0]), cp = Math.cos(angles[1]), sp = Math.sin(angles[1]);
        double last = Double.MAX_VALUE;
        for (int i : order) {
            double[] p = l.get(i).point();
            double x = p[0] - 0.5, y = p[1] - 0.5, z = p[2] - 0.5;
            double z1 = sy * x + cy * z;          // R_y(yaw)
            double z2 = sp * y + cp * z1;         // then R_x(pitch)
            assertTrue(z2 <= last + 1e-5, "drawn far to near");
            last = z2;
        }
        // at every sprite's centre the screenshot shows the sprite the hover picks there (itself or a nearer one)
        int checked = 0, good = 0, covered = 0;
        for (int i = 0; i < l.size(); i++) {
            float[] p = onUi(pos(i));
            int top = onUi(() -> sketch.spriteAt(p[0], p[1]));
            if (top < 0) continue;
            float[] q = onUi(pos(top));
            BufferedImage t = thumb(l.get(top).path());
            // where (p) falls in the top sprite's thumbnail
            double u = (p[0] - q[0]) / q[2] + 0.5, v = (p[1] - q[1]) / q[2] + 0.5;
            int tx = (int) (u * t.getWidth()), ty = (int) (v * t.getHeight());
            if (!opaqueAround(t, tx, ty, 3)) continue; // see-through there: a farther sprite may show
            checked++;
            if (top != i) covered++;
            if (matches(shot.getRGB(Math.round(p[0]), Math.round(p[1])), t, tx, ty, 3)) good++;
        }
        assertTrue(covered >= 10, "enough overlaps to tell the order apart: " + covered);
        assertTrue(checked >= 100 && good >= checked * 0.9, good + " of " + checked + " points show the nearest sprite (" + covered + " covered by a nearer one)");
    }

    @Test @Order(3)
    void hoverAndClickFindTheNearestOfOverlappingSprites() throws Exception {
        int[] order = onUi(() -> sketch.drawOrder());
        // a far sprite with a nearer one over its centre
        for (int k = 0; k < order.length; k++) {
            int far = order[k];
            float[] p = onUi(pos(far));
            int top = onUi(() -> sketch.spriteAt(p[0], p[1]));
            if (top == far || top < 0) continue;
            move(p[0], p[1]);
            SketchWindowTest.waitFor("hover", 10, () -> sketch.hovered() == top);
            Point s = screen(p[0], p[1]);
            robot.mousePress(InputEvent.BUTTON1_DOWN_MASK);
            robot.mouseRelease(InputEvent.BUTTON1_DOWN_MASK);
            SketchWindowTest.waitFor("selected", 10, () -> sketch.selected() == top);
            assertEquals(s, screen(p[0], p[1]));
            onUi(() -> { sketch.clearSelection(); return null; });
            return;
        }
        throw new AssertionError("no overlapping sprites to hover");
    }

    @Test @Order(4)
    void dragTurnsShiftDragPansAndTheWheelZooms() throws Exception {
        float[] a0 = onUi(() -> sketch.orbit());
        float[] free = onUi(() -> sketch.freeArea());
        float cx = free[0] + free[2] / 2, cy = free[1] + free[3] / 2;
        BufferedImage before = capture("threed-before-turn");
        drag(cx, cy, 120, 0);
        float[] a1 = onUi(() -> sketch.orbit());
        assertEquals(a0[0] + 120 * Orbit.PER_PIXEL, a1[0], 0.2, "yaw follows the drag");
        assertEquals(a0[1], a1[1], 0.05, "a level drag keeps the pitch");
        drag(cx, cy, 0, -60);
        float[] a2 = onUi(() -> sketch.orbit());
        assertEquals(a1[1] - 60 * Orbit.PER_PIXEL, a2[1], 0.15, "pitch follows the drag");
        BufferedImage after = capture("threed-turned");
        assertTrue(differs(before, after, free) > 0.05, "turning changes the picture");

        float[] s0 = onUi(pos(0));
        robot.keyPress(KeyEvent.VK_SHIFT);
        try {
            drag(cx, cy, 80, 40);
        } finally {
            robot.keyRelease(KeyEvent.VK_SHIFT);
        }
        float[] a3 = onUi(() -> sketch.orbit());
        assertEquals(a2[0], a3[0], 1e-6, "shift-drag does not turn");
        float[] s1 = onUi(pos(0));
        assertEquals(80, s1[0] - s0[0], 12);
        assertEquals(40, s1[1] - s0[1], 12);

        float z = sketch.zoom();
        move(cx, cy);
        robot.mouseWheel(-3);
        SketchWindowTest.waitFor("zoomed in", 10, () -> sketch.zoom() > z * 1.3f);
        key(KeyEvent.VK_0);
        SketchWindowTest.waitFor("fit and the first view", 10, () -> sketch.zoom() == 1f);
        float[] a4 = onUi(() -> sketch.orbit());
        assertEquals(Orbit.START_YAW, a4[0], 1e-6);
    }

    /** The poster (P) of a 3-D layout shows it as the view turns it: another turn, another poster; the same, the same. */
    @Test @Order(5)
    void thePosterShowsTheLayoutAsTurned() throws Exception {
        Path a = tmp.resolve("poster-a.png"), again = tmp.resolve("poster-a2.png"), b = tmp.resolve("poster-b.png");
        poster(a);
        poster(again);
        for (int k = 0; k < 6; k++) key(KeyEvent.VK_RIGHT);
        SketchWindowTest.waitFor("turned", 10, () -> { try { return onUi(() -> sketch.orbit())[0] > Orbit.START_YAW + 0.5f; } catch (Exception e) { return false; } });
        poster(b);
        BufferedImage pa = ImageIO.read(a.toFile()), pa2 = ImageIO.read(again.toFile()), pb = ImageIO.read(b.toFile());
        assertEquals(0, differing(pa, pa2), "the same view, the same poster");
        int changed = differing(pa, pb);
        assertTrue(changed > pa.getWidth() * pa.getHeight() / 20, "a turned layout, another poster: " + changed + " pixels differ");
        key('0'); // back to the first view for the tests that follow
    }

    private void poster(Path file) throws Exception {
        onUi(() -> { sketch.savePoster(file); return null; });
        SketchWindowTest.waitFor("poster " + file.getFileName(), 60, () -> !sketch.isBusy() && Files.isRegularFile(file));
    }

    private static int differing(BufferedImage x, BufferedImage y) {
        assertEquals(x.getWidth(), y.getWidth());
        int n = 0;
        for (int j = 0; j < x.getHeight(); j += 2) for (int i = 0; i < x.getWidth(); i += 2) if (x.getRGB(i, j) != y.getRGB(i, j)) n += 4;
        return n;
    }

    @Test @Order(6)
    void theGridFlattensTheLayoutAndTheSwitchLaysItOutIn2D() throws Exception {
        onUi(() -> { sketch.setGrid(true); return null; });
        SketchWindowTest.waitFor("grid", 10, () -> sketch.gridAmount() == 1f);
        robot.delay(100);
        float[] p0 = onUi(pos(0)), p1 = onUi(pos(1));
        assertEquals(p0[2], p1[2], 1e-3, "grid cells are all one size");
        capture("threed-grid");
        onUi(() -> { sketch.setGrid(false); return null; });
        SketchWindowTest.waitFor("t-SNE view", 10, () -> sketch.gridAmount() == 0f);

        Layout before = sketch.layout();
        float[] t = onUi(() -> new float[] {sketch.panel().threeD.absX() + 8, sketch.panel().threeD.absY() + 6});
        click(t[0], t[1]);
        SketchWindowTest.waitFor("re-run in 2-D", 60, () -> sketch.layout() != before && !sketch.isBusy());
        assertEquals(2, sketch.layout().dims());
        assertEquals(2, sketch.dims());
        assertTrue(!sketch.panel().threeD.getBooleanValue());
        assertNotEquals(-1, sketch.status().indexOf("laid out"), sketch.status());
    }

    // ------------------------------------------------------------ helpers

    private BufferedImage thumb(String path) {
        return thumbs.computeIfAbsent(path, p -> {
            try {
                return ImageDecoder.thumbnail(ImageDecoder.read(Path.of(p)), 64);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
    }

    private static boolean opaqueAround(BufferedImage t, int x, int y, int r) {
        for (int yy = y - r; yy <= y + r; yy++)
            for (int xx = x - r; xx <= x + r; xx++) {
                if (xx < 0 || yy < 0 || xx >= t.getWidth() || yy >= t.getHeight()) return false;
                if ((t.getRGB(xx, yy) >>> 24) != 255) return false;
            }
        return true;
    }

    /** The screen pixel is close to some thumbnail pixel within r texels of (x, y): sampling and mips move a texel or two. */
    private static boolean matches(int screen, BufferedImage t, int x, int y, int r) {
        for (int yy = y - r; yy <= y + r; yy++)
            for (int xx = x - r; xx <= x + r; xx++) {
                int c = t.getRGB(xx, yy);
                int d = Math.abs((c >> 16 & 255) - (screen >> 16 & 255)) + Math.abs((c >> 8 & 255) - (screen >> 8 & 255)) + Math.abs((c & 255) - (screen & 255));
                if (d < 40) return true;
            }
        return false;
    }

    /** Share of the free area's pixels that changed. */
    private static double differs(BufferedImage a, BufferedImage b, float[] free) {
        int changed = 0, all = 0;
        for (int y = (int) free[1]; y < free[1] + free[3]; y += 2)
            for (int x = (int) free[0]; x < free[0] + free[2]; x += 2) {
                all++;
                if (a.getRGB(x, y) != b.getRGB(x, y)) changed++;
            }
        return changed / (double) all;
    }

    private Callable<float[]> pos(int i) { return () -> sketch.spriteOnScreen(i); }

    private <T> T onUi(Callable<T> c) throws Exception {
        return sketch.onAnimationThread(c).get(10, TimeUnit.SECONDS);
    }

    private BufferedImage capture(String name) throws Exception {
        robot.delay(300);
        onUi(() -> null); // a frame drawn since the last change
        robot.delay(100);
        Component c = (Component) sketch.getSurface().getNative();
        Point at = c.getLocationOnScreen();
        BufferedImage img = robot.createScreenCapture(new Rectangle(at.x, at.y, c.getWidth(), c.getHeight()));
        ImageIO.write(img, "png", Path.of("target/" + name + ".png").toFile());
        return img;
    }

    private Point screen(float x, float y) {
        Point o = ((Component) sketch.getSurface().getNative()).getLocationOnScreen();
        return new Point(o.x + Math.round(x), o.y + Math.round(y));
    }

    private void move(float x, float y) {
        SketchWindows.front(sketch);
        Point p = screen(x, y);
        robot.mouseMove(p.x, p.y);
        robot.waitForIdle();
    }

    private void click(float x, float y) {
        move(x, y);
        robot.mousePress(InputEvent.BUTTON1_DOWN_MASK);
        robot.mouseRelease(InputEvent.BUTTON1_DOWN_MASK);
        robot.waitForIdle();
    }

    /** A drag in 20 steps, then a pause for the sketch to take the last move. */
    private void drag(float x, float y, float dx, float dy) throws Exception {
        move(x, y);
        robot.mousePress(InputEvent.BUTTON1_DOWN_MASK);
        for (int k = 1; k <= 20; k++) {
            Point p = screen(x + dx * k / 20, y + dy * k / 20);
            robot.mouseMove(p.x, p.y);
        }
        robot.waitForIdle();
        robot.delay(100);
        robot.mouseRelease(InputEvent.BUTTON1_DOWN_MASK);
        robot.waitForIdle();
        robot.delay(100);
        onUi(() -> null);
    }

    private void key(int code) {
        SketchWindows.front(sketch);
        Point p = screen(2, 2);
        robot.mouseMove(p.x, p.y);
        robot.keyPress(code);
        robot.keyRelease(code);
        robot.waitForIdle();
    }
}
