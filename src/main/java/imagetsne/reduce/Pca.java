package imagetsne.reduce;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Centred PCA. The big product (covariance X^T X when d <= n, Gram matrix X X^T when d > n) runs on
 * ND4J's BLAS gemm for large inputs, EJML for small ones (no native start-up); the small symmetric
 * eigenproblem goes to EJML. Sign of each component is fixed so its largest-magnitude loading is positive.
 */
public final class Pca {
    private Pca() {}

    /** Above this many multiply-adds the native gemm is worth its start-up cost. */
    private static final double NATIVE_WORK = 3e8;

    /** rows = items; returns n x min(dims, d, n) projections. */
    public static double[][] reduce(float[][] x, int dims) {
        int n = x.length, d = n == 0 ? 0 : x[0].length;
        for (int i = 0; i < n; i++)
            if (x[i].length != d) throw new IllegalArgumentException("PCA: row " + i + " has " + x[i].length + " values, expected " + d);
        if (dims >= 1 && d <= n && (long) n * d > BLOCKED_MIN) {
            try {
                return blockedCovariancePca(x, n, d, Math.min(dims, d));
            } catch (Throwable e) { // no native BLAS on this platform: the flat path below still works
                System.err.println("PCA: native BLAS unavailable (" + e.getMessage() + "), using EJML");
            }
        }
        double[] flat = new double[n * d];
        for (int i = 0; i < n; i++) for (int j = 0; j < d; j++) flat[i * d + j] = x[i][j];
        return reduceFlat(flat, n, d, dims);
    }

    /** Above this many values an n x d double copy of float rows costs more heap than the rows themselves. */
    static final long BLOCKED_MIN = 1L << 21;

    /**
     * The covariance path without an n x d double copy (80,000 x 2,008 hog rows: 1.3 GB): X^T X is summed
     * over blocks of centred rows on the native gemm, and the projections are made block by block. The
     * native blocks are reused and closed, not left to the collector (that piled up gigabytes off-heap).
     */
    private static double[][] blockedCovariancePca(float[][] x, int n, int d, int k) {
        double[] mean = new double[d];
        for (float[] r : x) for (int j = 0; j < d; j++) mean[j] += r[j];
        for (int j = 0; j < d; j++) mean[j] /= n;
        int rows = Math.max(1, Math.min(n, (1 << 22) / d));
        double[] staging = new double[rows * d];
        INDArray full = Nd4j.create(org.nd4j.linalg.api.buffer.DataType.DOUBLE, rows, d), tail = null;
        INDArray s = Nd4j.zeros(org.nd4j.linalg.api.buffer.DataType.DOUBLE, d, d);
        double[] proj = new double[n * k];
        try {
            if (n % rows != 0) tail = Nd4j.create(org.nd4j.linalg.api.buffer.DataType.DOUBLE, n % rows, d);
            for (int from = 0; from < n; from += rows) {
                INDArray b = centredBlock(x, mean, from, Math.min(rows, n - from), staging, full, tail);
                Nd4j.gemm(b, b, s, true, false, 1.0, 1.0);
            }
            Eig e = d > SUBSPACE_MIN && k * 4 < d ? topEigenSubspace(s, d, k)
                    : topEigen(new DMatrixRMaj(d, d, true, s.dup('c').data().asDouble()), k);
            INDArray vecs = Nd4j.create(e.vectors.data, new int[] {d, k}, 'c');
            for (int from = 0; from < n; from += rows) {
                int m = Math.min(rows, n - from);
                INDArray p = Nd4j.gemm(centredBlock(x, mean, from, m, staging, full, tail), vecs, false, false), pc = p.dup('c');
                System.arraycopy(pc.data().asDouble(), 0, proj, from * k, m * k);
                p.close();
                pc.close();
            }
            vecs.close();
            fixSigns(proj, n, k, e.vectors.data, d);
        } finally {
            full.close();
            if (tail != null) tail.close();
            s.close();
        }
        double[][] out = new double[n][k];
        for (int i = 0; i < n; i++) System.arraycopy(proj, i * k, out[i], 0, k);
        return out;
    }

