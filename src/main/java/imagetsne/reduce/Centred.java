package imagetsne.reduce;

/**
 * An n x d matrix less its column means as floats in one row-major array, the layout of
 * {@link CentredRows#fill} for all rows at once ({@link MatMul#rows}(n) rows of stride sa): for work
 * that visits the rows many times, such as the exact neighbour search.
 *
 * @param totalVariance sum of the column variances (squared deviations / n)
 */
record Centred(float[] a, int n, int d, int sa, double totalVariance) {
    static Centred of(CentredRows c) {
        float[] a = new float[MatMul.rows(c.n()) * c.sa()];
        c.fill(0, c.n(), a);
        return new Centred(a, c.n(), c.d(), c.sa(), c.totalVariance());
    }

    static Centred of(float[][] x) { return of(CentredRows.of(x)); }

    /** The same from an n x d row-major double array. */
    static Centred of(double[] x, int n, int d) { return of(CentredRows.of(x, n, d)); }

    float get(int i, int j) { return a[i * sa + j]; }
}
