package imagetsne.reduce.tsne;

/**
 * KL(P || Q) with Q_ij = w_ij / Z. Over the sparse P this is sum p log p - sum p log w + log Z
 * (P sums to 1); Z comes from an exact O(n^2) sum or from the approximate repulsion.
 */
final class KlDivergence {
    private KlDivergence() {}

    public static double of(SparseP p, double[] y, int dims, double z, Parallel par) {
        int n = p.n();
        double logZ = Math.log(z);
        return par.sum(n, (from, to) -> {
            double s = 0;
            for (int i = from; i < to; i++) {
                int a = i * dims;
                for (int e = p.rowStart()[i], end = p.rowStart()[i + 1]; e < end; e++) {
                    double pij = p.vals()[e];
                    if (pij <= 0) continue;
                    int b = p.cols()[e] * dims;
                    double d2 = 0;
                    for (int t = 0; t < dims; t++) { double diff = y[a + t] - y[b + t]; d2 += diff * diff; }
                    // log(p / (w / Z)) with log w = -log(1 + d2)
                    s += pij * (Math.log(pij) + Math.log1p(d2) + logZ);
                }
            }
            return s;
        });
    }

    /** KL with Z summed over all pairs (O(n^2); see {@link ExactRepulsion#normaliser}). */
    public static double exact(SparseP p, double[] y, int dims, Parallel par) {
        double z = new ExactRepulsion(par).normaliser(y, p.n(), dims);
        return of(p, y, dims, z, par);
    }
}
