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

    /** Draws a fixed scene every frame; from frame 3 on, samples pixels on the animation thread. */
    static final class Scene extends PApplet {
        final String renderer, sprites;
        final int[][] points;            // {x, y} to sample
        final int[] samples;
        final CountDownLatch sampled = new CountDownLatch(1);
        volatile Throwable error;
        volatile boolean stop;
        volatile int drawn;
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

        @Override public void exitActual() {} // keep the test JVM alive
    }

    static void assumeDisplay() {
        imagetsne.testing.Display.require();
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
        Scene s = new Scene("p2d", PConstants.P2D, POINTS);
        PApplet.runSketch(new String[] {"P2DSpriteTest"}, s);
        try {
            assertTrue(s.sampled.await(60, TimeUnit.SECONDS), "no frame 3 within 60 s");
            if (s.error != null) throw new AssertionError("sketch failed", s.error);
            assertEquals(4, s.drawn);
            check(s.samples, true);
        } finally {
            s.stop = true;
        }
    }

    @Test
    void java2dDirectWritesReachTheScreen() throws Exception {
        assumeDisplay();
        Scene s = new Scene("java2d", PConstants.JAVA2D, POINTS);
        PApplet.runSketch(new String[] {"Java2DSpriteTest"}, s);
        try {
            assertTrue(s.sampled.await(60, TimeUnit.SECONDS), "no frame 3 within 60 s");
            if (s.error != null) throw new AssertionError("sketch failed", s.error);
            assertEquals(4, s.drawn);
            check(s.samples, true);
            // what the window shows (the sketch redraws the same scene every frame)
            Component canvas = (Component) s.getSurface().getNative();
            Point at = canvas.getLocationOnScreen();
            Robot robot = new Robot();
            robot.waitForIdle();
            BufferedImage shot = robot.createScreenCapture(new java.awt.Rectangle(at.x, at.y, 240, 160));
            int[] screen = new int[POINTS.length];
            for (int k = 0; k < POINTS.length; k++) screen[k] = shot.getRGB(POINTS[k][0], POINTS[k][1]);
            check(screen, true);
        } finally {
            s.stop = true;
        }
    }

    /**
     * Sprites in the order given, each its own size, framed (the 3-D view's draw): red (big, drawn first),
     * green over it, blue last over both; a frame drawn with its sprite is covered by what comes after.
     */
    static final class Ordered extends PApplet {
        final String renderer, sprites;
        final int[][] points = {{60, 60}, {90, 70}, {110, 80}, {20, 60}, {200, 140}, {71, 60}};
        final int[] samples = new int[points.length];
        final CountDownLatch sampled = new CountDownLatch(1);
        final SpriteAtlas atlas = new SpriteAtlas(64);
        volatile Throwable error;
        volatile boolean stop;
        volatile int drawn;
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

        @Override public void exitActual() {}
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"p2d", "java2d", "naive"})
    void spritesInTheOrderGivenEachItsOwnSize(String name) throws Exception {
        assumeDisplay();
        Ordered s = new Ordered(name, name.equals("p2d") ? PConstants.P2D : PConstants.JAVA2D);
        PApplet.runSketch(new String[] {"OrderedSpriteTest-" + name}, s);
        try {
            assertTrue(s.sampled.await(60, TimeUnit.SECONDS), "no frame 3 within 60 s");
            if (s.error != null) throw new AssertionError("sketch failed", s.error);
            assertEquals(3, s.drawn, "the fourth is off screen");
            int[] c = s.samples;
            assertColor(RED, c[0], 3, "red where nothing covers it");
            assertColor(GREEN, c[1], 3, "green over red");
            assertColor(BLUE, c[2], 3, "blue over green");
            assertColor(YELLOW, c[3], 3, "red's frame on its left edge");
            assertColor(WHITE, c[4], 3, "background");
            assertColor(GREEN, c[5], 3, "green covers red's interior next to its own edge");
        } finally {
            s.stop = true;
        }
    }
}
