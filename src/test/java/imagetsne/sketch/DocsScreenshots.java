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
 * Makes README's two sketch screenshots (t-SNE view with a selection, grid view) from the real window:
 * `xvfb-run -a -s "-screen 0 1600x1000x24" java -cp ... imagetsne.sketch.DocsScreenshots images docs`.
 */
public final class DocsScreenshots {
    public static void main(String[] args) throws Exception {
        SketchOptions o = new SketchOptions();
        o.start = Path.of(args.length > 0 ? args[0] : "images");
        Path out = Path.of(args.length > 1 ? args[1] : "docs");
        o.settings = Path.of("data/settings.json");
        o.exitOnClose = false;
        ImageTsneSketch s = new ImageTsneSketch(o);
        PApplet.runSketch(new String[] {"Image t-SNE Live"}, s);
        Robot robot = new Robot();
        SketchWindowTest.waitFor("ready", 30, s::isReady);
        SketchWindowTest.waitFor("layout", 300, () -> s.layout() != null && !s.isBusy());
        Component c = (Component) s.getSurface().getNative();
        float[] p = s.onAnimationThread(() -> s.spriteOnScreen(s.spriteCount() / 3)).get(5, TimeUnit.SECONDS);
        Point at = c.getLocationOnScreen();
        robot.mouseMove(at.x + Math.round(p[0]), at.y + Math.round(p[1]));
        robot.mousePress(InputEvent.BUTTON1_DOWN_MASK);
        robot.mouseRelease(InputEvent.BUTTON1_DOWN_MASK);
        robot.delay(1500);
        ImageIO.write(robot.createScreenCapture(new Rectangle(at.x, at.y, c.getWidth(), c.getHeight())), "png", out.resolve("sketch-tsne.png").toFile());
        s.onAnimationThread(() -> { s.clearSelection(); s.setGrid(true); }).get(5, TimeUnit.SECONDS);
        robot.mouseMove(at.x + 5, at.y + c.getHeight() - 40);
        robot.delay(2000);
        ImageIO.write(robot.createScreenCapture(new Rectangle(at.x, at.y, c.getWidth(), c.getHeight())), "png", out.resolve("sketch-grid.png").toFile());
        System.exit(0);
    }
}
