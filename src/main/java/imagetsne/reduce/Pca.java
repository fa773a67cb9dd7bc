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
        double[] flat = new double[n * d];
        for (int i = 0; i < n; i++) {
            if (x[i].length != d) throw new IllegalArgumentException("PCA: row " + i + " has " + x[i].length + " values, expected " + d);
            for (int j = 0; j < d; j++) flat[i * d + j] = x[i][j];
        }
        return reduceFlat(flat, n, d, dims);
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
        DMatrixRMaj sm = new DMatrixRMaj(m, m, true, s.dup('c').data().asDouble());
        Eig e = topEigen(sm, k);
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
