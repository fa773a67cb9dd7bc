package imagetsne.reduce;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;

/**
 * Centred PCA in pure Java. Few components of a wide input (the usual case: 784 pixels or a CNN's
 * 576-2048 features down to 50) take {@link RandomizedPca} on the SIMD products; small problems, and
 * many components of a narrow one, take an exact eigendecomposition of the covariance (d <= n) or Gram
 * matrix (d > n) on EJML. The sign of each component is fixed so its largest-magnitude loading is positive.
 */
public final class Pca {
    private Pca() {}

    /**
     * The exact path is taken while its product (n d min(n, d) multiply-adds, EJML in double) stays about
     * this small, a few tenths of a second, and its eigenproblem (min(n, d) rows) at most {@link #EXACT_ROWS};
     * beyond, randomized is faster as long as its block of directions is at most half of min(n, d).
     */
    static final double EXACT_WORK = 2e8;
    static final int EXACT_ROWS = 512;
    /** Rows centred at a time by the exact path. */
    private static final int BLOCK = 256;

    /**
     * A PCA: projections onto the components, the variance along each, and the total variance of the
     * input (so {@link #explained()} is the fraction the components keep).
     */
    public record Fit(double[][] projections, double[] variances, double totalVariance, boolean randomized) {
        public double explained() {
            double s = 0;
            for (double v : variances) s += v;
            return totalVariance > 0 ? s / totalVariance : 1;
        }
    }

    /** Row-major n x k projections, d x k loadings and the k variances, before the signs are fixed. */
    record Components(double[] projections, double[] loadings, double[] variances) {}

    record Eigen(double[] values, DMatrixRMaj vectors) {}

    /**
     * Compiles the SIMD products in the background, so a PCA that follows (say after a file is read)
     * runs at full speed from its start. Optional: a PCA waits for it otherwise.
     */
    public static void prepare() { MatMul.prepare(); }

    /** Waits for the warm-up {@link #prepare} started; returns at once when none was. */
    public static void awaitPrepared() { MatMul.awaitStarted(); }

    /** rows = items; returns n x min(dims, d, n) projections. */
    public static double[][] reduce(float[][] x, int dims) { return fit(x, dims).projections(); }

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

    /** PCA of the n x d row-major matrix x (left unchanged). */
    public static double[][] reduceFlat(double[] x, int n, int d, int dims) {
        checkDims(dims);
        return fit(CentredRows.of(x, n, d), dims).projections();
    }

    /** The PCA of the rows with min(dims, d, n) components; the rows are read, never copied whole. */
    public static Fit fit(float[][] x, int dims) { return fit(x, dims, null); }

    /**
     * The same, stopping between blocks of rows or iterations when {@code stop} says so.
     * @throws Cancelled when stopped
     */
    public static Fit fit(float[][] x, int dims, java.util.function.BooleanSupplier stop) {
        checkDims(dims);
        return fit(CentredRows.of(x), dims, stop);
    }

    /** The same for any {@link Rows} (IDX pixels stay bytes). */
    public static Fit fit(Rows x, int dims, java.util.function.BooleanSupplier stop) {
        checkDims(dims);
        return fit(CentredRows.of(x), dims, stop);
    }

    private static void checkDims(int dims) {
        if (dims < 1) throw new IllegalArgumentException("PCA: dims must be >= 1, got " + dims);
    }

    static Fit fit(CentredRows c, int dims) { return fit(c, dims, null); }

    static Fit fit(CentredRows c, int dims, java.util.function.BooleanSupplier stop) {
        int n = c.n(), d = c.d(), k = Math.min(dims, Math.min(d, n));
        int small = Math.min(n, d);
        boolean cheap = (double) n * d * small <= EXACT_WORK && small <= EXACT_ROWS;
        return fit(c, dims, !cheap && 2 * RandomizedPca.blockSize(k) <= small, stop);
    }

    /** The PCA by the path asked for (randomized needs min(n, d) of at least its block size). */
    static Fit fit(CentredRows c, int dims, boolean randomized) { return fit(c, dims, randomized, null); }

    static Fit fit(CentredRows c, int dims, boolean randomized, java.util.function.BooleanSupplier stop) {
        int n = c.n(), d = c.d(), k = Math.min(dims, Math.min(d, n));
        if (k == 0) return new Fit(new double[n][0], new double[0], c.totalVariance(), false);
        Components comp = randomized ? RandomizedPca.fit(c, k, RandomizedPca.ITERATIONS, stop) : exact(c, k, stop);
        fixSigns(comp, n, d, k);
        double[][] out = new double[n][k];
        for (int i = 0; i < n; i++) System.arraycopy(comp.projections(), i * k, out[i], 0, k);
        return new Fit(out, comp.variances(), c.totalVariance(), randomized);
    }

