package imagetsne.features.nn;

/** {@link Kernels} in plain Java, for JVMs without the Vector API: a 16-wide panel the JIT may vectorise. */
final class ScalarKernels implements Kernels {
    private static final int P = 16;

    @Override public int panel() { return P; }

    @Override public String name() { return "scalar"; }

    @Override
    public void conv(float[] in, int[] rowOff, int m, int[] tapOff, int cin, float[] w, float[] bias, int panels,
                     float[] out, int outStride, float lo, float hi) {
        int taps = tapOff.length;
        float[] acc = new float[P];
        for (int p = 0; p < panels; p++) {
            int wp = p * taps * cin * P, cp = p * P;
            for (int i = 0; i < m; i++) {
                System.arraycopy(bias, cp, acc, 0, P);
                for (int t = 0; t < taps; t++) {
                    int a = rowOff[i] + tapOff[t], wb = wp + t * cin * P;
                    for (int k = 0; k < cin; k++) {
                        float x = in[a + k];
                        int wk = wb + k * P;
                        for (int j = 0; j < P; j++) acc[j] += x * w[wk + j];
                    }
                }
                int o = i * outStride + cp;
                for (int j = 0; j < P; j++) out[o + j] = Math.min(hi, Math.max(lo, acc[j]));
            }
        }
    }

    @Override
    public void depthwise(float[] in, int inW, int stride, int kh, int kw, int sy, int sx, float[] w, float[] bias,
                          float[] out, int outH, int outW, float lo, float hi) {
        for (int oy = 0; oy < outH; oy++) {
            for (int ox = 0; ox < outW; ox++) {
                int o = (oy * outW + ox) * stride;
                for (int c = 0; c < stride; c++) out[o + c] = bias[c];
                for (int dy = 0; dy < kh; dy++) {
                    for (int dx = 0; dx < kw; dx++) {
                        int a = ((oy * sy + dy) * inW + ox * sx + dx) * stride, wt = (dy * kw + dx) * stride;
                        for (int c = 0; c < stride; c++) out[o + c] += in[a + c] * w[wt + c];
                    }
                }
                for (int c = 0; c < stride; c++) out[o + c] = Math.min(hi, Math.max(lo, out[o + c]));
            }
        }
    }
}
