package imagetsne.render;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import processing.awt.PGraphicsJava2D;
import processing.core.PApplet;

import java.util.Arrays;
import java.util.Random;

import static imagetsne.render.Images.assertColor;
import static imagetsne.render.Images.solid;
import static imagetsne.render.Images.split;
import static org.junit.jupiter.api.Assertions.*;

/** Real pixels: sprites drawn on an offscreen PGraphicsJava2D (no display needed). */
class Java2DRendererTest {
    static final int WHITE = 0xFFFFFFFF, RED = 0xFFFF0000, GREEN = 0xFF00FF00, BLUE = 0xFF0000FF,
            YELLOW = 0xFFFFFF00, MAGENTA = 0xFFFF00FF;

    static PGraphicsJava2D offscreen(int w, int h, int density) {
        PGraphicsJava2D g = new PGraphicsJava2D();
        g.setParent(new PApplet());
        g.setPrimary(false);
        g.pixelDensity = density;
        g.setSize(w, h);
        return g;
    }

    static int px(PGraphicsJava2D g, int x, int y) { return g.pixels[y * g.pixelWidth + x]; }

    /** The scene of {@link #spritesLandWithTheirColours}: ten sprites, four of them not drawn. */
    static final float[] X = {40, 120, 40, 120, -100, 1e9f, Float.NaN, 195, -1e30f, 160};
    static final float[] Y = {40, 40, 100, 100, -100, 50, 50, 145, 1e30f, 20};

    static SpriteAtlas sceneAtlas() {
        SpriteAtlas atlas = new SpriteAtlas(64);
        atlas.set(0, solid(64, 64, RED));
        atlas.set(1, solid(64, 32, GREEN));
        atlas.set(2, solid(64, 64, BLUE));
        // 3: no thumbnail -> placeholder
        for (int i = 4; i < 9; i++) atlas.set(i, solid(64, 64, RED));
        atlas.set(9, solid(64, 64, 0x80000000)); // half-transparent black
        return atlas;
    }

    @ParameterizedTest
    @ValueSource(strings = {"java2d", "java2d-pixels", "naive"})
    void spritesLandWithTheirColours(String name) {
        PGraphicsJava2D g = offscreen(200, 150, 1);
        SpriteRenderer r = SpriteRenderers.create(name, g);
        assertEquals(name, r.name());
        int[] frame = new int[10];
        frame[2] = YELLOW;
        frame[3] = MAGENTA;
        g.beginDraw();
        g.background(255);
        int drawn = r.draw(g, sceneAtlas(), X, Y, 10, 30, frame);
        g.endDraw();
        assertEquals(6, drawn, "drawn: 0,1,2,3 (placeholder), 7 (clipped), 9");
        assertColor(RED, px(g, 40, 40), 0, "red centre");
        assertColor(RED, px(g, 27, 27), 0, "red inside corner");
        assertColor(WHITE, px(g, 40, 57), 0, "below red");
        assertColor(GREEN, px(g, 120, 40), 0, "green centre");
        assertColor(GREEN, px(g, 120, 34), 0, "green near its top (aspect 2: 30x15, rows 33..47)");
        assertColor(WHITE, px(g, 120, 31), 0, "above the aspect-kept green box");
        assertColor(BLUE, px(g, 40, 100), 0, "blue centre");
        assertColor(GREY, px(g, 120, 100), 0, "placeholder");
        assertColor(RED, px(g, 199, 149), 0, "clipped sprite's visible corner");
        assertColor(0xFF7F7F7F, px(g, 160, 20), 2, "half-transparent black over white");
        if (!name.equals("naive")) { // Processing's stroke is antialiased
            assertColor(YELLOW, px(g, 25, 100), 0, "frame, left column");
            assertColor(YELLOW, px(g, 54, 100), 0, "frame, right column");
            assertColor(YELLOW, px(g, 40, 85), 0, "frame, top row");
            assertColor(YELLOW, px(g, 40, 114), 0, "frame, bottom row");
            assertColor(BLUE, px(g, 26, 100), 0, "inside the frame");
            assertColor(GREEN, px(g, 120, 33), 0, "green top row");
            assertColor(WHITE, px(g, 120, 32), 0, "above green");
            assertColor(WHITE, px(g, 24, 100), 0, "outside the frame");
            assertColor(MAGENTA, px(g, 105, 100), 0, "placeholders take frames too");
            assertColor(RED, px(g, 25, 40), 0, "no frame on sprite 0");
        }
    }

    static final int GREY = SpriteRenderer.PLACEHOLDER;

    @Test
    void manySpritesInOneCallAndAtlasUpdates() {
        PGraphicsJava2D g = offscreen(100, 60, 1);
        SpriteRenderer r = SpriteRenderers.create("java2d", g);
        SpriteAtlas atlas = new SpriteAtlas(64);
        float[] x = {15, 45, 75}, y = {30, 30, 30};
        atlas.set(0, solid(64, 64, RED));
        atlas.set(2, solid(64, 64, BLUE));
        g.beginDraw();
        g.background(0);
        assertEquals(3, r.draw(g, atlas, x, y, 3, 20, null));
        g.endDraw();
        assertColor(RED, px(g, 15, 30), 0, "sprite 0");
        assertColor(GREY, px(g, 45, 30), 0, "sprite 1 not ready");
        assertColor(BLUE, px(g, 75, 30), 0, "sprite 2");
        atlas.set(1, solid(64, 64, GREEN)); // arrives later, e.g. from the worker
        g.beginDraw();
        g.background(0);
        r.draw(g, atlas, x, y, 3, 20, null);
        g.endDraw();
        assertColor(GREEN, px(g, 45, 30), 0, "sprite 1 after set");
    }

