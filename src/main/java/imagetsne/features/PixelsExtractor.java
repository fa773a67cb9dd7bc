package imagetsne.features;

import java.awt.image.BufferedImage;

/** Raw pixels: the image stretched to 32x32, composited on grey, RGB in 0..1. The baseline of the ml4a demos. */
public final class PixelsExtractor extends ParallelExtractor {
    public static final int SIDE = 32;

    public PixelsExtractor(int threads) { super(threads); }

    @Override public String kind() { return "pixels"; }
    @Override public String cacheKey() { return "pixels-v1"; }
    @Override public int dimension() { return SIDE * SIDE * 3; }
    @Override public int inputSide() { return SIDE; }

    @Override float[] extractOne(BufferedImage img) {
        int[] px = ImageArrays.argb(img, SIDE, SIDE);
        float[] v = new float[SIDE * SIDE * 3];
        for (int i = 0; i < px.length; i++) {
            int c = ImageArrays.onGrey(px[i]);
            v[3 * i] = ((c >> 16) & 255) / 255f;
            v[3 * i + 1] = ((c >> 8) & 255) / 255f;
            v[3 * i + 2] = (c & 255) / 255f;
        }
        return v;
    }
}
