package imagetsne.reduce;

import static org.junit.jupiter.api.Assertions.*;

import imagetsne.io.Idx;
import imagetsne.testing.SharedData;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.SingularValueDecomposition_F64;
import org.junit.jupiter.api.Test;

class PcaTest {
    /** Variances of the output columns: must not increase, and columns must be uncorrelated. */
    private static void assertOrderedAndOrthogonal(double[][] p) {
        int n = p.length, k = p[0].length;
        double[] var = new double[k];
        for (int c = 0; c < k; c++) {
            double m = 0;
            for (double[] r : p) m += r[c];
            for (double[] r : p) var[c] += r[c] * r[c];
            // the input is centred in double, then rounded to float
            assertEquals(0, m / n, 1e-6 * Math.sqrt(var[c] / n), "component " + c + " is centred");
        }
        for (int c = 1; c < k; c++) assertTrue(var[c] <= var[c - 1] * (1 + 1e-9), "variance order at " + c);
        for (int a = 0; a < k; a++) {
            for (int b = a + 1; b < k; b++) {
                double dot = 0;
                for (double[] r : p) dot += r[a] * r[b];
                assertEquals(0, dot / Math.sqrt(var[a] * var[b]), 1e-6, "components " + a + "," + b + " uncorrelated");
            }
        }
    }

    /** Reference: EJML SVD of the centred matrix; components equal ours up to sign. */
    private static void assertMatchesSvd(float[][] x, double[][] ours, int k) {
        int n = x.length, d = x[0].length;
        DMatrixRMaj m = new DMatrixRMaj(n, d);
        for (int j = 0; j < d; j++) {
            double mean = 0;
            for (float[] r : x) mean += r[j];
            mean /= n;
            for (int i = 0; i < n; i++) m.set(i, j, x[i][j] - mean);
        }
        SingularValueDecomposition_F64<DMatrixRMaj> svd = DecompositionFactory_DDRM.svd(n, d, true, true, true);
        assertTrue(svd.decompose(m));
        double[] sv = svd.getSingularValues();
        DMatrixRMaj u = svd.getU(null, false);
        Integer[] order = new Integer[sv.length];
        for (int i = 0; i < order.length; i++) order[i] = i;
        java.util.Arrays.sort(order, (a, b) -> Double.compare(sv[b], sv[a]));
        for (int c = 0; c < k; c++) {
            int s = order[c];
            // reference projection U_s * sigma_s; compare up to the sign
            double dot = 0, nr = 0, no = 0;
            for (int i = 0; i < n; i++) {
                double ref = u.get(i, s) * sv[s];
                dot += ref * ours[i][c];
                nr += ref * ref;
                no += ours[i][c] * ours[i][c];
            }
            assertEquals(Math.sqrt(nr), Math.sqrt(no), 1e-6 * Math.sqrt(nr), "singular value of component " + c);
            assertEquals(1, Math.abs(dot) / Math.sqrt(nr * no), 1e-6, "direction of component " + c);
        }
    }

    @Test
    void matchesSvdOnMnistPixels() {
        float[][] x = MnistData.first(300).pixels; // 300 x 784: d > n, Gram-matrix path
        assertFalse(Pca.fit(x, 10).randomized(), "small: exact");
        double[][] p = Pca.reduce(x, 10);
        assertEquals(300, p.length);
        assertEquals(10, p[0].length);
        assertOrderedAndOrthogonal(p);
        assertMatchesSvd(x, p, 10);
    }

    @Test
    void covariancePathMatchesSvd() {
        // 600 digits cropped to their central 14x14 = 196 pixels: d < n, covariance path
        float[][] full = MnistData.first(600).pixels;
        float[][] x = new float[full.length][196];
        for (int i = 0; i < full.length; i++) {
            for (int r = 0; r < 14; r++) System.arraycopy(full[i], (r + 7) * 28 + 7, x[i], r * 14, 14);
        }
        double[][] p = Pca.reduce(x, 8);
        assertOrderedAndOrthogonal(p);
        assertMatchesSvd(x, p, 8);
    }

