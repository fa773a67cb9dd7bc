package imagetsne.render;

import org.junit.jupiter.api.Test;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static imagetsne.render.Images.assertColor;
import static imagetsne.render.Images.solid;
import static org.junit.jupiter.api.Assertions.*;

class SpriteAtlasTest {

    @Test
    void squareThumbnailHasMips64To4() {
        SpriteAtlas atlas = new SpriteAtlas(64);
        atlas.set(0, solid(64, 64, 0xFF336699));
        SpriteAtlas.Sprite s = atlas.sprite(0);
        assertArrayEquals(new int[] {64, 32, 16, 8, 4}, s.w);
        assertArrayEquals(new int[] {64, 32, 16, 8, 4}, s.h);
        assertTrue(s.opaque);
        for (int k = 0; k < s.levels; k++) {
            assertEquals(0xFF336699, s.pix[k][s.off[k]], "level " + k + " first pixel");
            assertEquals(0xFF336699, s.pix[k][s.off[k] + s.w[k] * s.h[k] - 1], "level " + k + " last pixel");
        }
        // small mips of consecutive thumbnails sit next to each other (cache-friendly at 20k sprites)
        atlas.set(1, solid(64, 64, 0xFF000000));
        SpriteAtlas.Sprite t = atlas.sprite(1);
        for (int k = 0; k < 5; k++) {
            assertSame(s.pix[k], t.pix[k], "level " + k + " shares a chunk");
            assertEquals(s.off[k] + s.w[k] * s.h[k], t.off[k], "level " + k + " adjacent");
        }
        assertEquals(0xFF336699, s.pix[3][s.off[3] + 63], "neighbour did not overwrite");
    }

    @Test
    void aspectIsKeptAndLargeImagesAreDownscaled() {
        SpriteAtlas atlas = new SpriteAtlas(64);
        atlas.set(0, solid(200, 100, 0xFFFF0000));
        atlas.set(1, solid(30, 60, 0xFF00FF00));
        assertEquals(2f, atlas.aspect(0), 1e-6);
        assertEquals(0.5f, atlas.aspect(1), 1e-6);
        assertEquals(1f, atlas.aspect(2), "unknown index");
        BufferedImage t0 = atlas.thumbnail(0);
        assertEquals(64, t0.getWidth());
        assertEquals(32, t0.getHeight());
        assertColor(0xFFFF0000, t0.getRGB(10, 10), 1, "downscaled colour");
        BufferedImage t1 = atlas.thumbnail(1);
        assertEquals(30, t1.getWidth(), "small thumbnails are not upscaled");
        assertEquals(60, t1.getHeight());
        assertEquals(0xFF00FF00, t1.getRGB(29, 59));
        assertEquals(BufferedImage.TYPE_INT_ARGB, t1.getType());
        // thumbnails share chunks: each must show its own pixels only
        assertEquals(0xFFFF0000, atlas.thumbnail(0).getRGB(63, 31));
        assertEquals(0xFF00FF00, t1.getRGB(0, 0));
        SpriteAtlas.Sprite s0 = atlas.sprite(0);
        assertArrayEquals(new int[] {64, 32, 16, 8, 4}, s0.w);
        assertArrayEquals(new int[] {32, 16, 8, 4, 2}, s0.h);
        SpriteAtlas.Sprite s1 = atlas.sprite(1);
        assertArrayEquals(new int[] {30, 15, 7, 3}, s1.w);
        assertArrayEquals(new int[] {60, 30, 15, 7}, s1.h);
        // mip choice: the smallest level still at least as large as the sprite
        assertEquals(0, s0.levelFor(40));
        assertEquals(1, s0.levelFor(32));
        assertEquals(2, s0.levelFor(9));
        assertEquals(4, s0.levelFor(2));
        assertEquals(0, s0.levelFor(500));
    }

    @Test
    void mipsWeighColourByAlpha() {
        // opaque red next to transparent black: the mip must stay red (half transparent), not go dark
        BufferedImage im = new BufferedImage(8, 8, BufferedImage.TYPE_INT_ARGB);
        for (int y = 0; y < 8; y++) for (int x = 0; x < 8; x++) im.setRGB(x, y, (x + y) % 2 == 0 ? 0xFFFF0000 : 0);
        SpriteAtlas atlas = new SpriteAtlas(64);
        atlas.set(5, im);
        SpriteAtlas.Sprite s = atlas.sprite(5);
        assertFalse(s.opaque);
        assertEquals(4, s.w[1]);
        assertColor(0x80FF0000, s.pix[1][s.off[1]], 1, "mip pixel");
    }

    @Test
    void versionCountsSetsAndClear() {
        SpriteAtlas atlas = new SpriteAtlas(32);
        long v0 = atlas.version();
        atlas.set(3, solid(4, 4, 0xFF000000));
        atlas.set(1000, solid(4, 4, 0xFF000000));
        assertEquals(v0 + 2, atlas.version());
        assertTrue(atlas.has(3));
        assertTrue(atlas.has(1000));
        assertFalse(atlas.has(4));
        assertFalse(atlas.has(-1));
        atlas.clear();
        assertEquals(v0 + 3, atlas.version());
        assertFalse(atlas.has(3));
        assertNull(atlas.thumbnail(1000));
        assertThrows(IndexOutOfBoundsException.class, () -> atlas.set(-1, solid(2, 2, 0)));
    }

    @Test
    void concurrentSetsFromThreadsWhileReading() throws Exception {
        SpriteAtlas atlas = new SpriteAtlas(16);
        int threads = 4, per = 600, n = threads * per;
        ExecutorService pool = Executors.newFixedThreadPool(threads + 1);
        CountDownLatch start = new CountDownLatch(1);
        AtomicBoolean writing = new AtomicBoolean(true);
        try {
            // a reader, as the animation thread: every entry it sees must be complete and the right one
            Future<Integer> reader = pool.submit(() -> {
                start.await();
                int seen = 0;
                while (writing.get()) {
                    SpriteAtlas.Sprite[] snap = atlas.snapshot();
                    for (int i = 0; i < snap.length; i++) {
                        SpriteAtlas.Sprite s = snap[i];
                        if (s == null) continue;
                        int last = s.levels - 1, end = s.off[last] + s.w[last] * s.h[last] - 1;
                        if (s.pix[0][s.off[0]] != colourOf(i) || s.pix[last][end] != colourOf(i))
                            throw new AssertionError("entry " + i + " incomplete or misplaced");
                        seen++;
                    }
                }
                return seen;
            });
            List<Future<?>> writers = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int tt = t;
                writers.add(pool.submit(() -> {
                    start.await();
                    for (int k = 0; k < per; k++) {
                        int i = k * threads + tt; // interleaved: indices grow from every thread at once
                        atlas.set(i, solid(12, 9, colourOf(i)));
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> f : writers) f.get(60, TimeUnit.SECONDS);
            writing.set(false);
            reader.get(60, TimeUnit.SECONDS);
        } finally {
            pool.shutdownNow();
        }
        assertEquals(n, atlas.version());
        for (int i = 0; i < n; i++) {
            assertTrue(atlas.has(i), "index " + i);
            assertEquals(colourOf(i), atlas.thumbnail(i).getRGB(5, 5), "index " + i);
            assertEquals(12f / 9f, atlas.aspect(i), 1e-6);
        }
    }

    private static int colourOf(int i) { return 0xFF000000 | (i * 0x9E3779B1) & 0xFFFFFF; }
}
