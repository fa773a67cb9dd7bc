package imagetsne.features;

import boofcv.abst.feature.dense.DescribeImageDense;
import boofcv.factory.feature.dense.ConfigDenseHoG;
import boofcv.factory.feature.dense.FactoryDescribeImageDense;
import boofcv.struct.feature.TupleDesc_F64;
import boofcv.struct.image.GrayF32;
import boofcv.struct.image.ImageType;

import java.awt.image.BufferedImage;
import java.util.List;

/**
 * Hand-made features that need no weights: shape (BoofCV dense HOG on a 64x64 grey version), colour (an
 * alpha-weighted HSV histogram) and layout of colour (an 8x8 RGB thumbnail). Each block is L2-normalised
 * to the same norm, so the 1764 HOG values do not drown the 52 histogram bins.
 */
public final class HogExtractor extends ParallelExtractor {
    static final int SIDE = 64, CELL = 8, CELLS_PER_BLOCK = 2, BINS = 9;
    static final int BLOCKS = SIDE / CELL - CELLS_PER_BLOCK + 1;
    static final int HOG_DIM = BLOCKS * BLOCKS * CELLS_PER_BLOCK * CELLS_PER_BLOCK * BINS;
    /** 4 grey levels for unsaturated pixels + 8 hues x 2 saturations x 3 values. */
    static final int HUES = 8, SATS = 2, VALS = 3, GREYS = 4;
    static final int HIST_DIM = GREYS + HUES * SATS * VALS;
    static final int THUMB = 8, THUMB_DIM = THUMB * THUMB * 3;
    static final int DIM = HOG_DIM + HIST_DIM + THUMB_DIM;
    /** Relative weight of each block's L2 norm in the final vector. */
    static final double W_HOG = 1.0, W_HIST = 1.0, W_THUMB = 1.0;

    private final ThreadLocal<DescribeImageDense<GrayF32, TupleDesc_F64>> hog = ThreadLocal.withInitial(() -> {
        ConfigDenseHoG c = new ConfigDenseHoG();
        c.pixelsPerCell = CELL;
        c.cellsPerBlockX = CELLS_PER_BLOCK;
        c.cellsPerBlockY = CELLS_PER_BLOCK;
        c.orientationBins = BINS;
        c.stepBlock = 1;
        c.fastVariant = true;
        return FactoryDescribeImageDense.hog(c, ImageType.single(GrayF32.class));
    });
    private final ThreadLocal<GrayF32> grey = ThreadLocal.withInitial(() -> new GrayF32(SIDE, SIDE));

    public HogExtractor(int threads) { super(threads); }

    @Override public String kind() { return "hog"; }
    @Override public String cacheKey() { return "hog-v1"; }
    @Override public int dimension() { return DIM; }
    @Override public int inputSide() { return SIDE; }

    @Override float[] extractOne(BufferedImage img) {
        int[] px = ImageArrays.argb(img, SIDE, SIDE);
        float[] v = new float[DIM];
        hog(px, v);
        histogram(px, v, HOG_DIM);
        thumbnail(px, v, HOG_DIM + HIST_DIM);
        ImageArrays.normalise(v, 0, HOG_DIM, W_HOG);
        ImageArrays.normalise(v, HOG_DIM, HOG_DIM + HIST_DIM, W_HIST);
        ImageArrays.normalise(v, HOG_DIM + HIST_DIM, DIM, W_THUMB);
        return v;
    }

    private void hog(int[] px, float[] v) {
        GrayF32 g = grey.get();
        for (int i = 0; i < px.length; i++) {
            int c = ImageArrays.onGrey(px[i]);
            g.data[i] = 0.299f * ((c >> 16) & 255) + 0.587f * ((c >> 8) & 255) + 0.114f * (c & 255);
        }
        DescribeImageDense<GrayF32, TupleDesc_F64> d = hog.get();
        d.process(g);
        List<TupleDesc_F64> blocks = d.getDescriptions();
        int k = 0;
        for (TupleDesc_F64 b : blocks) {
            for (double x : b.data) {
                if (k >= HOG_DIM) break;
                v[k++] = Double.isFinite(x) ? (float) x : 0f;
            }
        }
        if (k != HOG_DIM) throw new IllegalStateException("HOG gave " + k + " values, expected " + HOG_DIM);
    }

    /** HSV histogram weighted by alpha (transparent pixels count for nothing), square-rooted (Hellinger). */
    private static void histogram(int[] px, float[] v, int off) {
        float[] hsv = new float[3];
        double total = 0;
        for (int p : px) {
            int a = p >>> 24;
            if (a == 0) continue;
            java.awt.Color.RGBtoHSB((p >> 16) & 255, (p >> 8) & 255, p & 255, hsv);
            float h = hsv[0], s = hsv[1], val = hsv[2];
            int bin;
            if (s < 0.2f || val < 0.15f) {
                bin = Math.min(GREYS - 1, (int) (val * GREYS));
            } else {
                int hb = Math.min(HUES - 1, (int) (h * HUES));
                int sb = s < 0.6f ? 0 : 1;
                int vb = Math.min(VALS - 1, (int) ((val - 0.15f) / 0.85f * VALS));
                bin = GREYS + (hb * SATS + sb) * VALS + vb;
            }
            v[off + bin] += a / 255f;
            total += a / 255.0;
        }
        if (total <= 0) return;
        for (int i = 0; i < HIST_DIM; i++) v[off + i] = (float) Math.sqrt(v[off + i] / total);
    }

    /** Tiny colour thumbnail (box average of the 64x64 composite), centred on mid grey: a blank image gives zeros. */
    private static void thumbnail(int[] px, float[] v, int off) {
        int step = SIDE / THUMB;
        float norm = 255f * step * step;
        for (int y = 0; y < SIDE; y++) {
            for (int x = 0; x < SIDE; x++) {
                int c = ImageArrays.onGrey(px[y * SIDE + x]);
                int t = off + 3 * ((y / step) * THUMB + x / step);
                v[t] += (((c >> 16) & 255) - 128) / norm;
                v[t + 1] += (((c >> 8) & 255) - 128) / norm;
                v[t + 2] += ((c & 255) - 128) / norm;
            }
        }
    }
}
