package imagetsne.reduce;

import java.util.stream.IntStream;

/**
 * Exact k nearest neighbours of every row, by brute force on the SIMD products: squared distances
 * |x_i|^2 + |x_j|^2 - 2 x_i . x_j of all pairs, the dot products in float for a block of rows against a
 * block of columns at a time, a bounded heap per row, and the kept neighbours' distances recomputed in
 * double. n^2 d multiply-adds: for up to a few tens of thousands of rows in 50 dimensions this beats a
 * tree, whose pruning fails in so many dimensions, and approximate searches too.
 */
public final class KnnGraph {
    private KnnGraph() {}

    /**
     * Row i's neighbours, nearest first (ties by index), at [i k, (i + 1) k): their indices and squared
     * Euclidean distances.
     */
    public record Result(int n, int k, int[] indices, double[] sqDistances) {}

    /** Rows per task (a multiple of 4), and columns per product (a multiple of {@link MatKernel#WIDTH}). */
    private static final int ROWS = 128, COLS = 512;

    /** The k nearest rows (itself excluded) of every row of the n x d row-major matrix x. */
    public static Result exact(double[] x, int n, int d, int k) { return exact(x, n, d, k, null); }

    /**
     * The same, giving up between blocks of rows when {@code stop} says so.
     * @throws Cancelled when stopped
     */
    public static Result exact(double[] x, int n, int d, int k, java.util.function.BooleanSupplier stop) {
        int kk = Math.max(0, Math.min(k, n - 1));
        int[] idx = new int[n * kk];
        double[] dist = new double[n * kk];
        if (kk == 0) return new Result(n, 0, idx, dist);
        MatMul.awaitWarmUp();
        // centred: the distances stay, the float dot products lose less to cancellation
        Centred c = Centred.of(x, n, d);
        float[] a = c.a();
        int sa = c.sa();
        int blocks = (n + COLS - 1) / COLS;
        // columns past n: infinitely far, so no scan takes them
        float[] norm = new float[blocks * COLS];
        java.util.Arrays.fill(norm, n, norm.length, Float.POSITIVE_INFINITY);
        float[][] columns = new float[blocks][d * COLS];  // x transposed, a block of COLS rows at a time
        for (int i = 0; i < n; i++) {
            norm[i] = squaredNorm(a, i * sa, d);
            transpose(a, i * sa, d, columns[i / COLS], i % COLS);
        }
        int rows = MatMul.rows(n);
        IntStream.range(0, (rows + ROWS - 1) / ROWS).parallel().forEach(t -> {
            if (stop != null && stop.getAsBoolean()) return;
            int i0 = t * ROWS, i1 = Math.min(rows, i0 + ROWS), m = Math.min(n, i1) - i0;
            float[] y = new float[(i1 - i0) * COLS];
            Heaps h = new Heaps(m, kk);
            // the columns nearest the rows first: in an order where neighbours sit close together (t-SNE
            // hands its points over so), the heaps fill with near neighbours at once and few offers follow
            int home = Math.min(blocks - 1, i0 / COLS);
            for (int step = 0; step < blocks; step++) {
                int b = outward(home, step, blocks);
                java.util.Arrays.fill(y, 0);
                MatMul.KERNEL.mul(a, sa, d, i0, i1, columns[b], COLS, y, i0);
                for (int r = 0; r < m; r++) h.scan(r, i0 + r, y, r * COLS, b * COLS, norm);
            }
            for (int r = 0; r < m; r++) h.finish(r, i0 + r, x, d, idx, dist);
        });
        Cancelled.check(stop);
        return new Result(n, kk, idx, dist);
    }

    // Per-row methods: called n times, they are compiled early and once, where loops inside exact (called
    // once) could only be compiled on the stack, with the whole method around them.

    private static float squaredNorm(float[] a, int off, int d) {
        double s = 0;
        for (int j = 0; j < d; j++) s += (double) a[off + j] * a[off + j];
        return (float) s;
    }

    /** Row a[off, off + d) into column c of the COLS-wide block w. */
    private static void transpose(float[] a, int off, int d, float[] w, int c) {
        for (int j = 0; j < d; j++) w[j * COLS + c] = a[off + j];
    }

