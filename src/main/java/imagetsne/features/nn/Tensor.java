package imagetsne.features.nn;

/**
 * One image's activations, height x width x channels in NHWC order with a channel stride of at least c
 * (a multiple of the kernels' panel; the padding channels hold zeros). A tensor a {@link Network} returns
 * is a view of its workspace, valid until that workspace runs the next image.
 */
public final class Tensor {
    public final int h, w, c, stride;
    final float[] data;

    Tensor(int h, int w, int c, int stride, float[] data) {
        this.h = h;
        this.w = w;
        this.c = c;
        this.stride = stride;
        this.data = data;
    }

    public float get(int y, int x, int ch) { return data[(y * w + x) * stride + ch]; }

    /** The values in Keras order (y, x, channel), without the padding channels. */
    public float[] toArray() {
        float[] out = new float[h * w * c];
        for (int p = 0; p < h * w; p++) System.arraycopy(data, p * stride, out, p * c, c);
        return out;
    }

    /** Mean of each channel over all positions (global average pooling). */
    public float[] channelMeans() {
        double[] s = new double[c];
        for (int p = 0; p < h * w; p++) for (int ch = 0; ch < c; ch++) s[ch] += data[p * stride + ch];
        float[] out = new float[c];
        for (int ch = 0; ch < c; ch++) out[ch] = (float) (s[ch] / (h * w));
        return out;
    }

    /** Maximum of each channel over all positions (global max pooling). */
    public float[] channelMaxima() {
        float[] out = new float[c];
        java.util.Arrays.fill(out, Float.NEGATIVE_INFINITY);
        for (int p = 0; p < h * w; p++) for (int ch = 0; ch < c; ch++) out[ch] = Math.max(out[ch], data[p * stride + ch]);
        return out;
    }
}
