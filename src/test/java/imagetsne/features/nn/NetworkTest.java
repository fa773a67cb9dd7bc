package imagetsne.features.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import imagetsne.testing.JitInlining;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Each operation against a direct, loop-by-loop reading of its definition (TensorFlow's semantics: "same"
 * padding puts the extra row and column at the bottom and right; average pooling counts real inputs only),
 * with both the SIMD and the plain kernels, on shapes that are not multiples of the panel width.
 */
class NetworkTest {
    final Random r = new Random(3);

    float[] rand(int n) {
        float[] v = new float[n];
        for (int i = 0; i < n; i++) v[i] = (float) r.nextGaussian();
        return v;
    }

    /** A direct 2-D convolution: in h x w x cin, kernel kh x kw x cin x cout, explicit padding. */
    static float[] conv(float[] in, int h, int w, int cin, float[] k, int kh, int kw, int cout, float[] bias, int sy, int sx, Pads p, float lo, float hi) {
        int oh = (h + p.top() + p.bottom() - kh) / sy + 1, ow = (w + p.left() + p.right() - kw) / sx + 1;
        float[] out = new float[oh * ow * cout];
        for (int y = 0; y < oh; y++) for (int x = 0; x < ow; x++) for (int o = 0; o < cout; o++) {
            double s = bias == null ? 0 : bias[o];
            for (int dy = 0; dy < kh; dy++) for (int dx = 0; dx < kw; dx++) {
                int iy = y * sy + dy - p.top(), ix = x * sx + dx - p.left();
                if (iy < 0 || iy >= h || ix < 0 || ix >= w) continue;
                for (int c = 0; c < cin; c++) s += in[(iy * w + ix) * cin + c] * k[((dy * kw + dx) * cin + c) * cout + o];
            }
            out[(y * ow + x) * cout + o] = (float) Math.min(hi, Math.max(lo, s));
        }
        return out;
    }

    static float[] depthwise(float[] in, int h, int w, int c, float[] k, int kh, int kw, float[] bias, int sy, int sx, Pads p) {
        int oh = (h + p.top() + p.bottom() - kh) / sy + 1, ow = (w + p.left() + p.right() - kw) / sx + 1;
        float[] out = new float[oh * ow * c];
        for (int y = 0; y < oh; y++) for (int x = 0; x < ow; x++) for (int ch = 0; ch < c; ch++) {
            double s = bias[ch];
            for (int dy = 0; dy < kh; dy++) for (int dx = 0; dx < kw; dx++) {
                int iy = y * sy + dy - p.top(), ix = x * sx + dx - p.left();
                if (iy >= 0 && iy < h && ix >= 0 && ix < w) s += in[(iy * w + ix) * c + ch] * k[(dy * kw + dx) * c + ch];
            }
            out[(y * ow + x) * c + ch] = (float) s;
        }
        return out;
    }

    static float[] pool(float[] in, int h, int w, int c, boolean max, int k, int s, Pads p) {
        int oh = (h + p.top() + p.bottom() - k) / s + 1, ow = (w + p.left() + p.right() - k) / s + 1;
        float[] out = new float[oh * ow * c];
        for (int y = 0; y < oh; y++) for (int x = 0; x < ow; x++) for (int ch = 0; ch < c; ch++) {
            double acc = max ? Double.NEGATIVE_INFINITY : 0;
            int n = 0;
            for (int dy = 0; dy < k; dy++) for (int dx = 0; dx < k; dx++) {
                int iy = y * s + dy - p.top(), ix = x * s + dx - p.left();
                if (iy < 0 || iy >= h || ix < 0 || ix >= w) continue;
                float v = in[(iy * w + ix) * c + ch];
                acc = max ? Math.max(acc, v) : acc + v;
                n++;
            }
            out[(y * ow + x) * c + ch] = (float) (max ? acc : acc / n);
        }
        return out;
    }

    static void close(float[] want, float[] got, String what) {
        assertEquals(want.length, got.length, what + " size");
        for (int i = 0; i < want.length; i++) assertEquals(want[i], got[i], 1e-4 * Math.max(1, Math.abs(want[i])), what + " [" + i + "]");
    }