    /**
     * Full eigendecomposition of the d x d covariance, or of the n x n Gram matrix when d > n, summed in
     * double over blocks of centred rows (no n x d copy).
     */
    static Components exact(CentredRows c, int k) { return exact(c, k, null); }

    static Components exact(CentredRows c, int k, java.util.function.BooleanSupplier stop) {
        int n = c.n(), d = c.d(), sa = c.sa();
        boolean gram = d > n;
        int m = gram ? n : d;
        DMatrixRMaj s = new DMatrixRMaj(m, m);
        float[] a = new float[MatMul.rows(Math.min(n, BLOCK)) * sa];
        if (gram) { // n <= EXACT_ROWS rows: all in one block
            a = new float[MatMul.rows(n) * sa];
            c.fill(0, n, a);
            for (int i = 0; i < n; i++) {
                for (int e = i; e < n; e++) {
                    double dot = 0;
                    for (int j = 0; j < d; j++) dot += (double) a[i * sa + j] * a[e * sa + j];
                    s.data[i * n + e] = dot;
                    s.data[e * n + i] = dot;
                }
            }
        } else {
            for (int i0 = 0; i0 < n; i0 += BLOCK) {
                Cancelled.check(stop);
                int i1 = Math.min(n, i0 + BLOCK);
                c.fill(i0, i1, a);
                scatter(a, i1 - i0, sa, d, s.data);
            }
            for (int j = 0; j < d; j++) for (int e = 0; e < j; e++) s.data[j * d + e] = s.data[e * d + j];
        }
        Eigen eig = topEigen(s, k);
        double[] values = eig.values(), vec = eig.vectors().data;  // m x k
        double[] proj = new double[n * k], loadings = new double[d * k];
        if (gram) {
            // X = U S V^T: projections U S = U sqrt(lambda), loadings V = X^T U / sqrt(lambda) (direction only)
            for (int i = 0; i < n; i++) {
                for (int b = 0; b < k; b++) {
                    double u = vec[i * k + b];
                    proj[i * k + b] = u * Math.sqrt(Math.max(values[b], 0));
                    for (int j = 0; j < d; j++) loadings[j * k + b] += a[i * sa + j] * u;
                }
            }
        } else {
            System.arraycopy(vec, 0, loadings, 0, d * k);
            for (int i0 = 0; i0 < n; i0 += BLOCK) {
                int i1 = Math.min(n, i0 + BLOCK);
                c.fill(i0, i1, a);
                project(a, i1 - i0, sa, d, loadings, k, proj, i0 * k);
            }
        }
        double[] variances = new double[k];
        for (int b = 0; b < k; b++) variances[b] = Math.max(0, values[b]) / n;
        return new Components(proj, loadings, variances);
    }

    /*
     * The two loops of exact() over the rows, as methods of their own: when they get hot the JIT compiles
     * these few lines, not all of exact() from inside its loop, a compilation that held the one optimising
     * compiler thread for a quarter of a second at the start of every t-SNE (which starts from this PCA).
     */

    /** Adds the upper triangle of A^T A over the first {@code rows} rows of a (row stride sa, d columns) to s (d x d). */
    private static void scatter(float[] a, int rows, int sa, int d, double[] s) {
        for (int r = 0; r < rows; r++) {
            for (int j = 0; j < d; j++) {
                double v = a[r * sa + j];
                if (v == 0) continue;
                for (int e = j, o = j * d; e < d; e++) s[o + e] += v * a[r * sa + e];
            }
        }
    }

    /** Adds rows x loadings (d x k) to proj from index at on: the rows' projections on the k components. */
    private static void project(float[] a, int rows, int sa, int d, double[] loadings, int k, double[] proj, int at) {
        for (int r = 0; r < rows; r++) {
            for (int j = 0; j < d; j++) {
                double v = a[r * sa + j];
                if (v != 0) for (int b = 0; b < k; b++) proj[at + r * k + b] += v * loadings[j * k + b];
            }
        }
    }

    /** Top-k eigenpairs of a symmetric matrix, largest first, vectors as columns. */
    static Eigen topEigen(DMatrixRMaj s, int k) {
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
        return new Eigen(values, vectors);
    }

    /** Flips components whose largest-magnitude loading is negative (first one wins ties). */
    private static void fixSigns(Components comp, int n, int d, int k) {
        double[] proj = comp.projections(), loadings = comp.loadings();
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
