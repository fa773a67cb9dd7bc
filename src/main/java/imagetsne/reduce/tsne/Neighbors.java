package imagetsne.reduce.tsne;

/**
 * k nearest neighbours of every point, excluding itself: row i holds indices and squared Euclidean
 * distances at [i*k, (i+1)*k), nearest first.
 */
record Neighbors(int n, int k, int[] indices, double[] sqDistances) {
    public int index(int i, int j) { return indices[i * k + j]; }
    public double sqDistance(int i, int j) { return sqDistances[i * k + j]; }

    /** Fraction of the true neighbours that this (approximate) graph found. */
    public double recall(Neighbors truth) {
        if (truth.n != n) throw new IllegalArgumentException("different n");
        int kk = Math.min(k, truth.k);
        long hit = 0;
        for (int i = 0; i < n; i++) {
            for (int a = 0; a < kk; a++) {
                int t = truth.index(i, a);
                for (int b = 0; b < k; b++) {
                    if (indices[i * k + b] == t) { hit++; break; }
                }
            }
        }
        return n == 0 || kk == 0 ? 1 : hit / (double) ((long) n * kk);
    }

    static double sqDist(double[] x, int d, int i, int j) {
        double s = 0;
        int a = i * d, b = j * d;
        for (int t = 0; t < d; t++) {
            double diff = x[a + t] - x[b + t];
            s += diff * diff;
        }
        return s;
    }
}
