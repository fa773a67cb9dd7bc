package imagetsne.features.nn;

/**
 * Max or average pooling over a window; positions in the padding are left out of both (TensorFlow's
 * "same" average divides by the number of real inputs under the window). A window as large as the input
 * with no padding is global pooling.
 */
final class PoolStep extends Step {
    private final boolean max;
    private final int kh, kw, sy, sx, top, left;

    PoolStep(String name, int input, int output, int inH, int inW, int c, int stride, boolean max, int kh, int kw,
             int sy, int sx, Pads pads) {
        super(name, new int[] {input}, output, (inH + pads.top() + pads.bottom() - kh) / sy + 1,
                (inW + pads.left() + pads.right() - kw) / sx + 1, c, stride);
        if (h < 1 || w < 1) throw new IllegalArgumentException(name + ": the pooling window is larger than its input");
        this.max = max;
        this.kh = kh;
        this.kw = kw;
        this.sy = sy;
        this.sx = sx;
        this.top = pads.top();
        this.left = pads.left();
    }

    @Override void run(Tensor[] in, float[] out, Workspace ws, Kernels k) {
        Tensor t = in[0];
        float[] x = t.data;
        for (int oy = 0; oy < h; oy++) {
            int y0 = Math.max(0, oy * sy - top), y1 = Math.min(t.h, oy * sy - top + kh);
            for (int ox = 0; ox < w; ox++) {
                int x0 = Math.max(0, ox * sx - left), x1 = Math.min(t.w, ox * sx - left + kw);
                int o = (oy * w + ox) * stride;
                java.util.Arrays.fill(out, o, o + stride, max ? Float.NEGATIVE_INFINITY : 0f);
                for (int y = y0; y < y1; y++) {
                    for (int xx = x0; xx < x1; xx++) {
                        int a = (y * t.w + xx) * stride;
                        if (max) for (int ch = 0; ch < c; ch++) out[o + ch] = Math.max(out[o + ch], x[a + ch]);
                        else for (int ch = 0; ch < c; ch++) out[o + ch] += x[a + ch];
                    }
                }
                if (!max) {
                    float inv = 1f / ((y1 - y0) * (x1 - x0));
                    for (int ch = 0; ch < c; ch++) out[o + ch] *= inv;
                }
                java.util.Arrays.fill(out, o + c, o + stride, 0f);
            }
        }
    }
}
