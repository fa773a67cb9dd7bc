package imagetsne.reduce;

import java.util.stream.IntStream;

/**
 * An n x d matrix with its column means subtracted, as floats in one row-major array whose row stride sa
 * is d rounded up to 16 and whose rows are padded to a multiple of 4 (zeros), the layout {@link MatMul} wants. Means are summed
 * in double and subtracted before rounding, so a large common offset costs no precision.
 *
 * @param totalVariance sum of the column variances (squared deviations / n): the whole of what PCA explains
 */
record Centred(float[] a, int n, int d, int sa, double totalVariance) {
    /** Rows per block of the parallel passes; partial sums are combined in block order (deterministic). */
    private static final int BLOCK = 4096;

    static Centred of(float[][] x) {
        int n = x.length, d = n == 0 ? 0 : x[0].length, sa = stride(d);
        for (int i = 0; i < n; i++) {
            if (x[i].length != d) throw new IllegalArgumentException("PCA: row " + i + " has " + x[i].length + " values, expected " + d);
        }
        int blocks = (n + BLOCK - 1) / BLOCK;
        double[][] sums = new double[blocks][d];
        IntStream.range(0, blocks).parallel().forEach(b -> {
            double[] s = sums[b];
            for (int i = b * BLOCK, end = Math.min(n, i + BLOCK); i < end; i++) {
                float[] r = x[i];
                for (int j = 0; j < d; j++) s[j] += r[j];
            }
        });
        double[] mean = mean(sums, n, d);
        float[] a = new float[MatMul.rows(n) * sa];
        double[] squares = new double[blocks];
        IntStream.range(0, blocks).parallel().forEach(b -> {
            double sq = 0;
            for (int i = b * BLOCK, end = Math.min(n, i + BLOCK); i < end; i++) {
                float[] r = x[i];
                for (int j = 0; j < d; j++) {
                    float v = (float) (r[j] - mean[j]);
                    a[i * sa + j] = v;
                    sq += v * v;
                }
            }
            squares[b] = sq;
        });
        return new Centred(a, n, d, sa, total(squares, n));
    }

    /** The same from an n x d row-major double array. */
    static Centred of(double[] x, int n, int d) {
        int sa = stride(d);
        double[] s = new double[d];
        for (int i = 0; i < n; i++) for (int j = 0; j < d; j++) s[j] += x[i * d + j];
        double[] mean = mean(new double[][] {s}, n, d);
        float[] a = new float[MatMul.rows(n) * sa];
        double sq = 0;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) {
                float v = (float) (x[i * d + j] - mean[j]);
                a[i * sa + j] = v;
                sq += v * v;
            }
        }
        return new Centred(a, n, d, sa, total(new double[] {sq}, n));
    }

    private static int stride(int d) { return (d + 15) & ~15; }

    private static double[] mean(double[][] sums, int n, int d) {
        double[] m = new double[d];
        for (double[] s : sums) for (int j = 0; j < d; j++) m[j] += s[j];
        for (int j = 0; j < d; j++) m[j] /= Math.max(n, 1);
        return m;
    }

    private static double total(double[] squares, int n) {
        double t = 0;
        for (double s : squares) t += s;
        return t / Math.max(n, 1);
    }

    float get(int i, int j) { return a[i * sa + j]; }
}
