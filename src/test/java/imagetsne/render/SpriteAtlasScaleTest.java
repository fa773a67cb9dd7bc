package imagetsne.render;

import static imagetsne.render.Images.assertColor;
import static imagetsne.render.Images.blockMean;
import static org.junit.jupiter.api.Assertions.*;

import java.awt.image.BufferedImage;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The atlas at collection scale: 200,000 real thumbnails (400 emoji, each index its own entry) in a
 * budget that fits them only at 16 px, drawn by the software rasteriser at fit-to-window size and
 * zoomed in, where detail copies bring the full 64 px back. Pixels are compared with the source images.
 */
class SpriteAtlasScaleTest {
    static final int N = 200_000, DISTINCT = 400;
    /** 200k sprites fit at 16 px (1.6 KB each with their object) but not at 32 px (5.7 KB). */
    static final long BUDGET = 400L << 20;

    @Test
    void twoHundredThousandEntriesStayInTheBudgetAndDrawTheirOwnThumbnails() throws Exception {
        List<BufferedImage> emoji = Images.emoji(DISTINCT);
        long heapBefore = usedHeap();
        SpriteAtlas atlas = new SpriteAtlas(64, BUDGET);
        for (int i = 0; i < N; i++) {
            atlas.set(i, emoji.get(i % DISTINCT));
            if (i % 25_000 == 0) assertTrue(atlas.bytes() <= BUDGET, "within the budget while filling, at " + i + ": " + atlas.bytes());
        }
        assertEquals(16, atlas.residentSide(), "the budget halved the cells twice");
        assertTrue(atlas.bytes() <= BUDGET, "accounted bytes " + atlas.bytes());
        long heap = usedHeap() - heapBefore;
        assertTrue(heap < BUDGET * 5 / 4, "the heap grew by " + (heap >> 20) + " MB for a " + (BUDGET >> 20) + " MB budget: dropped levels were freed");
        for (int i : new int[] {0, 1, 399, 400, 77_777, 150_001, N - 1}) {
            SpriteAtlas.Sprite s = atlas.sprite(i);
            assertArrayEquals(new int[] {16, 8, 4}, s.w, "levels of " + i);
            assertTrue(s.trimmed(), "entry " + i + " knows it lost its larger levels");
            BufferedImage t = atlas.thumbnail(i), src = emoji.get(i % DISTINCT);
            for (int by = 0; by < 16; by += 5) for (int bx = 0; bx < 16; bx += 5)
                assertColor(blockMean(src, 4, bx, by), t.getRGB(bx, by), 3, "entry " + i + " pixel " + bx + "," + by);
        }

        // fit: a 500 x 400 grid of 2-px sprites fills a 1000 x 800 frame; each pixel is a 4x4-mip pixel, a 16x16 block mean
        int w = 1000, h = 800;
        float[] x = new float[N], y = new float[N];
        for (int i = 0; i < N; i++) { x[i] = 1 + 2 * (i % 500); y[i] = 1 + 2 * (i / 500); }
        int[] frame = new int[w * h];
        assertEquals(N, Java2DSpriteRenderer.raster(frame, w, h, true, atlas.snapshot(), atlas.detail(), x, y, null, N, 2, null, 1, null));
        int[][] means = new int[DISTINCT][4];
        for (int k = 0; k < DISTINCT; k++) for (int q = 0; q < 4; q++) means[k][q] = blockMean(emoji.get(k), 16, 1 + 2 * (q % 2), 1 + 2 * (q / 2));
        int off = 0;
        for (int i = 0; i < N; i++) {
            int px = 2 * (i % 500), py = 2 * (i / 500);
            for (int q = 0; q < 4; q++) {
                int got = frame[(py + q / 2) * w + px + q % 2], want = means[i % DISTINCT][q];
                for (int shift = 0; shift <= 16; shift += 8) if (Math.abs((got >> shift & 255) - (want >> shift & 255)) > 4) { off++; break; }
            }
        }
        assertEquals(0, off, "fit-size pixels that are not their own thumbnail's");

        // zoomed in: a few sprites at 64 px. First from the 16-px cells, scaled up; then from detail copies, exact
        AtomicInteger arrived = new AtomicInteger();
        atlas.setDetailSource(i -> emoji.get(i % DISTINCT), arrived::incrementAndGet);
        int[] shown = {3, 401, 99_999, 150_001, N - 1};
        Arrays.fill(x, Float.NaN);
        for (int k = 0; k < shown.length; k++) { x[shown[k]] = 40 + 70 * k; y[shown[k]] = 40; }
        Java2DSpriteRenderer.raster(frame, w, h, true, atlas.snapshot(), atlas.detail(), x, y, null, N, 64, null, 1, null);
        atlas.detail().endFrame();
        for (int k = 0; k < shown.length; k++) {
            BufferedImage src = emoji.get(shown[k] % DISTINCT);
            int blurred = 0;
            for (int py = 0; py < 64; py++) for (int px = 0; px < 64; px++) {
                int got = frame[(8 + py) * w + 8 + 70 * k + px], want = src.getRGB(px, py);
                assertColor(blockMean(src, 4, px / 4, py / 4), got, 3, "before detail, sprite " + shown[k] + " at " + px + "," + py);
                for (int shift = 0; shift <= 16; shift += 8) if (Math.abs((got >> shift & 255) - (want >> shift & 255)) > 24) { blurred++; break; }
            }
            assertTrue(blurred > 40, "the 16-px cell alone cannot show the full image (" + blurred + " pixels far off)");
        }
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (Arrays.stream(shown).anyMatch(i -> atlas.detail().get(i) == null)) {
            assertTrue(System.nanoTime() < deadline, "detail copies did not arrive within 20 s");
            Thread.sleep(20);
        }
        assertTrue(arrived.get() > 0, "the sketch was told to redraw");
        Java2DSpriteRenderer.raster(frame, w, h, true, atlas.snapshot(), atlas.detail(), x, y, null, N, 64, null, 1, null);
        for (int k = 0; k < shown.length; k++) {
            BufferedImage src = emoji.get(shown[k] % DISTINCT);
            for (int py = 0; py < 64; py++) for (int px = 0; px < 64; px++)
                assertEquals(src.getRGB(px, py), frame[(8 + py) * w + 8 + 70 * k + px], "detail of sprite " + shown[k] + " at " + px + "," + py);
        }
    }

    private static long usedHeap() throws InterruptedException {
        for (int k = 0; k < 3; k++) { System.gc(); Thread.sleep(50); }
        Runtime rt = Runtime.getRuntime();
        return rt.totalMemory() - rt.freeMemory();
    }
}