    @Test void convolutionsMatchTheDefinition() {
        for (boolean scalar : new boolean[] {false, true}) {
            int h = 13, w = 11;
            // cin 3 (im2col path), 24 and 40; kernels 3x3 stride 2, 1x7, 1x1; output channels 5, 37, 64
            int[][] cases = {{3, 3, 3, 2, 2, 37}, {24, 1, 7, 1, 1, 5}, {40, 3, 3, 1, 1, 64}, {24, 1, 1, 1, 1, 37}, {3, 5, 5, 2, 1, 16}};
            for (int[] cs : cases) {
                NetworkBuilder b = scalar ? NetworkBuilder.scalar() : new NetworkBuilder();
                int cin = cs[0], kh = cs[1], kw = cs[2], sy = cs[3], sx = cs[4], cout = cs[5];
                float[] x = rand(h * w * cin), k = rand(kh * kw * cin * cout), bias = rand(cout);
                Value in = b.input(h, w, cin, true);
                Pads p = Pads.same(h, w, kh, kw, sy, sx);
                Value out = b.conv("c", in, k, kh, kw, cout, bias, sy, sx, p, Activation.RELU6);
                Network net = b.build(Map.of("c", out));
                float[] got = net.run(x, net.newWorkspace()).get("c").toArray();
                close(conv(x, h, w, cin, k, kh, kw, cout, bias, sy, sx, p, 0, 6), got, "conv " + java.util.Arrays.toString(cs) + " " + net.kernelName());
            }
        }
    }

    @Test void depthwisePoolsAndTheRestMatchTheDefinition() {
        for (boolean scalar : new boolean[] {false, true}) {
            NetworkBuilder b = scalar ? NetworkBuilder.scalar() : new NetworkBuilder();
            int h = 9, w = 12, c = 20;
            float[] x = rand(h * w * c), kd = rand(9 * c), bd = rand(c);
            Value in = b.input(h, w, c, false);
            Pads zp = new Pads(0, 1, 0, 1); // a ZeroPadding2D((0,1),(0,1)) then a valid stride-2 depthwise, as in MobileNetV2
            Value dw = b.depthwise("dw", in, kd, 3, 3, bd, 2, 2, zp, Activation.LINEAR);
            Value avg = b.pool("avg", in, false, 3, 3, 1, 1, Pads.same(h, w, 3, 3, 1, 1));
            Value max = b.pool("max", in, true, 3, 3, 2, 2, Pads.NONE);
            Value gap = b.globalPool("gap", in, false);
            Value sum = b.add("sum", in, avg);
            Value cat = b.concat("cat", avg, dw.h() == avg.h() ? dw : avg);
            Value leaky = b.activation("leaky", in, Activation.relu(2f, 0.1f, 0.5f));
            Value flat = b.flatten("flat", max);
            float[] kf = rand(flat.c() * 7), bf = rand(7);
            Value dense = b.dense("dense", flat, kf, 7, bf, Activation.LINEAR);
            Value soft = b.activation("soft", dense, Activation.named("softmax"));
            Network net = b.build(Map.of("dw", dw, "avg", avg, "max", max, "gap", gap, "sum", sum, "cat", cat, "leaky", leaky, "dense", dense, "soft", soft));
            Map<String, Tensor> out = net.run(x, net.newWorkspace());
            String k = " " + net.kernelName();
            close(depthwise(x, h, w, c, kd, 3, 3, bd, 2, 2, zp), out.get("dw").toArray(), "depthwise" + k);
            float[] avgWant = pool(x, h, w, c, false, 3, 1, Pads.same(h, w, 3, 3, 1, 1));
            close(avgWant, out.get("avg").toArray(), "same average pooling" + k);
            float[] maxWant = pool(x, h, w, c, true, 3, 2, Pads.NONE);
            close(maxWant, out.get("max").toArray(), "max pooling" + k);
            close(globalMean(x, h * w, c), out.get("gap").toArray(), "global average" + k);
            float[] sumWant = new float[x.length], leakyWant = new float[x.length], catWant = new float[2 * x.length];
            for (int i = 0; i < x.length; i++) {
                sumWant[i] = x[i] + avgWant[i];
                leakyWant[i] = x[i] >= 0.5f ? Math.min(x[i], 2f) : 0.1f * (x[i] - 0.5f);
            }
            for (int p = 0; p < h * w; p++) {
                System.arraycopy(avgWant, p * c, catWant, p * 2 * c, c);
                System.arraycopy(avgWant, p * c, catWant, p * 2 * c + c, c);
            }
            close(sumWant, out.get("sum").toArray(), "add" + k);
            close(catWant, out.get("cat").toArray(), "concatenate" + k);
            close(leakyWant, out.get("leaky").toArray(), "ReLU with threshold and slope" + k);
            float[] denseWant = conv(maxWant, 1, 1, maxWant.length, kf, 1, 1, 7, bf, 1, 1, Pads.NONE, Float.NEGATIVE_INFINITY, Float.POSITIVE_INFINITY);
            close(denseWant, out.get("dense").toArray(), "flatten + dense" + k);
            double z = 0;
            for (float v : denseWant) z += Math.exp(v);
            float[] softWant = new float[7];
            for (int i = 0; i < 7; i++) softWant[i] = (float) (Math.exp(denseWant[i]) / z);
            close(softWant, out.get("soft").toArray(), "softmax" + k);
            // a second image through the same workspace: recycled buffers give the same answers
            Map<String, Tensor> again = net.run(x, net.newWorkspace());
            close(out.get("soft").toArray(), again.get("soft").toArray(), "second run" + k);
        }
    }

