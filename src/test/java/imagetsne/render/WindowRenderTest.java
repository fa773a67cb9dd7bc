package imagetsne.render;

import org.junit.jupiter.api.Test;
import processing.core.PApplet;
import processing.core.PConstants;

import java.awt.Component;
import java.awt.Point;
import java.awt.Robot;
import java.awt.image.BufferedImage;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static imagetsne.render.Images.assertColor;
import static imagetsne.render.Images.solid;
import static org.junit.jupiter.api.Assertions.*;

/** Sprites in real windows (run under xvfb-run); skipped without a display. */
class WindowRenderTest {
    static final int RED = 0xFFFF0000, GREEN = 0xFF00FF00, BLUE = 0xFF0000FF, YELLOW = 0xFFFFFF00, WHITE = 0xFFFFFFFF;

    /** A sketch that draws a fixed scene every frame and samples its pixels on frame 3. */
    abstract static class Probe extends PApplet {
        final CountDownLatch sampled = new CountDownLatch(1);
        volatile Throwable error;
        volatile boolean stop;
        volatile int drawn;

        @Override public void exitActual() {} // keep the test JVM alive

        /** Ends the sketch and takes its window off the screen, out of the later window tests' way. */
        void close() {
            stop = true;
            getSurface().setVisible(false);
        }
    }

    /** Draws a fixed scene every frame; from frame 3 on, samples pixels on the animation thread. */
    static final class Scene extends Probe {
        final String renderer, sprites;
        final int[][] points;            // {x, y} to sample
        final int[] samples;
        SpriteRenderer r;
        final SpriteAtlas atlas = new SpriteAtlas(64);

        Scene(String renderer, String sprites, int[][] points) {
            this.renderer = renderer;
            this.sprites = sprites;
            this.points = points;
            this.samples = new int[points.length];
            atlas.set(0, solid(64, 64, RED));
            atlas.set(1, solid(64, 32, GREEN));
            atlas.set(2, solid(64, 64, BLUE));
            // 3: placeholder
        }

        @Override public void settings() { size(240, 160, sprites); }

        @Override public void draw() {
            try {
                if (stop) { exit(); return; }
                if (r == null) r = SpriteRenderers.create(renderer, g);
                background(255);
                drawn = r.draw(g, atlas, new float[] {50, 150, 50, 150, -500}, new float[] {40, 40, 110, 110, 50},
                        5, 40, new int[] {0, 0, YELLOW, 0, 0});
                if (frameCount == 3) {
                    for (int k = 0; k < points.length; k++) samples[k] = get(points[k][0], points[k][1]);
                    sampled.countDown();
                }
            } catch (Throwable t) {
                error = t;
                sampled.countDown();
                exit();
            }
        }
    }

    static void assumeDisplay() {
        imagetsne.testing.Display.require();
    }

    /**
     * Opens a window for a new probe and waits for its frame 3. A P2D window under Xvfb has been seen (once,
     * in CI, in the full suite) never to draw a first frame: that attempt's threads are printed and a second
     * window is opened, so a start-up that hangs is on record and the pixels are still checked in a real window.
     * Failures after the first frame are never retried.
     */
    static <P extends Probe> P open(String title, java.util.function.Supplier<P> make) throws InterruptedException {
        for (int attempt = 1; ; attempt++) {
            P s = make.get();
            PApplet.runSketch(new String[] {title}, s);
            if (s.sampled.await(60, TimeUnit.SECONDS)) {
                if (s.error != null) throw new AssertionError("sketch failed", s.error);
                return s;
            }
            s.stop = true;   // not close(): a surface that hangs in its start may hang there too
            String threads = threads();
            if (attempt == 2) throw new AssertionError("no frame 3 within 60 s, twice; threads now:\n" + threads);
            System.err.println(title + ": no frame 3 within 60 s; opening the window again. Threads now:\n" + threads);
        }
    }

    private static String threads() {
        StringBuilder b = new StringBuilder();
        Thread.getAllStackTraces().forEach((t, stack) -> {
            b.append('"').append(t.getName()).append("\" ").append(t.getState()).append('\n');
            for (int i = 0; i < Math.min(stack.length, 12); i++) b.append("    at ").append(stack[i]).append('\n');
        });
        return b.toString();
    }

    // sprite 0 red square [30,70)x[20,60); 1 green 40x20 [130,170)x[30,50); 2 blue framed [30,70)x[90,130);
    // 3 placeholder [130,170)x[90,130)
    static final int[][] POINTS = {{50, 40}, {150, 40}, {150, 27}, {50, 110}, {30, 110}, {150, 110}, {100, 80}};

