package imagetsne.reduce.tsne;

import java.util.SplittableRandom;

/**
 * Approximate k-NN: a forest of random-projection trees gives every point its leaf-mates as candidates,
 * then a few rounds of neighbour-of-neighbour refinement (the NN-descent idea) fix most misses.
 * Each round reads the previous graph and writes a new one per point, so it is parallel and
 * deterministic.
 */
final class ApproxKnn {
    // measured on MNIST PCA-50, k = 90: recall ~0.94 in ~0.5 s for 10k points on 2 cores
    private final int trees = 8, leafSize = 64;
    /** Refinement rounds; each explores the first `explore` neighbours of the first `explore` neighbours. */
    private final int rounds = 2, explore = 20;

    Neighbors knn(double[] x, int d, int k, long seed, Parallel par) {
        int n = x.length / d;
        // rows in single precision, padded with zeros to a multiple of 16 for the kernel's distance (SIMD
        // with the Vector API): once the points are in locality order, the distances are most of the work
        int dp = (d + 15) / 16 * 16;
        float[] xp = new float[n * dp];
        for (int i = 0; i < n; i++) for (int t = 0; t < d; t++) xp[i * dp + t] = (float) x[i * d + t];
        Kernel kernel = Kernel.best();
        int kk = Math.max(0, Math.min(k, n - 1));
        int[] idx = new int[n * kk];
        double[] dist = new double[n * kk];
        if (kk == 0) return new Neighbors(n, 0, idx, dist);
        int leaf = Math.max(leafSize, kk + 1);

        // Forest: each tree is a permutation of points whose consecutive runs are leaves.
        int[][] perm = new int[trees][];
        int[][] leafStart = new int[trees][];  // per point: start of its leaf in perm
        int[][] leafEnd = new int[trees][];
        par.forEach(trees, t ->
                buildTree(x, d, n, leaf, seed + 0x9E3779B97F4A7C15L * (t + 1), perm, leafStart, leafEnd, t));

        // one "seen" array per thread for all chunks and rounds: a point's stamp is unique over the whole
        // search, so the array is never cleared (one per chunk was 18 MB of garbage per round at 70,000)
        ThreadLocal<int[]> seenOf = ThreadLocal.withInitial(() -> new int[n]);
        par.forChunks(n, (c, from, to) -> {
            KnnHeap heap = new KnnHeap(kk);
            int[] seen = seenOf.get();
            for (int i = from; i < to; i++) {
                leafMates(i, i + 1, xp, dp, kernel, perm, leafStart, leafEnd, seen, heap);
                heap.drainSorted(idx, dist, i * kk);
            }
        });

        int[] cur = idx;
        double[] curD = dist;
        // each round reads one graph and writes the other: two graphs, not one per round (75 MB each at
        // 70,000 points, which the collector would copy while the rounds run)
        int[] spareI = null;
        double[] spareD = null;
        int m = Math.min(explore, kk);
        for (int r = 0; r < rounds; r++) {
            final int[] gi = cur;
            final double[] gd = curD;
            int[] ni = spareI != null ? spareI : new int[n * kk];
            double[] nd = spareD != null ? spareD : new double[n * kk];
            final int stamps = (r + 1) * n + 1;
            par.forChunks(n, (c, from, to) -> {
                KnnHeap heap = new KnnHeap(kk);
                int[] seen = seenOf.get();
                for (int i = from; i < to; i++) {
                    neighboursOfNeighbours(i, stamps + i, gi, gd, kk, m, xp, dp, kernel, seen, heap);
                    heap.drainSorted(ni, nd, i * kk);
                }
            });
            spareI = cur;
            spareD = curD;
            cur = ni;
            curD = nd;
        }
        return new Neighbors(n, kk, cur, curD);
    }

    // The per-point work lives in small methods: called thousands of times, they are compiled early and
    // once, where one long loop per chunk got compiled several times over (on-stack replacement at each
    // loop), and that compiling competed with the work on two cores.

