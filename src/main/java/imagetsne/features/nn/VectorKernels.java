package imagetsne.features.nn;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link Kernels} on the JDK's incubating Vector API. The convolution keeps a tile of 6 output pixels x 2
 * vectors of output channels in registers (12 accumulators: fits AVX2's 16 registers and leaves AVX-512
 * room), broadcasting one input value against two weight vectors per step: about 200 GFLOP/s on one core
 * of this machine's AVX-512, against 5 for the plain loop. Loaded by name only when the module is present.
 */
final class VectorKernels implements Kernels {
    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    private static final int V = S.length(), P = 2 * V;

    @Override public int panel() { return P; }

    @Override public String name() { return "simd-" + V + "x32"; }

    @Override
    public void conv(float[] in, int[] rowOff, int m, int[] tapOff, int cin, float[] w, float[] bias, int panels,
                     float[] out, int outStride, float lo, float hi) {
        int taps = tapOff.length;
        float inf = Float.POSITIVE_INFINITY;
        for (int p = 0; p < panels; p++) {
            int wp = p * taps * cin * P, cp = p * P;
            int i = 0;
            for (; i + 6 <= m; i += 6) {
                for (int t = 0; t < taps; t++) {
                    boolean last = t == taps - 1;
                    tile6(in, rowOff, i, tapOff[t], cin, w, wp + t * cin * P, t == 0 ? bias : null, cp, out, i * outStride + cp,
                            outStride, last ? lo : -inf, last ? hi : inf);
                }
            }
            for (; i < m; i++) {
                for (int t = 0; t < taps; t++) {
                    boolean last = t == taps - 1;
                    tile1(in, rowOff[i] + tapOff[t], cin, w, wp + t * cin * P, t == 0 ? bias : null, cp, out, i * outStride + cp,
                            last ? lo : -inf, last ? hi : inf);
                }
            }
        }
    }

    /*
     * One tap of a tile: the accumulators start from the bias (first tap) or from what the tap before
     * stored. The loop over taps stays outside: with a loop nest around vector accumulators, the JIT of
     * Java 17 keeps them as heap objects and runs 40x slower; and with a linear index over the input
     * channels it can hoist the bounds checks.
     */
    private static void tile6(float[] in, int[] rowOff, int i, int to, int cin, float[] w, int wb, float[] bias, int cp,
                              float[] out, int o, int os, float lo, float hi) {
        FloatVector c00, c01, c10, c11, c20, c21, c30, c31, c40, c41, c50, c51;
        if (bias != null) {
            c00 = FloatVector.fromArray(S, bias, cp);
            c01 = FloatVector.fromArray(S, bias, cp + V);
            c10 = c00; c11 = c01; c20 = c00; c21 = c01; c30 = c00; c31 = c01; c40 = c00; c41 = c01; c50 = c00; c51 = c01;
        } else {
            c00 = FloatVector.fromArray(S, out, o); c01 = FloatVector.fromArray(S, out, o + V);
            c10 = FloatVector.fromArray(S, out, o + os); c11 = FloatVector.fromArray(S, out, o + os + V);
            c20 = FloatVector.fromArray(S, out, o + 2 * os); c21 = FloatVector.fromArray(S, out, o + 2 * os + V);
            c30 = FloatVector.fromArray(S, out, o + 3 * os); c31 = FloatVector.fromArray(S, out, o + 3 * os + V);
            c40 = FloatVector.fromArray(S, out, o + 4 * os); c41 = FloatVector.fromArray(S, out, o + 4 * os + V);
            c50 = FloatVector.fromArray(S, out, o + 5 * os); c51 = FloatVector.fromArray(S, out, o + 5 * os + V);
        }
        int a0 = rowOff[i] + to, a1 = rowOff[i + 1] + to, a2 = rowOff[i + 2] + to;
        int a3 = rowOff[i + 3] + to, a4 = rowOff[i + 4] + to, a5 = rowOff[i + 5] + to;
        for (int k = 0; k < cin; k++) {
            int wk = wb + k * P;
            FloatVector w0 = FloatVector.fromArray(S, w, wk), w1 = FloatVector.fromArray(S, w, wk + V);
            FloatVector x = FloatVector.broadcast(S, in[a0 + k]);
            c00 = x.fma(w0, c00);
            c01 = x.fma(w1, c01);
            x = FloatVector.broadcast(S, in[a1 + k]);
            c10 = x.fma(w0, c10);
            c11 = x.fma(w1, c11);
            x = FloatVector.broadcast(S, in[a2 + k]);
            c20 = x.fma(w0, c20);
            c21 = x.fma(w1, c21);
            x = FloatVector.broadcast(S, in[a3 + k]);
            c30 = x.fma(w0, c30);
            c31 = x.fma(w1, c31);
            x = FloatVector.broadcast(S, in[a4 + k]);
            c40 = x.fma(w0, c40);
            c41 = x.fma(w1, c41);
            x = FloatVector.broadcast(S, in[a5 + k]);
            c50 = x.fma(w0, c50);
            c51 = x.fma(w1, c51);
        }
        // written out: a helper taking vectors as arguments is not inlined here, and boxing them costs 6x.
        // The bound is the receiver, not the loop's result (see imagetsne.reduce.tsne.VectorKernel's note).
        FloatVector floor = FloatVector.broadcast(S, lo);
        floor.max(c00).min(hi).intoArray(out, o);
        floor.max(c01).min(hi).intoArray(out, o + V);
        floor.max(c10).min(hi).intoArray(out, o + os);
        floor.max(c11).min(hi).intoArray(out, o + os + V);
        floor.max(c20).min(hi).intoArray(out, o + 2 * os);
        floor.max(c21).min(hi).intoArray(out, o + 2 * os + V);
        floor.max(c30).min(hi).intoArray(out, o + 3 * os);
        floor.max(c31).min(hi).intoArray(out, o + 3 * os + V);
        floor.max(c40).min(hi).intoArray(out, o + 4 * os);
        floor.max(c41).min(hi).intoArray(out, o + 4 * os + V);
        floor.max(c50).min(hi).intoArray(out, o + 5 * os);
        floor.max(c51).min(hi).intoArray(out, o + 5 * os + V);
    }

