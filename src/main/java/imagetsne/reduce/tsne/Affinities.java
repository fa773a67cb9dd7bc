package imagetsne.reduce.tsne;

import java.util.Arrays;

/**
 * Input affinities as in bhtsne: per point a binary search for the Gaussian precision whose
 * conditional distribution over its k neighbours has the requested perplexity, then P = (P + P^T) / 2n.
 */
final class Affinities {
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
        return symmetrise(nn, cond, par);
    }

    /**
     * Fills cond[off..off+k) with p_{j|i}; distances shifted by their minimum so exp never underflows.
     * Newton's method on the entropy H(beta) (dH/dbeta = -beta Var[d]) from beta = 1 / mean distance,
     * falling back to bisection when a step leaves the bracket (bhtsne bisects from beta = 1).
     */
    static void calibrate(double[] d2, int off, int k, double targetEntropy, double[] cond) {
        if (k == 0) return;
        double min = minimum(d2, off, k);
        double mean = shiftedSum(d2, off, k, min) / k;
        double beta = mean > 0 ? 1 / mean : 1, lo = 0, hi = Double.POSITIVE_INFINITY;
        double[] sums = new double[3];
        for (int step = 0; step < MAX_STEPS; step++) {
            weigh(d2, off, k, min, beta, cond, sums);
            double sum = sums[0], wsum = sums[1], w2sum = sums[2];
            // entropy of the normalised row: H = log(sum) + beta * E[d]
            double ed = wsum / sum;
            double h = Math.log(sum) + beta * ed;
            double diff = h - targetEntropy;
            if (Math.abs(diff) < TOLERANCE) break;
            if (diff > 0) lo = beta; else hi = beta;   // too flat: sharpen (H falls as beta grows)
            double var = w2sum / sum - ed * ed;
            double next = beta + diff / (beta * var);
            if (!(next > lo && next < hi)) next = hi == Double.POSITIVE_INFINITY ? beta * 2 : (lo + hi) / 2;
            beta = next;
        }
        normalise(cond, off, k);
    }

    // calibrate's loops are methods of their own: called a few times a row, they are compiled once, early,
    // where loops inside calibrate were each compiled on the stack first, with calibrate around them

    private static double minimum(double[] d2, int off, int k) {
        double min = Double.POSITIVE_INFINITY;
        for (int j = 0; j < k; j++) min = Math.min(min, d2[off + j]);
        return min;
    }

    private static double shiftedSum(double[] d2, int off, int k, double min) {
        double sum = 0;
        for (int j = 0; j < k; j++) sum += d2[off + j] - min;
        return sum;
    }

    /** cond[off + j] = exp(-beta (d_j - min)); sums = their sum, and their sums weighted by d_j - min and its square. */
    private static void weigh(double[] d2, int off, int k, double min, double beta, double[] cond, double[] sums) {
        double sum = 0, wsum = 0, w2sum = 0;
        for (int j = 0; j < k; j++) {
            double dj = d2[off + j] - min;
            double p = Math.exp(-beta * dj);
            cond[off + j] = p;
            sum += p;
            wsum += dj * p;
            w2sum += dj * dj * p;
        }
        sums[0] = sum;
        sums[1] = wsum;
        sums[2] = w2sum;
    }

    private static void normalise(double[] cond, int off, int k) {
        double sum = 0;
        for (int j = 0; j < k; j++) sum += cond[off + j];
        for (int j = 0; j < k; j++) cond[off + j] /= sum;
    }

    /**
     * (P + P^T) normalised to sum 1. Row i holds its own neighbours in their order, then the points that
     * have i as a neighbour without being one of its own; a pair found both ways is merged. No sorting:
     * a per-thread stamp array finds the merges.
     */
    static SparseP symmetrise(Neighbors nn, double[] cond, Parallel par) {
        int n = nn.n(), k = nn.k();
        int[] idx = nn.indices();
        // incoming edges in CSR: inStart[j].. lists the rows r with j among r's neighbours (and where)
        int[] inStart = new int[n + 1];
        for (int e = 0; e < n * k; e++) inStart[idx[e] + 1]++;
        for (int j = 0; j < n; j++) inStart[j + 1] += inStart[j];
        int[] inEdge = new int[n * k], fill = java.util.Arrays.copyOf(inStart, n);
        for (int e = 0; e < n * k; e++) inEdge[fill[idx[e]]++] = e;   // e / k is the source row
        // row lengths: own k plus the incoming ones that are not also outgoing
        int[] rowStart = new int[n + 1];
        // one stamp array (and one slot array) per thread for both passes, where one per chunk was 54 MB of
        // garbage at 70,000 points, made while the neighbour graph is live and so copied by the collector:
        // row i stamps i in the first pass and n + i in the second, so no pass sees another's marks
        ThreadLocal<int[]> marks = ThreadLocal.withInitial(() -> {
            int[] m = new int[n];
            java.util.Arrays.fill(m, -1);
            return m;
        });
        ThreadLocal<int[]> slots = ThreadLocal.withInitial(() -> new int[n]);
        par.forChunks(n, (c, from, to) -> {
            int[] mark = marks.get();
            for (int i = from; i < to; i++) rowStart[i + 1] = rowLength(i, i, idx, k, inStart, inEdge, mark);
        });
        for (int i = 0; i < n; i++) rowStart[i + 1] += rowStart[i];
        int[] cols = new int[rowStart[n]];
        double[] vals = new double[rowStart[n]];
        double norm = 2.0 * n;
        par.forChunks(n, (c, from, to) -> {
            int[] mark = marks.get(), at = slots.get();
            for (int i = from; i < to; i++) fillRow(i, n + i, idx, k, cond, inStart, inEdge, rowStart[i], norm, mark, at, cols, vals);
        });
        return new SparseP(n, rowStart, cols, vals);
    }

    // per-row methods: called n times, the JIT compiles them early and once (see ApproxKnn)

    private static int rowLength(int i, int stamp, int[] idx, int k, int[] inStart, int[] inEdge, int[] mark) {
        for (int a = 0; a < k; a++) mark[idx[i * k + a]] = stamp;
        int extra = 0;
        for (int t = inStart[i]; t < inStart[i + 1]; t++) if (mark[inEdge[t] / k] != stamp) extra++;
        return k + extra;
    }

    private static void fillRow(int i, int stamp, int[] idx, int k, double[] cond, int[] inStart, int[] inEdge, int out,
                                double norm, int[] mark, int[] at, int[] cols, double[] vals) {
        int start = out;
        for (int a = 0; a < k; a++) {
            int j = idx[i * k + a];
            mark[j] = stamp;
            at[j] = out;
            cols[out] = j;
            vals[out++] = cond[i * k + a];
        }
        for (int t = inStart[i]; t < inStart[i + 1]; t++) {
            int e = inEdge[t], r = e / k;
            if (mark[r] == stamp) {
                vals[at[r]] += cond[e];
            } else {
                cols[out] = r;
                vals[out++] = cond[e];
            }
        }
        for (int e = start; e < out; e++) vals[e] /= norm;
    }
}