    static void check(int[] c, boolean frameExact) {
        assertColor(RED, c[0], 3, "red centre");
        assertColor(GREEN, c[1], 3, "green centre");
        assertColor(WHITE, c[2], 3, "above green (aspect kept)");
        assertColor(BLUE, c[3], 3, "blue centre");
        if (frameExact) assertColor(YELLOW, c[4], 3, "frame on the left edge");
        assertColor(SpriteRenderer.PLACEHOLDER, c[5], 3, "placeholder");
        assertColor(WHITE, c[6], 3, "background");
    }

    @Test
    void p2dSpritesInARealWindow() throws Exception {
        assumeDisplay();
        Scene s = open("P2DSpriteTest", () -> new Scene("p2d", PConstants.P2D, POINTS));
        try {
            assertEquals(4, s.drawn);
            check(s.samples, true);
        } finally {
            s.close();
        }
    }

    @Test
    void java2dDirectWritesReachTheScreen() throws Exception {
        assumeDisplay();
        Scene s = open("Java2DSpriteTest", () -> new Scene("java2d", PConstants.JAVA2D, POINTS));
        try {
            assertEquals(4, s.drawn);
            check(s.samples, true);
            // What the window shows. The sketch redraws the same scene every frame, but a capture can come
            // before a frame has reached the X server (seen: all black), so it is taken again for up to 5 s.
            Component canvas = (Component) s.getSurface().getNative();
            Robot robot = new Robot();
            long end = System.nanoTime() + 5_000_000_000L;
            for (;;) {
                robot.waitForIdle();
                Point at = canvas.getLocationOnScreen();
                BufferedImage shot = robot.createScreenCapture(new java.awt.Rectangle(at.x, at.y, 240, 160));
                int[] screen = new int[POINTS.length];
                for (int k = 0; k < POINTS.length; k++) screen[k] = shot.getRGB(POINTS[k][0], POINTS[k][1]);
                try {
                    check(screen, true);
                    break;
                } catch (AssertionError e) {
                    if (System.nanoTime() > end) throw e;
                    robot.delay(100);
                }
            }
        } finally {
            s.close();
        }
    }

    /**
     * Sprites in the order given, each its own size, framed (the 3-D view's draw): red (big, drawn first),
     * green over it, blue last over both; a frame drawn with its sprite is covered by what comes after.
     */
    static final class Ordered extends Probe {
        final String renderer, sprites;
        final int[][] points = {{60, 60}, {90, 70}, {110, 80}, {20, 60}, {200, 140}, {71, 60}};
        final int[] samples = new int[points.length];
        final SpriteAtlas atlas = new SpriteAtlas(64);
        SpriteRenderer r;

        Ordered(String renderer, String sprites) {
            this.renderer = renderer;
            this.sprites = sprites;
            atlas.set(0, solid(64, 64, RED));
            atlas.set(1, solid(64, 64, GREEN));
            atlas.set(2, solid(64, 64, BLUE));
        }

        @Override public void settings() { size(240, 160, sprites); }

        @Override public void draw() {
            try {
                if (stop) { exit(); return; }
                if (r == null) r = SpriteRenderers.create(renderer, g);
                background(255);
                // red [20,100)x[20,100) framed yellow; green [70,110)x[50,90) framed white... blue [100,120)x[70,90)
                drawn = r.draw(g, atlas, new float[] {60, 90, 110, 500}, new float[] {60, 70, 80, 80},
                        new float[] {80, 40, 20, 10}, new int[] {0, 1, 2, 3}, 4, new int[] {YELLOW, 0, 0, 0});
                if (frameCount == 3) {
                    for (int k = 0; k < points.length; k++) samples[k] = get(points[k][0], points[k][1]);
                    sampled.countDown();
                }
            } catch (Throwable t) {
                error = t;
                sampled.countDown();
                exit();
            }
        }
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"p2d", "java2d", "naive"})
    void spritesInTheOrderGivenEachItsOwnSize(String name) throws Exception {
        assumeDisplay();
        Ordered s = open("OrderedSpriteTest-" + name, () -> new Ordered(name, name.equals("p2d") ? PConstants.P2D : PConstants.JAVA2D));
        try {
            assertEquals(3, s.drawn, "the fourth is off screen");
            int[] c = s.samples;
            assertColor(RED, c[0], 3, "red where nothing covers it");
            assertColor(GREEN, c[1], 3, "green over red");
            assertColor(BLUE, c[2], 3, "blue over green");
            assertColor(YELLOW, c[3], 3, "red's frame on its left edge");
            assertColor(WHITE, c[4], 3, "background");
            assertColor(GREEN, c[5], 3, "green covers red's interior next to its own edge");
        } finally {
            s.close();
        }
    }
}
