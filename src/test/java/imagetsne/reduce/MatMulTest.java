package imagetsne.reduce;

import static org.junit.jupiter.api.Assertions.*;

import imagetsne.io.Idx;
import imagetsne.testing.JitInlining;
import imagetsne.testing.SharedData;
import java.io.IOException;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The SIMD and scalar products against a double-precision reference, on real pixels and on random data. */
class MatMulTest {
    @Test void theSimdKernelIsInUseUnderTheTestJvm() {
        assertTrue(MatMul.KERNEL.name().startsWith("simd-"), "surefire runs with --add-modules jdk.incubator.vector: " + MatMul.KERNEL.name());
        MatMul.awaitWarmUp();
    }

    @Test void bothKernelsMatchTheReferenceOnMnistPixels() throws IOException {
        float[][] x = Idx.readImages(SharedData.mnistImages(), 203).asRows(0); // 203 rows: not a multiple of 4
        Centred c = Centred.of(x);
        for (int p : new int[] {64, 128}) check(c.a(), c.n(), c.sa(), c.d(), p, 7);
    }

    @Test void bothKernelsMatchTheReferenceOnRandomShapes() {
        Random r = new Random(3);
        for (int[] shape : new int[][] {{1, 1}, {5, 3}, {37, 20}, {64, 100}, {301, 50}}) {
            int n = shape[0], d = shape[1], sa = (d + 15) & ~15;
            float[] a = new float[MatMul.rows(n) * sa];
            for (int i = 0; i < n; i++) for (int j = 0; j < d; j++) a[i * sa + j] = (float) r.nextGaussian();
            check(a, n, sa, d, 64, shape[0]);
        }
    }

    private static void check(float[] a, int n, int sa, int d, int p, long seed) {
        Random r = new Random(seed);
        float[] w = new float[sa * p];
        for (int j = 0; j < d; j++) for (int c = 0; c < p; c++) w[j * p + c] = (float) r.nextGaussian();
        for (MatKernel k : new MatKernel[] {MatMul.KERNEL, MatKernel.Scalar.INSTANCE}) {
            float[] y = new float[MatMul.rows(n) * p];
            k.mul(a, sa, d, 0, MatMul.rows(n), w, p, y, 0);
            float[] z = new float[sa * p];
            for (int i0 = 0; i0 < n; i0 += 50) k.mulTransposed(a, sa, i0, Math.min(n, i0 + 50), 0, sa, y, 0, p, z);
            for (int i = 0; i < n; i++) {
                for (int c = 0; c < p; c++) {
                    double ref = 0, mag = 0;
                    for (int j = 0; j < d; j++) { ref += (double) a[i * sa + j] * w[j * p + c]; mag += Math.abs((double) a[i * sa + j] * w[j * p + c]); }
                    assertEquals(ref, y[i * p + c], 1e-5 * mag + 1e-30, k.name() + " A W at " + i + "," + c);
                }
            }
            for (int j = 0; j < sa; j++) {
                for (int c = 0; c < p; c++) {
                    double ref = 0, mag = 0;
                    for (int i = 0; i < n; i++) { ref += (double) a[i * sa + j] * y[i * p + c]; mag += Math.abs((double) a[i * sa + j] * y[i * p + c]); }
                    assertEquals(ref, z[j * p + c], 1e-5 * mag + 1e-30, k.name() + " A^T Y at " + j + "," + c);
                }
            }
        }
    }

    @Test void resultsDoNotDependOnTheThreads() throws IOException {
        float[][] x = Idx.readImages(SharedData.mnistImages(), 1000).asRows(0);
        Centred c = Centred.of(x);
        float[] w = new float[c.sa() * 64];
        Random r = new Random(5);
        for (int i = 0; i < c.d() * 64; i++) w[i] = (float) r.nextGaussian();
        float[] y = MatMul.mul(c.a(), c.n(), c.sa(), c.d(), w, 64), z = MatMul.mulTransposed(c.a(), c.n(), c.sa(), y, 64);
        // one thread, the same blocks in the same order: bit for bit the same
        float[] y1 = new float[y.length], z1 = new float[z.length];
        MatMul.KERNEL.mul(c.a(), c.sa(), c.d(), 0, MatMul.rows(c.n()), w, 64, y1, 0);
        for (int b = 0; b < c.sa(); b += 32) {
            for (int i0 = 0; i0 < c.n(); i0 += 256) MatMul.KERNEL.mulTransposed(c.a(), c.sa(), i0, Math.min(c.n(), i0 + 256), b, Math.min(c.sa(), b + 32), y1, 0, 64, z1);
        }
        assertArrayEquals(y1, y);
        assertArrayEquals(z1, z);
    }