    private static void tile1(float[] in, int a, int cin, float[] w, int wb, float[] bias, int cp,
                              float[] out, int o, float lo, float hi) {
        FloatVector c0 = FloatVector.fromArray(S, bias != null ? bias : out, bias != null ? cp : o);
        FloatVector c1 = FloatVector.fromArray(S, bias != null ? bias : out, bias != null ? cp + V : o + V);
        for (int k = 0; k < cin; k++) {
            int wk = wb + k * P;
            FloatVector x = FloatVector.broadcast(S, in[a + k]);
            c0 = x.fma(FloatVector.fromArray(S, w, wk), c0);
            c1 = x.fma(FloatVector.fromArray(S, w, wk + V), c1);
        }
        FloatVector floor = FloatVector.broadcast(S, lo);
        floor.max(c0).min(hi).intoArray(out, o);
        floor.max(c1).min(hi).intoArray(out, o + V);
    }

    @Override
    public void depthwise(float[] in, int inW, int stride, int kh, int kw, int sy, int sx, float[] w, float[] bias,
                          float[] out, int outH, int outW, float lo, float hi) {
        if (kh == 3 && kw == 3) {
            depthwise3x3(in, inW, stride, sy, sx, w, bias, out, outH, outW, lo, hi);
            return;
        }
        for (int oy = 0; oy < outH; oy++) {
            for (int ox = 0; ox < outW; ox++) {
                int o = (oy * outW + ox) * stride;
                for (int c = 0; c < stride; c += V) {
                    FloatVector acc = FloatVector.fromArray(S, bias, c);
                    for (int dy = 0; dy < kh; dy++) {
                        for (int dx = 0; dx < kw; dx++) {
                            int a = ((oy * sy + dy) * inW + ox * sx + dx) * stride + c;
                            acc = FloatVector.fromArray(S, in, a).fma(FloatVector.fromArray(S, w, (dy * kw + dx) * stride + c), acc);
                        }
                    }
                    // the bound is the receiver, not the loops' result (see imagetsne.reduce.tsne.VectorKernel's note)
                    FloatVector.broadcast(S, lo).max(acc).min(hi).intoArray(out, o + c);
                }
            }
        }
    }

    /** The 3x3 case (every depthwise layer of MobileNet): the nine weight vectors stay in registers along a row. */
    private static void depthwise3x3(float[] in, int inW, int stride, int sy, int sx, float[] w, float[] bias,
                                     float[] out, int outH, int outW, float lo, float hi) {
        int row = inW * stride, step = sx * stride;
        // row by row, then channel blocks: the three input rows a block reads stay in the L1 cache
        for (int oy = 0; oy < outH; oy++) {
            for (int c = 0; c < stride; c += V) {
                FloatVector w0 = FloatVector.fromArray(S, w, c), w1 = FloatVector.fromArray(S, w, stride + c);
                FloatVector w2 = FloatVector.fromArray(S, w, 2 * stride + c), w3 = FloatVector.fromArray(S, w, 3 * stride + c);
                FloatVector w4 = FloatVector.fromArray(S, w, 4 * stride + c), w5 = FloatVector.fromArray(S, w, 5 * stride + c);
                FloatVector w6 = FloatVector.fromArray(S, w, 6 * stride + c), w7 = FloatVector.fromArray(S, w, 7 * stride + c);
                FloatVector w8 = FloatVector.fromArray(S, w, 8 * stride + c), b = FloatVector.fromArray(S, bias, c);
                int a = oy * sy * row + c, o = oy * outW * stride + c;
                for (int ox = 0; ox < outW; ox++, a += step, o += stride) {
                    FloatVector acc = FloatVector.fromArray(S, in, a).fma(w0, b);
                    acc = FloatVector.fromArray(S, in, a + stride).fma(w1, acc);
                    acc = FloatVector.fromArray(S, in, a + 2 * stride).fma(w2, acc);
                    acc = FloatVector.fromArray(S, in, a + row).fma(w3, acc);
                    acc = FloatVector.fromArray(S, in, a + row + stride).fma(w4, acc);
                    acc = FloatVector.fromArray(S, in, a + row + 2 * stride).fma(w5, acc);
                    acc = FloatVector.fromArray(S, in, a + 2 * row).fma(w6, acc);
                    acc = FloatVector.fromArray(S, in, a + 2 * row + stride).fma(w7, acc);
                    acc = FloatVector.fromArray(S, in, a + 2 * row + 2 * stride).fma(w8, acc);
                    acc.max(lo).min(hi).intoArray(out, o);
                }
            }
        }
    }
}