    static float[] globalMean(float[] x, int n, int c) {
        float[] m = new float[c];
        for (int i = 0; i < n; i++) for (int ch = 0; ch < c; ch++) m[ch] += x[i * c + ch] / n;
        return m;
    }

    @Test void shapesAreChecked() {
        NetworkBuilder b = new NetworkBuilder();
        Value in = b.input(8, 8, 3, true);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> b.conv("c", in, new float[10], 3, 3, 4, null, 1, 1, Pads.NONE, Activation.LINEAR));
        assertEquals("c: kernel has 10 values, expected 3x3x3x4", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> b.depthwise("d", in, new float[27], 3, 3, null, 1, 1, Pads.NONE, Activation.LINEAR));
        assertEquals("d: reads a compact input, which only convolutions can", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> b.conv("s", in, new float[3 * 4], 1, 1, 4, null, 1, 1, Pads.NONE, Activation.named("sigmoid")));
        assertEquals("s: activation sigmoid cannot be fused; add it as its own step", e.getMessage());
    }

    /** The convolutions' vector calls are compiled to vector instructions whatever the shared profiles say. */
    @Test void theSimdConvolutionsCompileToVectorCodeWithoutHelpFromProfiles() throws Exception {
        assertEquals(List.of(), JitInlining.notInlined(Workout.class, "imagetsne.features.nn.VectorKernels::*"));
    }

    /** The kernels' run in the child JVM of {@link #theSimdConvolutionsCompileToVectorCodeWithoutHelpFromProfiles}. */
    static final class Workout {
        public static void main(String[] args) {
            Kernels k = Kernels.best();
            if (!k.name().startsWith("simd")) throw new IllegalStateException("no SIMD kernel: " + k.name());
            int p = k.panel();
            // first one long call of each, whose loops are compiled while they run (on-stack replacement)
            int longCin = 100_000, wide = 20_000;
            k.conv(new float[7 * longCin], new int[] {0, longCin, 2 * longCin, 3 * longCin, 4 * longCin, 5 * longCin, 6 * longCin}, 7,
                    new int[] {0}, longCin, new float[longCin * p], new float[p], 1, new float[7 * p], p, 0f, 6f);
            float[] row = new float[3 * (wide + 2) * p], rowOut = new float[wide * p], w9 = new float[9 * p];
            k.depthwise(row, wide + 2, p, 3, 3, 1, 1, w9, new float[p], rowOut, 1, wide, 0f, 6f);
            k.depthwise(row, wide + 1, p, 2, 2, 1, 1, w9, new float[p], rowOut, 1, wide, 0f, 6f);
            int cin = 4, m = 7;   // 7 pixels: one tile of 6 and one of 1
            int[] rowOff = new int[m], taps = {0, cin};   // two taps: the first starts from the bias, the second from the first
            for (int i = 0; i < m; i++) rowOff[i] = i * cin;
            float[] in = new float[(m + 1) * cin], w = new float[taps.length * cin * p], bias = new float[p], out = new float[m * p];
            java.util.Arrays.fill(in, 0.5f);
            java.util.Arrays.fill(w, 0.25f);
            // depthwise: 4 x 4 outputs from a 3x3 kernel (its own loop) and a 2x2 one (the general loop)
            float[] img = new float[6 * 6 * p], dw = new float[9 * p], dout = new float[4 * 4 * p];
            for (int c = 0; c < 20_000; c++) {
                k.conv(in, rowOff, m, taps, cin, w, bias, 1, out, p, 0f, 6f);
                if (c % 4 == 0) {
                    k.depthwise(img, 6, p, 3, 3, 1, 1, dw, bias, dout, 4, 4, 0f, 6f);
                    k.depthwise(img, 5, p, 2, 2, 1, 1, dw, bias, dout, 4, 4, 0f, 6f);
                }
            }
        }
    }
}
