package imagetsne.reduce.tsne;

/** O(n^2) repulsion: every pair, no approximation. For small n, theta = 0, and exact KL. */
public final class ExactRepulsion implements Repulsion {
    private final Parallel par;

    public ExactRepulsion(Parallel par) { this.par = par; }

    @Override
    public double compute(double[] y, int n, int dims, double[] neg) {
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
