package imagetsne.sketch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import imagetsne.io.CsvMatrix;
import imagetsne.io.Idx;
import imagetsne.io.LayoutJson;
import imagetsne.layout.Layout;
import imagetsne.testing.Display;
import imagetsne.testing.SharedData;
import java.awt.Component;
import java.awt.Point;
import java.awt.Rectangle;
import java.awt.Robot;
import java.awt.event.KeyEvent;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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
 * The dash explorer's job in the real window: MNIST digits as a CSV of 784 values per row with a labels
 * file, laid out live, drawn as digit images coloured by label; the legend hides a label; a search
 * dims what does not match, zooms to the rest and saves it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class VectorsWindowTest {
    @TempDir static Path tmp;
    ImageTsneSketch sketch;
    Robot robot;
    Path csv;

    @BeforeAll
    void start() throws Exception {
        Display.require();
        Idx.Images imgs = Idx.readImages(SharedData.mnistImages(), 1500);
        int[] lab = Idx.readLabels(SharedData.mnistLabels(), 1500);
        double[][] rows = new double[1500][];
        for (int i = 0; i < 1500; i++) {
            float[] r = imgs.image(i);
            rows[i] = new double[r.length];
            for (int j = 0; j < r.length; j++) rows[i][j] = r[j];
        }
        String[] header = new String[784];
        for (int j = 0; j < 784; j++) header[j] = "p" + j;
        csv = tmp.resolve("digits.csv");
        CsvMatrix.write(csv, header, rows);
        List<String> names = new ArrayList<>(List.of("label"));
        for (int l : lab) names.add("digit " + l);
        Files.write(tmp.resolve("labels.txt"), names);
        Path settings = tmp.resolve("settings.json");
        Files.writeString(settings, "{\"iterations\": 600}");
        SketchOptions o = new SketchOptions();
        o.startVectors = csv;
        o.vectorLabels = tmp.resolve("labels.txt");
        o.settings = settings;
        o.width = 1100;
        o.height = 750;
        sketch = SketchWindows.open(o, "VectorsWindowTest");
        robot = new Robot();
        robot.setAutoDelay(15);
    }

    @AfterAll
    void stop() {
        SketchWindows.close(sketch);
    }

    @Test @Order(1)
    void digitsAreLaidOutAsImagesColouredByLabel() throws Exception {
        Layout l = sketch.layout();
        assertEquals(1500, l.size());
        assertEquals("vectors", sketch.featureKind());
        assertEquals(csv.toAbsolutePath() + "#1", l.get(0).path(), "rows are named by their 1-based row number");
        assertEquals(10, l.items().stream().map(imagetsne.layout.Item::label).distinct().count());
        BufferedImage shot = capture("vectors");
        // a digit sprite is light strokes on black: its box is mostly dark, with bright pixels in it
        float[] p = onUi(() -> sketch.spriteOnScreen(0));
        double[] mean = SketchWindowTest.mean(shot, p[0], p[1], p[2] * 0.8f, null);
        assertTrue(mean[0] < 160 && mean[0] > 5, "a digit, not a placeholder or a dot: mean " + java.util.Arrays.toString(mean));
    }

    @Test @Order(2)
    void aClickOnTheLegendHidesALabelAndAnotherShowsIt() throws Exception {
        String label = sketch.layout().get(0).label();
        int idx = 0;
        float[] before = onUi(() -> sketch.spriteOnScreen(0));
        onUi(() -> { sketch.toggleLabel(label); return null; });
        SketchWindowTest.waitFor("hidden", 10, () -> {
            try { return onUi(() -> sketch.spriteOnScreen(idx))[0] == View.AWAY; } catch (Exception e) { return false; }
        });
        assertTrue(onUi(() -> sketch.spriteAt(before[0], before[1])) != 0, "the hidden sprite cannot be hit");
        onUi(() -> { sketch.toggleLabel(label); return null; });
        SketchWindowTest.waitFor("shown again", 10, () -> {
            try { return onUi(() -> sketch.spriteOnScreen(idx))[0] != View.AWAY; } catch (Exception e) { return false; }
        });
    }

    @Test @Order(3)
    void searchDimsTheRestZoomsToTheMatchesAndSavesThem() throws Exception {
        key(KeyEvent.VK_SLASH);   // key() gives the window the keyboard first (no window manager under Xvfb)
        SketchWindowTest.waitFor("search focused", 10, () -> sketch.panel().search.isFocused());
        for (char c : "digit 7".toCharArray()) type(c);
        long sevens = sketch.layout().items().stream().filter(it -> it.label().equals("digit 7")).count();
        try {
            SketchWindowTest.waitFor("the sevens counted", 10, () -> sketch.panel().matches.getText().startsWith(sevens + " of 1500 match"));
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + ": field '" + sketch.panel().search.getText() + "', " + sketch.panel().matches.getText() + ", " + sevens + " sevens", e);
        }
        assertEquals("digit 7", sketch.panel().search.getText());
        capture("vectors-search");
        float zoom = sketch.zoom();
        key(KeyEvent.VK_ENTER);
        SketchWindowTest.waitFor("zoomed to the matches", 10, () -> sketch.zoom() > zoom * 1.2f);
        Path out = tmp.resolve("sevens.json");
        onUi(() -> { sketch.saveMatches(out); return null; });
        Layout saved = LayoutJson.read(out).layout();
        assertEquals(sevens, saved.size());
        assertTrue(saved.items().stream().allMatch(it -> it.label().equals("digit 7")));
        key(KeyEvent.VK_ESCAPE); // empties the field, ends the search, must not quit
        SketchWindowTest.waitFor("search ended", 10, () -> sketch.panel().matches.getText().isEmpty());
        assertTrue(sketch.isReady());
    }

    private BufferedImage capture(String name) throws Exception {
        robot.delay(400);
        Component c = (Component) sketch.getSurface().getNative();
        Point at = c.getLocationOnScreen();
        BufferedImage img = robot.createScreenCapture(new Rectangle(at.x, at.y, c.getWidth(), c.getHeight()));
        ImageIO.write(img, "png", Path.of("target/" + name + ".png").toFile());
        return img;
    }

    private <T> T onUi(java.util.concurrent.Callable<T> c) throws Exception {
        return sketch.onAnimationThread(c).get(10, TimeUnit.SECONDS);
    }

    private void key(int code) {
        SketchWindows.front(sketch);
        Point o = ((Component) sketch.getSurface().getNative()).getLocationOnScreen();
        robot.mouseMove(o.x + 600, o.y + 300);
        robot.keyPress(code);
        robot.keyRelease(code);
        robot.waitForIdle();
    }

    private void type(char c) {
        if (c == ' ') { key(KeyEvent.VK_SPACE); return; }
        int code = KeyEvent.getExtendedKeyCodeForChar(c);
        key(code);
    }

}