    @Test void productsOnCentredRowsMatchTheWholeCentredMatrix() throws IOException {
        // 2,603 rows: several parts of A^T Y, the last one short and not a multiple of 4
        float[][] x = Idx.readImages(SharedData.fashionImages(), 2603).asRows(0);
        CentredRows rows = CentredRows.of(x);
        Centred c = Centred.of(rows);
        float[] w = new float[c.sa() * 64];
        Random r = new Random(9);
        for (int i = 0; i < c.d() * 64; i++) w[i] = (float) r.nextGaussian();
        float[] y = MatMul.mul(c.a(), c.n(), c.sa(), c.d(), w, 64);
        // the same kernel calls over the same values: bit for bit
        assertArrayEquals(y, MatMul.mul(rows, w, 64));
        float[] z = MatMul.mulTransposed(c.a(), c.n(), c.sa(), y, 64), zr = MatMul.mulTransposed(rows, y, 64);
        assertArrayEquals(zr, MatMul.mulTransposed(rows, y, 64), "deterministic");
        double scale = 0;
        for (float v : z) scale = Math.max(scale, Math.abs(v));
        for (int e = 0; e < z.length; e++) assertEquals(z[e], zr[e], 1e-5 * scale, "A^T Y at " + e);
        // padding columns and rows stay zero
        for (int j = c.d(); j < c.sa(); j++) for (int b = 0; b < 64; b++) assertEquals(0f, zr[j * 64 + b]);
        for (int i = c.n(); i < MatMul.rows(c.n()); i++) for (int b = 0; b < 64; b++) assertEquals(0f, y[i * 64 + b]);
    }

    @Test void rowsAreCentredTheSameFromBytesFloatsAndDoublesAfterTheWarmUp() throws IOException {
        // the warm-up compiles the passes on all three kinds; the real rows must come out as if it had not run
        CentredRows.warmUp();
        Idx.Images im = Idx.readImages(SharedData.fashionImages(), 1500);
        int n = im.count(), d = im.rows() * im.cols();
        float[][] floats = im.asRows(0);
        double[] doubles = new double[n * d];
        for (int i = 0; i < n; i++) for (int j = 0; j < d; j++) doubles[i * d + j] = floats[i][j];
        CentredRows b = CentredRows.of(Rows.unsignedBytes(im.pixels(), n, d)), f = CentredRows.of(floats), x = CentredRows.of(doubles, n, d);
        assertEquals(b.totalVariance(), f.totalVariance());
        assertEquals(b.totalVariance(), x.totalVariance());
        assertTrue(b.totalVariance() > 1000, "pixels 0..255 vary: " + b.totalVariance());
        float[] fb = new float[MatMul.rows(n) * b.sa()], ff = new float[fb.length], fx = new float[fb.length];
        b.fill(0, n, fb);
        f.fill(0, n, ff);
        x.fill(0, n, fx);
        assertArrayEquals(fb, ff);
        assertArrayEquals(fb, fx);
        // centred: every column sums to about zero
        for (int j = 0; j < d; j++) {
            double s = 0;
            for (int i = 0; i < n; i++) s += fb[i * b.sa() + j];
            assertEquals(0, s, 1e-2, "column " + j);
        }
    }

    /** The products' vector calls are compiled to vector instructions whatever the shared profiles say. */
    @Test void theSimdProductsCompileToVectorCodeWithoutHelpFromProfiles() throws Exception {
        assertEquals(List.of(), JitInlining.notInlined(Workout.class, "imagetsne.reduce.VectorMatKernel::*"));
    }

    /** The kernels' run in the child JVM of {@link #theSimdProductsCompileToVectorCodeWithoutHelpFromProfiles}. */
    static final class Workout {
        public static void main(String[] args) {
            MatKernel k = MatKernel.best();
            if (k == MatKernel.Scalar.INSTANCE) throw new IllegalStateException("no SIMD kernel");
            // first one long product, whose loop is compiled while it runs (on-stack replacement)
            int d = 200_000, p = 4 * MatKernel.WIDTH;
            float[] a = new float[4 * d], w = new float[d * p], y = new float[4 * p];
            k.mul(a, d, d, 0, 4, w, p, y, 0);
            for (int round = 0; round < 5; round++) MatKernel.warmUp(k);
        }
    }
}
