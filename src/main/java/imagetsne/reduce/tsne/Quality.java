package imagetsne.reduce.tsne;


/** Quality measures of an embedding. */
public final class Quality {
    private Quality() {}

    /**
     * k-NN accuracy: for each point, the most common label among its k nearest other points (exact
     * search in the embedding) is compared with its own label; returns the fraction of matches.
     * A tied vote goes to the tied label seen first, i.e. the one with the nearest member.
     *
     * @param y n x dims row-major coordinates
     */
    public static double knnAccuracy(double[] y, int dims, int[] labels, int k) {
        int n = labels.length;
        if (y.length != n * dims) throw new IllegalArgumentException("knnAccuracy: " + y.length + " coordinates for " + n + " labels in " + dims + "-D");
        if (n < 2) return n == 0 ? Double.NaN : 1;
        int maxLabel = 0;
        for (int l : labels) {
            if (l < 0) throw new IllegalArgumentException("knnAccuracy: labels must be >= 0");
            maxLabel = Math.max(maxLabel, l);
        }
        Neighbors nn;
        try (Parallel par = new Parallel(0)) {
            nn = dims == 2 ? GridKnn2D.knn(y, k, par) : VpTree.knn(y, dims, k, 1, par);
        }
        int kk = nn.k();
        int[] votes = new int[maxLabel + 1];
        int correct = 0;
        for (int i = 0; i < n; i++) {
            for (int a = 0; a < kk; a++) votes[labels[nn.index(i, a)]]++;
            // neighbours come nearest first and the comparison is strict: ties go to the nearest member
            int winner = -1, winVotes = -1;
            for (int a = 0; a < kk; a++) {
                int l = labels[nn.index(i, a)];
                if (votes[l] > winVotes) { winVotes = votes[l]; winner = l; }
            }
            if (winner == labels[i]) correct++;
            for (int a = 0; a < kk; a++) votes[labels[nn.index(i, a)]] = 0;
        }
        return correct / (double) n;
    }

    /** Same metric on rows of any dimension (e.g. a raw-pixel baseline). */
    public static double knnAccuracy(double[][] x, int[] labels, int k) {
        int n = x.length, d = n == 0 ? 0 : x[0].length;
        double[] flat = new double[n * d];
        for (int i = 0; i < n; i++) System.arraycopy(x[i], 0, flat, i * d, d);
        return knnAccuracy(flat, d, labels, k);
    }
}