    /** Rows [from, from + m) less the mean, copied into full (m rows) or tail (fewer); staging holds them on the heap. */
    private static INDArray centredBlock(float[][] x, double[] mean, int from, int m, double[] staging, INDArray full, INDArray tail) {
        int d = mean.length;
        for (int i = 0; i < m; i++) {
            float[] r = x[from + i];
            for (int j = 0; j < d; j++) staging[i * d + j] = r[j] - mean[j];
        }
        INDArray b = m == full.rows() ? full : tail;
        b.data().setData(m * d == staging.length ? staging : java.util.Arrays.copyOf(staging, m * d));
        return b;
    }

    /** Same for double rows. */
    public static double[][] reduce(double[][] x, int dims) {
        int n = x.length, d = n == 0 ? 0 : x[0].length;
        double[] flat = new double[n * d];
        for (int i = 0; i < n; i++) {
            if (x[i].length != d) throw new IllegalArgumentException("PCA: row " + i + " has " + x[i].length + " values, expected " + d);
            System.arraycopy(x[i], 0, flat, i * d, d);
        }
        return reduceFlat(flat, n, d, dims);
    }

    /** PCA of the n x d row-major matrix x (overwritten: it is centred in place). */
    public static double[][] reduceFlat(double[] x, int n, int d, int dims) {
        if (dims < 1) throw new IllegalArgumentException("PCA: dims must be >= 1, got " + dims);
        int k = Math.min(dims, Math.min(d, n));
        double[][] out = new double[n][k];
        if (k == 0) return out;
        for (int j = 0; j < d; j++) {
            double m = 0;
            for (int i = 0; i < n; i++) m += x[i * d + j];
            m /= n;
            for (int i = 0; i < n; i++) x[i * d + j] -= m;
        }
        boolean gram = d > n;
        double work = (double) n * d * Math.min(n, d);
        double[] proj = null;
        if (work > NATIVE_WORK) {
            try {
                proj = nativePca(x, n, d, k, gram);
            } catch (Throwable e) { // no native BLAS on this platform: the pure-Java path still works
                System.err.println("PCA: native BLAS unavailable (" + e.getMessage() + "), using EJML");
            }
        }
        if (proj == null) proj = javaPca(x, n, d, k, gram);
        for (int i = 0; i < n; i++) System.arraycopy(proj, i * k, out[i], 0, k);
        return out;
    }

    private static double[] javaPca(double[] x, int n, int d, int k, boolean gram) {
        DMatrixRMaj xm = DMatrixRMaj.wrap(n, d, x);
        DMatrixRMaj s = gram ? new DMatrixRMaj(n, n) : new DMatrixRMaj(d, d);
        if (gram) CommonOps_DDRM.multTransB(xm, xm, s); else CommonOps_DDRM.multTransA(xm, xm, s);
        Eig e = topEigen(s, k);
        DMatrixRMaj proj = new DMatrixRMaj(n, k), loadings;
        if (gram) {
            // X = U S V^T: projections U S = U sqrt(lambda), loadings V = X^T U / sqrt(lambda)
            loadings = new DMatrixRMaj(d, k);
            CommonOps_DDRM.multTransA(xm, e.vectors, loadings);
            for (int c = 0; c < k; c++) {
                double sv = Math.sqrt(Math.max(e.values[c], 0));
                for (int i = 0; i < n; i++) proj.set(i, c, e.vectors.get(i, c) * sv);
            }
        } else {
            loadings = e.vectors;
            CommonOps_DDRM.mult(xm, loadings, proj);
        }
        fixSigns(proj.data, n, k, loadings.data, d);
        return proj.data;
    }

    private static double[] nativePca(double[] x, int n, int d, int k, boolean gram) {
        INDArray xm = Nd4j.create(x, new int[] {n, d}, 'c');
        INDArray s = gram ? Nd4j.gemm(xm, xm, false, true) : Nd4j.gemm(xm, xm, true, false);
        int m = gram ? n : d;
        Eig e = m > SUBSPACE_MIN && k * 4 < m ? topEigenSubspace(s, m, k)
                : topEigen(new DMatrixRMaj(m, m, true, s.dup('c').data().asDouble()), k);
        INDArray vecs = Nd4j.create(e.vectors.data, new int[] {m, k}, 'c');
        double[] proj, loadings;
        if (gram) {
            loadings = Nd4j.gemm(xm, vecs, true, false).dup('c').data().asDouble();
            proj = new double[n * k];
            for (int c = 0; c < k; c++) {
                double sv = Math.sqrt(Math.max(e.values[c], 0));
                for (int i = 0; i < n; i++) proj[i * k + c] = e.vectors.get(i, c) * sv;
            }
        } else {
            loadings = e.vectors.data;
            proj = Nd4j.gemm(xm, vecs, false, false).dup('c').data().asDouble();
        }
        fixSigns(proj, n, k, loadings, d);
        return proj;
    }

