package imagetsne.reduce;

import java.util.Random;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;

/**
 * Truncated PCA by randomized subspace iteration (Halko, Martinsson and Tropp 2011, algorithm 4.4): a
 * seeded Gaussian block of p = k + oversampling directions is multiplied by the covariance A^T A a few
 * times, re-orthonormalised after each, and a Rayleigh-Ritz step on the p-dimensional subspace gives the top
 * k components. The covariance is never formed: each iteration is the two products A W and A^T (A W), n d p
 * multiply-adds each, on the SIMD {@link MatKernel}, where a full eigendecomposition costs d^3 and more.
 * Orthonormalising only the d x p side keeps the small QRs cheap for any n.
 */
final class RandomizedPca {
    private RandomizedPca() {}

    /** Extra directions beyond k (rounded up to the kernel width), which speed up convergence of the k-th. */
    static final int OVERSAMPLING = 10;
    /** Products with A^T A. */
    static final int ITERATIONS = 4;
    private static final long SEED = 12345;

    /** Block size used for k components of a d-dimensional input. */
    static int blockSize(int k) { return MatMul.padded(k + OVERSAMPLING); }

    static Pca.Components fit(CentredRows c, int k) { return fit(c, k, ITERATIONS); }

    static Pca.Components fit(CentredRows c, int k, int iterations) { return fit(c, k, iterations, null); }

    static Pca.Components fit(CentredRows c, int k, int iterations, java.util.function.BooleanSupplier stop) {
        int n = c.n(), d = c.d(), sa = c.sa(), p = blockSize(k);
        if (p > d) throw new IllegalArgumentException("randomized PCA needs d >= " + p + " (is " + d + ")");
        MatMul.awaitWarmUp(stop);
        Random rnd = new Random(SEED);
        double[] g = new double[d * p];
        for (int i = 0; i < g.length; i++) g[i] = rnd.nextGaussian();
        float[] w = orthonormal(g, d, p, sa);
        for (int it = 0; it < iterations; it++) {
            Cancelled.check(stop);
            float[] y = MatMul.mul(c, w, p);
            w = orthonormal(MatMul.mulTransposed(c, y, p), d, p, sa);
        }
        Cancelled.check(stop);
        float[] y = MatMul.mul(c, w, p);
        // Rayleigh-Ritz: the eigenvectors of W^T A^T A W = Y^T Y rotate W onto the components
        float[] yty = MatMul.mulTransposed(y, n, p, y, p);
        DMatrixRMaj s = new DMatrixRMaj(p, p);
        for (int a = 0; a < p; a++) for (int b = 0; b < p; b++) s.set(a, b, 0.5 * ((double) yty[a * p + b] + yty[b * p + a]));
        Pca.Eigen e = Pca.topEigen(s, k);
        int kp = MatMul.padded(k);
        float[] u = new float[p * kp];
        for (int a = 0; a < p; a++) for (int b = 0; b < k; b++) u[a * kp + b] = (float) e.vectors().get(a, b);
        float[] proj = MatMul.mul(y, n, p, p, u, kp);
        double[] projections = new double[n * k];
        for (int i = 0; i < n; i++) for (int b = 0; b < k; b++) projections[i * k + b] = proj[i * kp + b];
        double[] loadings = new double[d * k];
        for (int j = 0; j < d; j++) {
            for (int b = 0; b < k; b++) {
                double v = 0;
                for (int a = 0; a < p; a++) v += w[j * p + a] * e.vectors().get(a, b);
                loadings[j * k + b] = v;
            }
        }
        double[] variances = new double[k];
        for (int b = 0; b < k; b++) variances[b] = Math.max(0, e.values()[b]) / n;
        return new Pca.Components(projections, loadings, variances);
    }

    /** An orthonormal basis (Householder QR) of the columns of the d x p matrix g, padded to sa rows. */
    private static float[] orthonormal(double[] g, int d, int p, int sa) {
        DMatrixRMaj m = new DMatrixRMaj(d, p, true, g);
        var qr = DecompositionFactory_DDRM.qr(d, p);
        if (!qr.decompose(m)) throw new IllegalStateException("PCA: QR decomposition failed");
        DMatrixRMaj q = qr.getQ(null, true);
        float[] out = new float[sa * p];
        for (int i = 0; i < d * p; i++) out[i] = (float) q.data[i];
        return out;
    }

    private static float[] orthonormal(float[] z, int d, int p, int sa) {
        double[] g = new double[d * p];
        for (int i = 0; i < d * p; i++) g[i] = z[i];
        return orthonormal(g, d, p, sa);
    }
}
