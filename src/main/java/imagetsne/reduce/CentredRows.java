package imagetsne.reduce;

import java.util.Arrays;
import java.util.stream.IntStream;

/**
 * An n x d matrix less its column means, without a copy of it: the caller's {@link Rows} (or row-major
 * doubles) and the means, handed out a block of rows at a time as the padded floats {@link MatMul}'s
 * kernels want (row stride sa = d rounded up to 16, zeros beyond d and beyond n). PCA of 80,000 CNN or HOG
 * rows of 2,000 values thus needs no second n x d matrix beside the rows. Means are summed in double and
 * subtracted before rounding, so a large common offset costs no precision.
 */
final class CentredRows {
    /**
     * Rows per block of the mean and variance passes; partial sums are combined in block order (deterministic).
     * Small enough that two threads share 10,000 rows evenly.
     */
    private static final int BLOCK = 1024;

    private final Rows rows;   // one of rows and flat is set
    private final double[] flat;
    private final int n, d, sa;
    private final double[] mean;
    private final double totalVariance;

    private CentredRows(Rows rows, double[] flat, int n, int d) {
        this.rows = rows;
        this.flat = flat;
        this.n = n;
        this.d = d;
        this.sa = (d + 15) & ~15;
        int blocks = (n + BLOCK - 1) / BLOCK;
        double[][] sums = new double[blocks][d];
        IntStream.range(0, blocks).parallel().forEach(b -> {
            double[] s = sums[b];
            float[] row = rows != null ? new float[d] : null;
            for (int i = b * BLOCK, end = Math.min(n, i + BLOCK); i < end; i++) {
                if (rows != null) {
                    rows.copy(i, row, 0);
                    add(row, s, d);
                } else {
                    add(flat, i * d, s, d);
                }
            }
        });
        mean = new double[d];
        for (double[] s : sums) for (int j = 0; j < d; j++) mean[j] += s[j];
        for (int j = 0; j < d; j++) mean[j] /= Math.max(n, 1);
        double[] squares = new double[blocks];
        IntStream.range(0, blocks).parallel().forEach(b -> {
            double sq = 0;
            float[] row = new float[d];
            for (int i = b * BLOCK, end = Math.min(n, i + BLOCK); i < end; i++) {
                centred(i, row, 0);
                sq += squares(row, d);
            }
            squares[b] = sq;
        });
        double t = 0;
        for (double s : squares) t += s;
        totalVariance = t / Math.max(n, 1);
    }

    // The passes' per-row loops are methods of their own, called once a row: so they are compiled after a
    // few hundred rows, and by the warm-up before the real rows come, where loops inside the passes waited
    // for on-stack replacement and ran interpreted through most of a 10,000-row pass.

    private static void add(float[] row, double[] s, int d) { for (int j = 0; j < d; j++) s[j] += row[j]; }

    private static void add(double[] x, int o, double[] s, int d) { for (int j = 0; j < d; j++) s[j] += x[o + j]; }

    private static double squares(float[] row, int d) {
        double sq = 0;
        for (int j = 0; j < d; j++) sq += row[j] * row[j];
        return sq;
    }

    /**
     * Runs the passes and {@link #fill} on small matrices of bytes, floats and doubles until their loops pass the
     * JIT's thresholds (a few ms, interpreted), so that a PCA in a fresh JVM does not centre its rows in the
     * interpreter while the compilers' queues are full. Part of the PCA's warm-up ({@link MatMul#prepare}).
     */
    static void warmUp() {
        int n = 64, d = 48;
        byte[] v = new byte[n * d];
        float[][] f = new float[n][d];
        double[] x = new double[n * d];
        for (int i = 0; i < v.length; i++) { v[i] = (byte) (i * 7); f[i / d][i % d] = i % 13; x[i] = i % 17; }
        // every kind of input, so that none is compiled out as never seen (PCA on the t-SNE's start uses doubles)
        Rows bytes = Rows.unsignedBytes(v, n, d), floats = Rows.of(f);
        for (int round = 0; round < 60; round++) {
            CentredRows c = round % 3 == 0 ? of(bytes) : round % 3 == 1 ? of(floats) : of(x, n, d);
            c.fill(0, n, new float[MatMul.rows(n) * c.sa()]);
        }
    }

    /** The rows (all of the same length), referenced, not copied. */
    static CentredRows of(float[][] x) {
        try {
            return of(Rows.of(x));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("PCA: " + e.getMessage(), e);
        }
    }

    static CentredRows of(Rows x) { return new CentredRows(x, null, x.n(), x.d()); }

    /** The n x d row-major doubles x, referenced, not copied. */
    static CentredRows of(double[] x, int n, int d) {
        if (x.length < (long) n * d) throw new IllegalArgumentException("PCA: " + x.length + " values for " + n + " x " + d);
        return new CentredRows(null, x, n, d);
    }

    /** Row i less the means, rounded to float, into out[off, off + d). */
    private void centred(int i, float[] out, int off) {
        if (rows != null) {
            rows.copy(i, out, off);
            for (int j = 0; j < d; j++) out[off + j] = (float) (out[off + j] - mean[j]);
        } else {
            for (int j = 0, s = i * d; j < d; j++) out[off + j] = (float) (flat[s + j] - mean[j]);
        }
    }

    int n() { return n; }
    int d() { return d; }
    /** Row stride of the blocks {@link #fill} writes. */
    int sa() { return sa; }
    /** Sum of the column variances (squared deviations / n): the whole of what PCA explains. */
    double totalVariance() { return totalVariance; }

    /**
     * Writes rows [i0, i1) centred into buf (row stride sa, from its start), and zeros up to row
     * {@link MatMul#rows}(i1 - i0) and in each row's padding.
     */
    void fill(int i0, int i1, float[] buf) {
        for (int i = i0; i < i1; i++) {
            int o = (i - i0) * sa;
            centred(i, buf, o);
            Arrays.fill(buf, o + d, o + sa, 0f);
        }
        Arrays.fill(buf, (i1 - i0) * sa, MatMul.rows(i1 - i0) * sa, 0f);
    }
}