    private record Eig(double[] values, DMatrixRMaj vectors) {}

    /** Above this size a full eigendecomposition costs seconds to minutes (2,008 dims: 16 s); we need only k. */
    private static final int SUBSPACE_MIN = 600;

    /**
     * Top-k eigenpairs of a large symmetric PSD matrix by seeded subspace iteration with Rayleigh-Ritz
     * (Halko et al.): k + 20 vectors, a few products with the native gemm, then a small exact eigenproblem.
     */
    private static Eig topEigenSubspace(INDArray s, int m, int k) {
        int p = Math.min(m, k + 20);
        java.util.Random rnd = new java.util.Random(12345);
        double[] q0 = new double[m * p];
        for (int i = 0; i < q0.length; i++) q0[i] = rnd.nextGaussian();
        DMatrixRMaj q = orthonormal(new DMatrixRMaj(m, p, true, q0));
        for (int it = 0; it < 10; it++) {
            INDArray z = Nd4j.gemm(s, Nd4j.create(q.data, new int[] {m, p}, 'c'), false, false);
            q = orthonormal(new DMatrixRMaj(m, p, true, z.dup('c').data().asDouble()));
        }
        INDArray qi = Nd4j.create(q.data, new int[] {m, p}, 'c');
        INDArray b = Nd4j.gemm(qi, Nd4j.gemm(s, qi, false, false), true, false);
        DMatrixRMaj bm = new DMatrixRMaj(p, p, true, b.dup('c').data().asDouble());
        // symmetrise away rounding before the small exact solve
        for (int i = 0; i < p; i++) for (int j = i + 1; j < p; j++) { double v = 0.5 * (bm.get(i, j) + bm.get(j, i)); bm.set(i, j, v); bm.set(j, i, v); }
        Eig small = topEigen(bm, k);
        DMatrixRMaj vectors = new DMatrixRMaj(m, k);
        CommonOps_DDRM.mult(q, small.vectors, vectors);
        return new Eig(small.values, vectors);
    }

    private static DMatrixRMaj orthonormal(DMatrixRMaj a) {
        var qr = DecompositionFactory_DDRM.qr(a.numRows, a.numCols);
        if (!qr.decompose(a)) throw new IllegalStateException("PCA: QR failed");
        return qr.getQ(null, true);
    }

    /** Top-k eigenpairs of a symmetric matrix, largest first, vectors as columns. */
    private static Eig topEigen(DMatrixRMaj s, int k) {
        int m = s.numRows;
        EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(m, true, true);
        if (!eig.decompose(s)) throw new IllegalStateException("PCA: eigendecomposition did not converge");
        Integer[] order = new Integer[m];
        double[] val = new double[m];
        for (int i = 0; i < m; i++) { order[i] = i; val[i] = eig.getEigenvalue(i).real; }
        java.util.Arrays.sort(order, (a, b) -> a.equals(b) ? 0 : val[b] != val[a] ? Double.compare(val[b], val[a]) : Integer.compare(a, b));
        double[] values = new double[k];
        DMatrixRMaj vectors = new DMatrixRMaj(m, k);
        for (int c = 0; c < k; c++) {
            values[c] = val[order[c]];
            DMatrixRMaj v = eig.getEigenVector(order[c]);
            for (int r = 0; r < m; r++) vectors.set(r, c, v == null ? 0 : v.get(r));
        }
        return new Eig(values, vectors);
    }

    /** Flips components whose largest-magnitude loading is negative (first one wins ties). */
    private static void fixSigns(double[] proj, int n, int k, double[] loadings, int d) {
        for (int c = 0; c < k; c++) {
            double best = 0;
            for (int r = 0; r < d; r++) {
                double v = loadings[r * k + c];
                if (Math.abs(v) > Math.abs(best)) best = v;
            }
            if (best < 0) {
                for (int i = 0; i < n; i++) proj[i * k + c] = -proj[i * k + c];
            }
        }
    }
}