    /** Heap = the k nearest of point i's leaf-mates over all trees; stamp marks points already seen. */
    private static void leafMates(int i, int stamp, float[] xp, int dp, Kernel kernel, int[][] perm, int[][] leafStart,
                                  int[][] leafEnd, int[] seen, KnnHeap heap) {
        heap.clear();
        seen[i] = stamp;
        for (int t = 0; t < perm.length; t++) {
            int[] p = perm[t];
            for (int a = leafStart[t][i], e = leafEnd[t][i]; a < e; a++) {
                int j = p[a];
                if (seen[j] == stamp) continue;
                seen[j] = stamp;
                heap.offer(kernel.sqDist32(xp, i * dp, j * dp, dp), j);
            }
        }
    }

    /** Heap = the k nearest of point i's neighbours in g and the first m neighbours of its first m. */
    private static void neighboursOfNeighbours(int i, int stamp, int[] g, double[] gd, int kk, int m,
                                               float[] xp, int dp, Kernel kernel, int[] seen, KnnHeap heap) {
        heap.clear();
        seen[i] = stamp;
        int base = i * kk;
        for (int a = 0; a < kk; a++) {
            int j = g[base + a];
            seen[j] = stamp;
            heap.offer(gd[base + a], j);
        }
        for (int a = 0; a < m; a++) {
            int jb = g[base + a] * kk;
            for (int b = 0; b < m; b++) {
                int l = g[jb + b];
                if (seen[l] == stamp) continue;
                seen[l] = stamp;
                double dl = kernel.sqDist32(xp, i * dp, l * dp, dp);
                if (dl <= heap.bound()) heap.offer(dl, l);
            }
        }
    }

    /** s0 + w . x[off, off + d) */
    private static double dot(double s0, double[] x, int off, double[] w, int d) {
        double s = s0;
        for (int u = 0; u < d; u++) s += w[u] * x[off + u];
        return s;
    }

    private static void buildTree(double[] x, int d, int n, int leaf, long seed,
                                  int[][] perm, int[][] leafStart, int[][] leafEnd, int t) {
        int[] p = new int[n];
        for (int i = 0; i < n; i++) p[i] = i;
        int[] ls = new int[n], le = new int[n];
        double[] side = new double[n], normal = new double[d];
        int[] tmp = new int[n];
        SplittableRandom rnd = new SplittableRandom(seed);
        // explicit stack of [lo, hi) ranges
        int[] stack = new int[128];
        int sp = 0;
        stack[sp++] = 0;
        stack[sp++] = n;
        while (sp > 0) {
            int hi = stack[--sp], lo = stack[--sp];
            int size = hi - lo;
            if (size <= leaf) {
                for (int a = lo; a < hi; a++) { ls[p[a]] = lo; le[p[a]] = hi; }
                continue;
            }
            // hyperplane: perpendicular bisector of two random members
            int a = p[lo + rnd.nextInt(size)], b = p[lo + rnd.nextInt(size)];
            int left = 0;
            int split;
            if (a != b) {
                double off = 0;
                for (int u = 0; u < d; u++) {
                    normal[u] = x[a * d + u] - x[b * d + u];
                    off += normal[u] * (x[a * d + u] + x[b * d + u]) * 0.5;
                }
                for (int q = lo; q < hi; q++) {
                    int i = p[q];
                    double s = dot(-off, x, i * d, normal, d);
                    side[i] = s;
                    if (s < 0) left++;
                }
            }
            if (a == b || left == 0 || left == size) {
                // degenerate (duplicates): split in the middle of the current order
                split = lo + size / 2;
            } else {
                int l = lo, r = lo + left;
                for (int q = lo; q < hi; q++) {
                    int i = p[q];
                    if (side[i] < 0) tmp[l++] = i; else tmp[r++] = i;
                }
                System.arraycopy(tmp, lo, p, lo, size);
                split = lo + left;
            }
            if (sp + 4 > stack.length) stack = java.util.Arrays.copyOf(stack, stack.length * 2);
            stack[sp++] = lo; stack[sp++] = split;
            stack[sp++] = split; stack[sp++] = hi;
        }
        perm[t] = p;
        leafStart[t] = ls;
        leafEnd[t] = le;
    }
}
