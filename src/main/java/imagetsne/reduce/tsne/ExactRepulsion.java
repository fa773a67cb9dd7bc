package imagetsne.reduce.tsne;

/** O(n^2) repulsion: every pair, no approximation. For small n, theta = 0, and exact KL. */
final class ExactRepulsion implements Repulsion {
    private final Parallel par;

    private final Kernel kernel = Kernel.best();

    public ExactRepulsion(Parallel par) { this.par = par; }

    /** 2-D: every point against the whole list of points with {@link Kernel#sum} (SIMD where available). */
    private double compute2(double[] y, int n, double[] neg) {
        int size = (n + kernel.lanes() - 1) / kernel.lanes() * kernel.lanes();
        double[] xs = new double[size], ys = new double[size], ms = new double[size];
        for (int i = 0; i < n; i++) {
            xs[i] = y[2 * i];
            ys[i] = y[2 * i + 1];
            ms[i] = 1;   // the padding keeps mass 0
        }
        return par.sum(n, (from, to) -> {
            double z = 0;
            double[] f = new double[2];
            for (int i = from; i < to; i++) {
                f[0] = 0;
                f[1] = 0;
                z += kernel.sum(xs[i], ys[i], xs, ys, ms, size, f) - 1;  // the point itself: w = 1, no force
                if (neg != null) {
                    neg[2 * i] = f[0];
                    neg[2 * i + 1] = f[1];
                }
            }
            return z;
        });
    }

    /**
     * Z = sum over all pairs i != j of w_ij, for the KL. In 2-D it is summed with the single-precision
     * kernel, the one the tree walk has kept compiled: the double one, which only the exact repulsion
     * uses, would run uncompiled here (~0.1 s at 10k points). Relative error ~1e-7 per term, summed in
     * double per point.
     */
    public double normaliser(double[] y, int n, int dims) {
        if (dims != 2) return compute(y, n, dims, null);
        int size = (n + kernel.lanes32() - 1) / kernel.lanes32() * kernel.lanes32();
        float[] xs = new float[size], ys = new float[size], ms = new float[size];
        for (int i = 0; i < n; i++) {
            xs[i] = (float) y[2 * i];
            ys[i] = (float) y[2 * i + 1];
            ms[i] = 1;   // the padding keeps mass 0
        }
        return par.sum(n, (from, to) -> {
            double z = 0;
            double[] f = new double[2];
            for (int i = from; i < to; i++) z += kernel.sum32(xs[i], ys[i], xs, ys, ms, size, f) - 1;   // w_ii = 1
            return z;
        });
    }

    @Override
    public double compute(double[] y, int n, int dims, double[] neg) {
        if (dims == 2) return compute2(y, n, neg);
        return par.sum(n, (from, to) -> {
            double z = 0;
            double[] f = new double[dims];
            for (int i = from; i < to; i++) {
                java.util.Arrays.fill(f, 0);
                int a = i * dims;
                for (int j = 0; j < n; j++) {
                    if (j == i) continue;
                    int b = j * dims;
                    double d2 = 0;
                    for (int t = 0; t < dims; t++) {
                        double diff = y[a + t] - y[b + t];
                        d2 += diff * diff;
                    }
                    double w = 1 / (1 + d2);
                    z += w;
                    double w2 = w * w;
                    for (int t = 0; t < dims; t++) f[t] += w2 * (y[a + t] - y[b + t]);
                }
                if (neg != null) System.arraycopy(f, 0, neg, a, dims);
            }
            return z;
        });
    }
}