    /** The step-th block visited from home: home, home + 1, home - 1, home + 2, ... within [0, blocks). */
    static int outward(int home, int step, int blocks) {
        int up = blocks - 1 - home, down = home;   // blocks on either side
        int pairs = Math.min(up, down);
        if (step <= 2 * pairs) return step == 0 ? home : (step % 2 == 1 ? home + (step + 1) / 2 : home - step / 2);
        int rest = step - 2 * pairs;   // one side is used up: continue on the other
        return up > down ? home + pairs + rest : home - pairs - rest;
    }

    /** One bounded max-heap of (float distance, index) per row of a task. */
    private static final class Heaps {
        final int k;
        final float[] dist;
        final int[] idx, size, hits = new int[COLS];

        Heaps(int rows, int k) {
            this.k = k;
            dist = new float[rows * k];
            idx = new int[rows * k];
            size = new int[rows];
        }

        /** Offers row r (point i) the columns [base, base + COLS) of the dot products y[off ..]. */
        void scan(int r, int i, float[] y, int off, int base, float[] norm) {
            int h = r * k;
            float ni = norm[i];
            float bound = size[r] < k ? Float.POSITIVE_INFINITY : dist[h];
            int found = MatMul.KERNEL.below(y, off, norm, base, COLS, ni, bound, hits);
            for (int e = 0; e < found; e++) {
                int c = hits[e], j = base + c;
                float dd = ni + norm[j] - 2 * y[off + c];
                if (dd < bound && j != i) bound = offer(r, h, Math.max(dd, 0f), j);
            }
        }

        /** Adds (dd, j) to row r's heap; returns the new bound (+inf while not full). */
        private float offer(int r, int h, float dd, int j) {
            int s = size[r];
            if (s < k) {
                int c = s;
                size[r] = s + 1;
                while (c > 0) {
                    int p = (c - 1) >> 1;
                    if (!worse(dd, j, dist[h + p], idx[h + p])) break;
                    dist[h + c] = dist[h + p];
                    idx[h + c] = idx[h + p];
                    c = p;
                }
                dist[h + c] = dd;
                idx[h + c] = j;
                return s + 1 < k ? Float.POSITIVE_INFINITY : dist[h];
            }
            if (!worse(dist[h], idx[h], dd, j)) return dist[h];
            siftDown(h, k, dd, j);   // replaces the worst, the root
            return dist[h];
        }

        /** Puts (dd, j) at the root of the heap of the given size at h and sifts it down. */
        private void siftDown(int h, int size, float dd, int j) {
            int c = 0;
            while (true) {
                int l = 2 * c + 1;
                if (l >= size) break;
                int m = l + 1 < size && worse(dist[h + l + 1], idx[h + l + 1], dist[h + l], idx[h + l]) ? l + 1 : l;
                if (!worse(dist[h + m], idx[h + m], dd, j)) break;
                dist[h + c] = dist[h + m];
                idx[h + c] = idx[h + m];
                c = m;
            }
            dist[h + c] = dd;
            idx[h + c] = j;
        }

        private static boolean worse(float d, int i, float e, int j) { return d > e || (d == e && i > j); }

        /**
         * Row r's neighbours with their distances in double, nearest first (ties by index), into the output:
         * in the order of their float distances (ties by index), taken off the heap worst first, then
         * re-sorted by the double distances, a short insertion sort since the float order is nearly right.
         * The heap's own sift, hot from the scan, where a sort would be one more method for the JIT to
         * compile while the search runs.
         */
        void finish(int r, int i, double[] x, int d, int[] outIdx, double[] outDist) {
            int h = r * k, o = i * k;
            int[] order = new int[k];
            for (int s = k; s > 0; s--) {   // the root is the worst of the s left: it goes to place s - 1
                order[s - 1] = idx[h];
                if (s > 1) siftDown(h, s - 1, dist[h + s - 1], idx[h + s - 1]);
            }
            for (int a = 0; a < k; a++) {
                int j = order[a];
                double v = 0;
                for (int t = 0; t < d; t++) { double diff = x[i * d + t] - x[j * d + t]; v += diff * diff; }
                int p = o + a;
                while (p > o && (outDist[p - 1] > v || (outDist[p - 1] == v && outIdx[p - 1] > j))) {
                    outDist[p] = outDist[p - 1];
                    outIdx[p] = outIdx[p - 1];
                    p--;
                }
                outDist[p] = v;
                outIdx[p] = j;
            }
        }
    }
}
