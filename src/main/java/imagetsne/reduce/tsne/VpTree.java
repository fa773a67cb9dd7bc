package imagetsne.reduce.tsne;

import java.util.SplittableRandom;

/**
 * Vantage-point tree for exact k-NN (as in bhtsne). Nodes are stored in arrays: each node is a vantage
 * point with a radius splitting its subtree into an inside half and an outside half.
 */
final class VpTree {
    private final double[] x;
    private final int d;
    private final int[] point;      // node -> data index of the vantage point
    private final double[] radius;  // node -> median distance to the vantage point
    private final int[] inside, outside; // child node ids or -1
    private int nodes;

    /** Builds over the n = x.length / d rows of x (row-major); seed picks vantage points. */
    public VpTree(double[] x, int d, long seed) {
        this.x = x;
        this.d = d;
        int n = x.length / d;
        point = new int[n];
        radius = new double[n];
        inside = new int[n];
        outside = new int[n];
        int[] items = new int[n];
        for (int i = 0; i < n; i++) items[i] = i;
        double[] buf = new double[n];
        build(items, 0, n, new SplittableRandom(seed), buf);
    }

    private double dist(int i, int j) { return Math.sqrt(Neighbors.sqDist(x, d, i, j)); }

    private int build(int[] items, int lo, int hi, SplittableRandom rnd, double[] buf) {
        if (lo >= hi) return -1;
        int node = nodes++;
        int v = lo + rnd.nextInt(hi - lo);
        swap(items, lo, v);
        int vp = items[lo];
        point[node] = vp;
        if (hi - lo == 1) {
            inside[node] = outside[node] = -1;
            return node;
        }
        int mid = (lo + 1 + hi) >>> 1;
        for (int t = lo + 1; t < hi; t++) buf[items[t]] = dist(vp, items[t]);
        select(items, lo + 1, hi - 1, mid, buf);
        radius[node] = buf[items[mid]];
        int in = build(items, lo + 1, mid, rnd, buf);
        int out = build(items, mid, hi, rnd, buf);
        inside[node] = in;
        outside[node] = out;
        return node;
    }

    /** Quickselect on items[lo..hi] by key buf[item] so that items[k] is in its sorted place. */
    private static void select(int[] a, int lo, int hi, int k, double[] key) {
        while (hi > lo) {
            int m = (lo + hi) >>> 1;
            double pivot = key[a[m]];
            int i = lo, j = hi;
            while (i <= j) {
                while (key[a[i]] < pivot) i++;
                while (key[a[j]] > pivot) j--;
                if (i <= j) swap(a, i++, j--);
            }
            if (k <= j) hi = j;
            else if (k >= i) lo = i;
            else return;
        }
    }

    private static void swap(int[] a, int i, int j) { int t = a[i]; a[i] = a[j]; a[j] = t; }

    /** k nearest other points of every point (k is clamped to n-1). */
    public static Neighbors knn(double[] x, int d, int k, long seed, Parallel par) {
        int n = x.length / d;
        int kk = Math.max(0, Math.min(k, n - 1));
        int[] idx = new int[n * kk];
        double[] dist = new double[n * kk];
        if (kk == 0) return new Neighbors(n, 0, idx, dist);
        VpTree tree = new VpTree(x, d, seed);
        par.forChunks(n, (c, from, to) -> {
            KnnHeap heap = new KnnHeap(kk);
            for (int i = from; i < to; i++) {
                heap.clear();
                tree.search(i, heap, 0);
                heap.drainSorted(idx, dist, i * kk);
            }
        });
        // the heap holds Euclidean distances; callers want squared ones
        for (int t = 0; t < dist.length; t++) dist[t] *= dist[t];
        return new Neighbors(n, kk, idx, dist);
    }

    /** Depth-first search visiting the nearer side first; prunes with the current k-th distance. */
    private void search(int q, KnnHeap heap, int node) {
        int vp = point[node];
        double dq = dist(q, vp);
        if (vp != q) heap.offer(dq, vp);
        int in = inside[node], out = outside[node];
        double r = radius[node];
        if (dq < r) {
            if (in >= 0) search(q, heap, in);
            if (out >= 0 && dq + heap.bound() >= r) search(q, heap, out);
        } else {
            if (out >= 0) search(q, heap, out);
            if (in >= 0 && dq - heap.bound() <= r) search(q, heap, in);
        }
    }
}