    @Test
    void nearestNeighbourFromTheRightMip() {
        PGraphicsJava2D g = offscreen(200, 150, 1);
        SpriteRenderer r = SpriteRenderers.create("java2d", g);
        SpriteAtlas atlas = new SpriteAtlas(64);
        atlas.set(0, split(64, 64, RED, BLUE));
        for (float size : new float[] {64, 30, 8, 4}) {
            g.beginDraw();
            g.background(255);
            r.draw(g, atlas, new float[] {100}, new float[] {75}, 1, size, null);
            g.endDraw();
            int half = Math.round(size / 2);
            for (int x = 100 - half; x < 100 + half; x++)
                assertColor(x < 100 ? RED : BLUE, px(g, x, 75), 0, "size " + size + " column " + x);
            assertColor(WHITE, px(g, 100 - half - 1, 75), 0, "size " + size + " left of sprite");
            assertColor(WHITE, px(g, 100 + half, 75), 0, "size " + size + " right of sprite");
        }
    }

    @Test
    void pixelDensityTwoScalesToDevicePixels() {
        PGraphicsJava2D g = offscreen(100, 80, 2);
        assertEquals(200, g.pixelWidth);
        SpriteRenderer r = SpriteRenderers.create("java2d", g);
        SpriteAtlas atlas = new SpriteAtlas(64);
        atlas.set(0, solid(64, 64, RED));
        g.beginDraw();
        g.background(255);
        assertEquals(1, r.draw(g, atlas, new float[] {50}, new float[] {40}, 1, 20, new int[] {YELLOW}));
        g.endDraw();
        // logical [40,60) x [30,50) -> device [80,120) x [60,100); the frame is one logical pixel (2 device)
        assertColor(RED, px(g, 100, 80), 0, "centre");
        assertColor(YELLOW, px(g, 80, 80), 0, "frame, device column 80");
        assertColor(YELLOW, px(g, 81, 80), 0, "frame, device column 81");
        assertColor(RED, px(g, 82, 80), 0, "inside the frame");
        assertColor(YELLOW, px(g, 119, 80), 0, "frame, right");
        assertColor(WHITE, px(g, 120, 80), 0, "right of sprite");
        assertColor(WHITE, px(g, 100, 100), 0, "below sprite");
    }

    @Test
    void factoryRejectsUnknownNamesAndWrongGraphics() {
        PGraphicsJava2D g = offscreen(10, 10, 1);
        assertThrows(IllegalArgumentException.class, () -> SpriteRenderers.create("p2d", g));
        assertThrows(IllegalArgumentException.class, () -> SpriteRenderers.create("bogus", g));
        assertThrows(IllegalArgumentException.class, () -> SpriteRenderers.create("java2d", null));
        assertEquals("java2d", SpriteRenderers.create("JAVA2D", g).name());
        assertEquals("java2d", SpriteRenderers.createFor(g).name());
    }

    @Test
    void blendMatchesSourceOver() {
        Random rnd = new Random(7);
        for (int k = 0; k < 100_000; k++) {
            int s = rnd.nextInt(), a = s >>> 24;
            if (a == 0 || a == 255) continue;
            boolean opaqueDst = k % 2 == 0;
            int d = opaqueDst ? rnd.nextInt() | 0xFF000000 : rnd.nextInt();
            int got = Java2DSpriteRenderer.over(s, a, d, false);
            double sa = a / 255.0, da = (d >>> 24) / 255.0, oa = sa + da * (1 - sa);
            int want = (int) Math.round(oa * 255) << 24;
            for (int sh = 0; sh <= 16; sh += 8) {
                double c = ((s >>> sh & 255) * sa + (d >>> sh & 255) * da * (1 - sa)) / oa;
                want |= (int) Math.round(c) << sh;
            }
            assertColor(want, got, 1, "over(" + Images.hex(s) + ", " + Images.hex(d) + ")");
        }
    }

    @Test
    void emptyAndDegenerateInputs() {
        PGraphicsJava2D g = offscreen(50, 50, 1);
        SpriteRenderer r = SpriteRenderers.create("java2d", g);
        SpriteAtlas atlas = new SpriteAtlas(64);
        atlas.set(0, solid(64, 64, RED));
        g.beginDraw();
        g.background(255);
        assertEquals(0, r.draw(g, atlas, new float[0], new float[0], 0, 10, null));
        assertEquals(0, r.draw(g, atlas, new float[] {25}, new float[] {25}, 1, 0, null), "size 0");
        assertEquals(1, r.draw(g, atlas, new float[] {25}, new float[] {25}, 1, 0.3f, null), "sub-pixel: one pixel");
        assertEquals(1, r.draw(g, atlas, new float[] {25}, new float[] {25}, 1, 1e7f, null), "huge: covers the frame");
        g.endDraw();
        int[] expect = new int[g.pixels.length];
        Arrays.fill(expect, RED);
        assertArrayEquals(expect, g.pixels);
        assertThrows(IllegalArgumentException.class, () -> r.draw(g, atlas, new float[1], new float[1], 2, 10, null));
    }
}
