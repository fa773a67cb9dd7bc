package imagetsne.reduce;

import java.util.Arrays;

/** Exact k nearest neighbours of one row by squared Euclidean distance: what "show similar images" needs. */
public final class NearestNeighbours {
    private NearestNeighbours() {}

    /** Neighbours of one row: their indices, nearest first, and their Euclidean distances. */
    public record Found(int[] index, double[] distance) {}

    /** The k rows nearest to row `query` (itself excluded), nearest first. Brute force: one query is cheap. */
    public static int[] of(float[][] x, int query, int k) { return find(x, query, k).index(); }

    /** As {@link #of}, with the distances. */
    public static Found find(float[][] x, int query, int k) {
        int n = x.length;
        k = Math.max(0, Math.min(k, n - 1));
        int[] best = new int[k];
        double[] bestD = new double[k];
        Arrays.fill(bestD, Double.POSITIVE_INFINITY);
        Arrays.fill(best, -1);
        float[] q = x[query];
        for (int i = 0; i < n; i++) {
            if (i == query) continue;
            float[] r = x[i];
            double d = 0;
            for (int j = 0; j < q.length; j++) { double t = q[j] - r[j]; d += t * t; }
            if (k == 0 || d >= bestD[k - 1]) continue;
            int pos = k - 1;
            while (pos > 0 && bestD[pos - 1] > d) { bestD[pos] = bestD[pos - 1]; best[pos] = best[pos - 1]; pos--; }
            bestD[pos] = d;
            best[pos] = i;
        }
        double[] dist = new double[k];
        for (int i = 0; i < k; i++) dist[i] = Math.sqrt(bestD[i]);
        return new Found(best, dist);
    }
}
