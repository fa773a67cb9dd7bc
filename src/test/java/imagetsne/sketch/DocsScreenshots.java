package imagetsne.sketch;

import java.awt.Component;
import java.awt.Point;
import java.awt.Rectangle;
import java.awt.Robot;
import java.awt.event.InputEvent;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import processing.core.PApplet;

/**
 * Makes README's sketch screenshots from the real window: the t-SNE view with a selection, the grid,
 * a search, the 3-D view, and MNIST digits loaded as vectors with their labels:
 * `xvfb-run -a -s "-screen 0 1600x1000x24" java -cp ... imagetsne.sketch.DocsScreenshots images docs MNIST_IDX`.
 */
public final class DocsScreenshots {
    private static Robot robot;
    private static Component c;
    private static Path out;

    public static void main(String[] args) {
        int code = 0;
        try {
            run(args);
        } catch (Throwable e) {
            e.printStackTrace();
            code = 1;
        }
        System.exit(code); // the sketch's threads would keep the JVM alive
    }

    private static void run(String[] args) throws Exception {
        SketchOptions o = new SketchOptions();
        o.start = Path.of(args.length > 0 ? args[0] : "images");
        out = Path.of(args.length > 1 ? args[1] : "docs");
        Path digits = Path.of(args.length > 2 ? args[2] : "../shared/datasets/mnist-10k/images-idx3-ubyte.gz");
        o.settings = Path.of("data/settings.json");
        o.exitOnClose = false;
        ImageTsneSketch s = new ImageTsneSketch(o);
        PApplet.runSketch(new String[] {"Image t-SNE Live"}, s);
        robot = new Robot();
        SketchWindowTest.waitFor("ready", 30, s::isReady);
        SketchWindowTest.waitFor("layout", 300, () -> s.layout() != null && !s.isBusy());
        c = (Component) s.getSurface().getNative();
        Point at = c.getLocationOnScreen();

        float[] p = s.onAnimationThread(() -> s.spriteOnScreen(s.spriteCount() / 3)).get(5, TimeUnit.SECONDS);
        robot.mouseMove(at.x + Math.round(p[0]), at.y + Math.round(p[1]));
        robot.mousePress(InputEvent.BUTTON1_DOWN_MASK);
        robot.mouseRelease(InputEvent.BUTTON1_DOWN_MASK);
        shoot("sketch-tsne.png", 1500);

        s.onAnimationThread(() -> { s.clearSelection(); s.setGrid(true); }).get(5, TimeUnit.SECONDS);
        away();
        shoot("sketch-grid.png", 2000);

        s.onAnimationThread(() -> { s.setGrid(false); s.panel().search.setText("smileys"); s.search("smileys"); }).get(5, TimeUnit.SECONDS);
        shoot("sketch-search.png", 2000);

        s.onAnimationThread(() -> { s.panel().search.setText(""); s.search(""); s.setThreeD(true); }).get(5, TimeUnit.SECONDS);
        SketchWindowTest.waitFor("3-D layout", 300, () -> s.dims() == 3 && !s.isBusy());
        // turn the camera a little by dragging, as a user does, then hover a sprite for its preview
        float cx = c.getWidth() * 0.6f, cy = c.getHeight() * 0.5f;
        robot.mouseMove(at.x + Math.round(cx), at.y + Math.round(cy));
        robot.mousePress(InputEvent.BUTTON1_DOWN_MASK);
        for (int k = 1; k <= 20; k++) { robot.mouseMove(at.x + Math.round(cx + 4 * k), at.y + Math.round(cy + k)); robot.delay(20); }
        robot.mouseRelease(InputEvent.BUTTON1_DOWN_MASK);
        robot.delay(500);
        int[] order = s.onAnimationThread(s::drawOrder).get(5, TimeUnit.SECONDS);
        int near = order[order.length - 1];
        float[] q = s.onAnimationThread(() -> s.spriteOnScreen(near)).get(5, TimeUnit.SECONDS);
        robot.mouseMove(at.x + Math.round(q[0]), at.y + Math.round(q[1]));
        shoot("sketch-3d.png", 1500);

        s.onAnimationThread(() -> s.setThreeD(false)).get(5, TimeUnit.SECONDS); // lays the emoji out in 2-D again
        SketchWindowTest.waitFor("2-D layout", 300, () -> s.dims() == 2 && !s.isBusy());
        s.onAnimationThread(() -> { s.settings.maxImages = 10_000; s.loadVectors(digits, null, null, null); }).get(5, TimeUnit.SECONDS);
        for (int t = 0; !(s.layout() != null && "vectors".equals(s.featureKind()) && !s.isBusy()); t++) {
            if (t >= 300) throw new AssertionError("no digits after 300 s; status: " + s.status());
            if (t % 10 == 0) System.err.println("waiting for the digits: " + s.status() + " (busy " + s.isBusy() + ", kind " + s.featureKind() + ")");
            Thread.sleep(1000);
        }
        away();
        shoot("sketch-vectors.png", 2000);
    }

    /** The mouse out of the way of the layout (bottom-left corner, below the panel). */
    private static void away() {
        Point at = c.getLocationOnScreen();
        robot.mouseMove(at.x + 5, at.y + c.getHeight() - 40);
    }

    private static void shoot(String name, int settleMs) throws Exception {
        robot.delay(settleMs);
        Point at = c.getLocationOnScreen();
        ImageIO.write(robot.createScreenCapture(new Rectangle(at.x, at.y, c.getWidth(), c.getHeight())), "png", out.resolve(name).toFile());
    }
}
