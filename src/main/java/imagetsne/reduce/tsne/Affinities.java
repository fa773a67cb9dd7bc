package imagetsne.reduce.tsne;

import java.util.Arrays;

/**
 * Input affinities as in bhtsne: per point a binary search for the Gaussian precision whose
 * conditional distribution over its k neighbours has the requested perplexity, then P = (P + P^T) / 2n.
 */
public final class Affinities {
    private Affinities() {}

    private static final double TOLERANCE = 1e-5;
    private static final int MAX_STEPS = 200;

    public static SparseP compute(Neighbors nn, double perplexity, Parallel par) {
        int n = nn.n(), k = nn.k();
        double[] cond = new double[n * k];
        double target = Math.log(perplexity);
        par.forChunks(n, (c, from, to) -> {
            for (int i = from; i < to; i++) calibrate(nn.sqDistances(), i * k, k, target, cond);
        });
        return symmetrise(nn, cond);
    }

    /** Fills cond[off..off+k) with p_{j|i}; distances shifted by their minimum so exp never underflows. */
    static void calibrate(double[] d2, int off, int k, double targetEntropy, double[] cond) {
        if (k == 0) return;
        double min = Double.POSITIVE_INFINITY;
        for (int j = 0; j < k; j++) min = Math.min(min, d2[off + j]);
        double beta = 1, lo = -Double.MAX_VALUE, hi = Double.MAX_VALUE;
        for (int step = 0; step < MAX_STEPS; step++) {
            double sum = 0, wsum = 0;
            for (int j = 0; j < k; j++) {
                double dj = d2[off + j] - min;
                double p = Math.exp(-beta * dj);
                cond[off + j] = p;
                sum += p;
                wsum += dj * p;
            }
            // entropy of the normalised row: H = log(sum) + beta * E[d]
            double h = Math.log(sum) + beta * wsum / sum;
            double diff = h - targetEntropy;
            if (Math.abs(diff) < TOLERANCE) break;
            if (diff > 0) { // too flat: sharpen
                lo = beta;
                beta = hi == Double.MAX_VALUE ? beta * 2 : (beta + hi) / 2;
            } else {
                hi = beta;
                beta = lo == -Double.MAX_VALUE ? beta / 2 : (beta + lo) / 2;
            }
        }
        double sum = 0;
        for (int j = 0; j < k; j++) sum += cond[off + j];
        for (int j = 0; j < k; j++) cond[off + j] /= sum;
    }

    /** (P + P^T) normalised to sum 1, rows sorted by column. */
    static SparseP symmetrise(Neighbors nn, double[] cond) {
        int n = nn.n(), k = nn.k();
        int[] idx = nn.indices();
        int[] count = new int[n + 1];
        for (int i = 0; i < n; i++) {
            count[i] += k;
            for (int a = 0; a < k; a++) count[idx[i * k + a]]++;
        }
        int[] start = new int[n + 1];
        for (int i = 0; i < n; i++) start[i + 1] = start[i] + count[i];
        int[] fill = Arrays.copyOf(start, n);
        long[] keyed = new long[start[n]];
        double[] raw = new double[start[n]];
        int[] col = new int[start[n]];
        for (int i = 0; i < n; i++) {
            for (int a = 0; a < k; a++) {
                int j = idx[i * k + a];
                double p = cond[i * k + a];
                col[fill[i]] = j; raw[fill[i]++] = p;
                col[fill[j]] = i; raw[fill[j]++] = p;
            }
        }
        // sort each row by column and merge the (at most two) duplicates
        int[] rowStart = new int[n + 1];
        int out = 0;
        int[] order = new int[0];
        double norm = 2.0 * n;
        int[] cols = new int[start[n]];
        double[] vals = new double[start[n]];
        for (int i = 0; i < n; i++) {
            int s = start[i], e = start[i + 1], len = e - s;
            for (int t = 0; t < len; t++) keyed[s + t] = ((long) col[s + t] << 32) | t;
            Arrays.sort(keyed, s, e);
            rowStart[i] = out;
            int last = -1;
            for (int t = s; t < e; t++) {
                int c = (int) (keyed[t] >>> 32);
                double v = raw[s + (int) (keyed[t] & 0xffffffffL)];
                if (c == last) vals[out - 1] += v / norm;
                else { cols[out] = c; vals[out++] = v / norm; last = c; }
            }
        }
        rowStart[n] = out;
        return new SparseP(n, rowStart, Arrays.copyOf(cols, out), Arrays.copyOf(vals, out));
    }
}