    @Test
    void largeInputIsRandomizedAndDeterministic() {
        float[][] x = MnistData.first(5000).pixels; // 5000 x 784: the randomized path
        assertTrue(Pca.fit(x, 50).randomized());
        double[][] a = Pca.reduce(x, 50), b = Pca.reduce(x, 50);
        assertEquals(50, a[0].length);
        assertOrderedAndOrthogonal(a);
        for (int i = 0; i < a.length; i++) assertArrayEquals(a[i], b[i], "same input, same output");
        // deterministic sign: the largest loading of every component is positive. Recover loadings
        // as X^T p (proportional to the component direction) and check the largest-magnitude entry.
        int d = x[0].length;
        double[] mean = new double[d];
        for (float[] r : x) for (int j = 0; j < d; j++) mean[j] += r[j] / x.length;
        for (int c = 0; c < 3; c++) {
            double best = 0;
            for (int j = 0; j < d; j++) {
                double l = 0;
                for (int i = 0; i < x.length; i++) l += (x[i][j] - mean[j]) * a[i][c];
                if (Math.abs(l) > Math.abs(best)) best = l;
            }
            assertTrue(best > 0, "component " + c + " sign");
        }
    }

    /** A stop raised after the first look is seen inside the fit, on both paths; an unraised one changes nothing. */
    @Test
    void aRaisedStopEndsTheFitBetweenItsSteps() {
        for (int n : new int[] {5000, 1500}) { // randomized on pixels, then exact (covariance in blocks) on 50 columns
            float[][] x = n == 5000 ? MnistData.first(n).pixels : toFloat(MnistData.first(n).pca50);
            assertEquals(n == 5000, Pca.fit(x, 20).randomized());
            java.util.concurrent.atomic.AtomicInteger looks = new java.util.concurrent.atomic.AtomicInteger();
            assertThrows(Cancelled.class, () -> Pca.fit(x, 20, () -> looks.incrementAndGet() > 1), "n=" + n);
            assertTrue(looks.get() >= 2, "asked again after starting: " + looks.get());
            double[][] plain = Pca.reduce(x, 20), never = Pca.fit(x, 20, () -> false).projections();
            for (int i = 0; i < n; i += 97) assertArrayEquals(plain[i], never[i], "row " + i);
        }
    }

    private static float[][] toFloat(double[][] x) {
        float[][] out = new float[x.length][];
        for (int i = 0; i < x.length; i++) { out[i] = new float[x[i].length]; for (int j = 0; j < x[i].length; j++) out[i][j] = (float) x[i][j]; }
        return out;
    }

    @Test
    void clampsDimsAndHandlesTinyInputs() {
        float[][] x = {{1, 2, 3}, {4, 5, 7}};
        double[][] p = Pca.reduce(x, 50);
        assertEquals(2, p.length);
        assertEquals(2, p[0].length, "min(dims, d, n)");
        assertEquals(Math.abs(p[0][0]), Math.abs(p[1][0]), 1e-9);
        assertEquals(1, Pca.reduce(new float[][] {{5, 5}}, 3)[0].length);
        assertThrows(IllegalArgumentException.class, () -> Pca.reduce(new float[][] {{1, 2}, {3}}, 2));
    }

    /**
     * PCA of all 70,000 Fashion-MNIST rows (220 MB of floats) in a JVM whose heap holds the rows and 140 MB
     * more: a second n x d copy (double, or even float) would not fit, so this fails if one comes back.
     */
    @Test
    void floatRowsAreReducedWithoutACopyOfThem() throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(List.of(java, "-Xmx360m", "--add-modules", "jdk.incubator.vector",
                "-cp", System.getProperty("java.class.path"), Probe.class.getName(), SharedData.fashionImages().toString()))
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "probe finished");
        assertEquals(0, p.exitValue(), out);
        assertTrue(out.contains("explained=0.8"), "50 components keep ~86% of Fashion-MNIST's variance: " + out);
    }

    /** The child JVM of {@link #floatRowsAreReducedWithoutACopyOfThem}. */
    static final class Probe {
        public static void main(String[] args) throws IOException {
            float[][] rows = Idx.readImages(Path.of(args[0])).asRows(0); // the bytes are dropped here
            Pca.Fit f = Pca.fit(rows, 50);
            System.out.printf(java.util.Locale.ROOT, "n=%d randomized=%b explained=%.4f%n", f.projections().length, f.randomized(), f.explained());
        }
    }
}
