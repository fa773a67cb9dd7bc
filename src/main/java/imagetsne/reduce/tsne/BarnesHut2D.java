package imagetsne.reduce.tsne;

import java.util.Arrays;

/**
 * Barnes-Hut repulsion for 2-D layouts, walked per group of points rather than per point.
 *
 * <p>The quadtree stops splitting at {@link #LEAF} points. The tree is walked once for each node taken
 * as a group of points: a cell is summarised by its centre of mass when bhtsne's rule (half-width /
 * distance &lt; theta) holds for every point of the group, the distance being taken to the group's
 * bounding box. Such a summary serves every point below the group; cells that fail are opened if they
 * are bigger than the group, else handed down to the group's children, which may still summarise
 * them. At a leaf, whatever is left is opened down to summaries or single points. The walk's branches,
 * the costly and unpredictable part of Barnes-Hut, are thus shared by many points, and each point runs a
 * branch-free (SIMD where available, see {@link Kernel}) loop over its interaction list. Since the rule
 * holds for every point it serves, each summary is at least as accurate as bhtsne's per-point one.
 *
 * <p>The lists are summed in single precision: twice the terms per SIMD instruction, and rounding of
 * ~1e-5 relative, far below the approximation's own error (~1e-2 at theta 0.5).
 */
final class BarnesHut2D extends TreeRepulsion {
    /**
     * Points per leaf: bigger leaves mean fewer, longer lists and more conservative summaries. 32 to 64
     * measured about equal at 10,000 points; at 70,000, 64 took 6.2 ms a step where 32 took 7.4.
     */
    static final int LEAF = 64;
    private static final int MAX_DEPTH = 48;
    /**
     * From REFIT_FROM points on, a full build every REBUILD_EVERY steps and a refit of the last tree in
     * between: the points move little from one step to the next, and the build is serial, a quarter of a
     * step's time at 70,000 points (3 of 12 ms) but an eighth at 10,000. 70,000 Fashion-MNIST, 1,000
     * iterations: building every step 14.9 s, KL 3.217, 10-NN 0.826; every 4th 14.0 s, 3.223, 0.828; every
     * 8th 13.3 s, 3.224, 0.827 (one sitting; every 6th, later: KL 3.224, 10-NN 0.827). At 10,000 MNIST
     * every 4th cost 10-NN accuracy 0.952 -> 0.950 for ~0.2 s, so smaller runs build every step.
     */
    static final int REBUILD_EVERY = 6, REFIT_FROM = 40_000;
    private static final float[] ONES = new float[64];
    static { Arrays.fill(ONES, 1); }

    private final double invTheta2;
    private final int leafSize;
    private final Kernel kernel;
    /** Each thread's walk scratch, kept across iterations (it is tens of KB). */
    private final ThreadLocal<Walk> scratch;

    private int[] perm = new int[0], tmp = new int[0];
    /** Builds since the last full one, and how often a full one is made (1: every time, 0: by n). */
    private int sinceBuild, builtFor = -1;
    private final int rebuildEvery;
    private double[] px = new double[0], py = new double[0], sx = new double[0], sy = new double[0]; // tree order
    /** px, py rounded to float for the kernel's lists (the tree itself is built in double) */
    private float[] qx = new float[0], qy = new float[0];
    private byte[] quad = new byte[0];
    // per node, side by side for the walk: [centre of mass x, y, (half-width / theta)^2, count],
    // [first child, child count (0 for a leaf), first point] and the bounding box of its points
    // [x0, x1, y0, y1]; children are contiguous
    private double[] node = new double[0], box = new double[0];
    /** Per node: (half-width / theta)^2 of its cell when built (the refit's lower bound of the criterion). */
    private double[] cellCrit = new double[0];
    private int[] link = new int[0];
    private int nodes;
    /** Parallel tasks: subtrees in tree order, each with its path from the root. */
    private int[][] tasks = new int[0][];
    private final int[][] bucket = new int[MAX_DEPTH + 1][5], next = new int[MAX_DEPTH + 1][4];

    public BarnesHut2D(double theta, Parallel par) { this(theta, par, LEAF, Kernel.best(), 0); }

    BarnesHut2D(double theta, Parallel par, int leafSize, Kernel kernel) { this(theta, par, leafSize, kernel, 1); }

    /** rebuildEvery: 1 builds every step; 0 picks by the point count (see {@link #REBUILD_EVERY}). */
    BarnesHut2D(double theta, Parallel par, int leafSize, Kernel kernel, int rebuildEvery) {
        super(par);
        this.rebuildEvery = Math.max(0, rebuildEvery);
        this.invTheta2 = theta > 0 ? 1 / (theta * theta) : Double.POSITIVE_INFINITY;
        this.leafSize = Math.max(1, leafSize);
        this.kernel = kernel;
        this.scratch = ThreadLocal.withInitial(() -> new Walk(kernel.lanes32()));
    }

    @Override
    int walkUnits() { return tasks.length; }

    @Override
    double walkRange(int from, int to, double[] neg) {
        Walk w = scratch.get();
        double z = 0;
        for (int t = from; t < to; t++) z += task(tasks[t], w, neg);
        return z;
    }

    /** One task's scratch: the interaction list (cells and single points alike) and candidate lists. */
    private static final class Walk {
        final int lanes;
        float[] x = new float[1024], y = new float[1024], m = new float[1024];
        int size;
        final int[][] cand = new int[MAX_DEPTH + 2][16];
        final int[] candSize = new int[MAX_DEPTH + 2];
        int[] stack = new int[64];
        final double[] force = new double[2];

        Walk(int lanes) { this.lanes = lanes; }  // of the single-precision kernel

        void ensure(int more) {
            if (size + more + lanes > x.length) {
                int cap = Math.max(x.length * 2, size + more + lanes);
                x = Arrays.copyOf(x, cap);
                y = Arrays.copyOf(y, cap);
                m = Arrays.copyOf(m, cap);
            }
        }

        void addCandidate(int level, int c) {
            int[] a = cand[level];
            if (candSize[level] == a.length) cand[level] = a = Arrays.copyOf(a, a.length * 2);
            a[candSize[level]++] = c;
        }
    }

    /** Resolves the path down to the task's subtree, then walks the subtree; returns its share of Z. */
    private double task(int[] path, Walk w, double[] neg) {
        w.size = 0;
        w.candSize[0] = 1;
        w.cand[0][0] = 0;
        for (int d = 0; d < path.length - 1; d++) resolve(path[d], d, w);
        return group(path[path.length - 1], path.length - 1, w, neg);
    }

    private double group(int g, int level, Walk w, double[] neg) {
        int mark = w.size;
        resolve(g, level, w);
        double z = 0;
        int first = link[3 * g], children = link[3 * g + 1];
        if (children == 0) {
            z = leaf(g, w, neg);
        } else {
            for (int ch = first; ch < first + children; ch++) z += group(ch, level + 1, w, neg);
        }
        w.size = mark;
        return z;
    }

    /**
     * Sorts the candidates at level for group g: summaries go on the interaction list, cells bigger than
     * the group are opened, the rest become the candidates at level + 1. For a leaf group nothing is
     * handed down: leaves not summarised give their points.
     */
    private void resolve(int g, int level, Walk w) {
        final double[] node = this.node;
        final int[] link = this.link;
        final double bx0 = box[4 * g], bx1 = box[4 * g + 1], by0 = box[4 * g + 2], by1 = box[4 * g + 3];
        final double groupCrit = node[4 * g + 2];
        final boolean leafGroup = link[3 * g + 1] == 0;
        final int own = link[3 * g + 2];
        w.candSize[level + 1] = 0;
        int[] stack = w.stack;
        int sp = 0;
        int[] in = w.cand[level];
        for (int i = w.candSize[level] - 1; i >= 0; i--) {
            if (sp == stack.length) w.stack = stack = Arrays.copyOf(stack, sp * 2);
            stack[sp++] = in[i];
        }
        while (sp > 0) {
            int c = stack[--sp];
            double x = node[4 * c], y = node[4 * c + 1], crit = node[4 * c + 2];
            // distance from the centre of mass to the nearest point of the group's box
            double dx = Math.max(0, Math.max(bx0 - x, x - bx1)), dy = Math.max(0, Math.max(by0 - y, y - by1));
            int fp = link[3 * c + 2], cnt = (int) node[4 * c + 3], kids = link[3 * c + 1];
            // a cell holding the group itself is never summarised (its points meet themselves exactly once)
            if (crit < dx * dx + dy * dy && (own < fp || own >= fp + cnt)) {
                w.ensure(1);
                w.x[w.size] = (float) x;
                w.y[w.size] = (float) y;
                w.m[w.size++] = cnt;
            } else if (kids == 0 && leafGroup) {
                w.ensure(cnt);
                System.arraycopy(qx, fp, w.x, w.size, cnt);
                System.arraycopy(qy, fp, w.y, w.size, cnt);
                // unit masses: a copy from a ready array beats Arrays.fill on these short runs (8% of the
                // whole t-SNE's samples went to fill)
                if (cnt <= ONES.length) System.arraycopy(ONES, 0, w.m, w.size, cnt); else Arrays.fill(w.m, w.size, w.size + cnt, 1);
                w.size += cnt;
            } else if (kids != 0 && (leafGroup || crit >= groupCrit)) {
                if (sp + kids > stack.length) w.stack = stack = Arrays.copyOf(stack, (sp + kids) * 2);
                int first = link[3 * c];
                for (int ch = first + kids - 1; ch >= first; ch--) stack[sp++] = ch;
            } else {
                w.addCandidate(level + 1, c);
            }
        }
    }

    /** Sums the interaction list for each point of leaf g. */
    private double leaf(int g, Walk w, double[] neg) {
        int size = w.size;
        w.ensure(w.lanes);
        while (size % w.lanes != 0) { w.x[size] = 0; w.y[size] = 0; w.m[size++] = 0; }  // zero masses pad
        double z = 0;
        double[] f = w.force;
        for (int p = link[3 * g + 2], end = p + (int) node[4 * g + 3]; p < end; p++) {
            f[0] = 0;
            f[1] = 0;
            // each point met itself once in its own leaf: w = 1, no force
            z += kernel.sum32(qx[p], qy[p], w.x, w.y, w.m, size, f) - 1;
            int a = perm[p] << 1;
            neg[a] = f[0];
            neg[a + 1] = f[1];
        }
        return z;
    }

    @Override
    void build(double[] y, int n, int dims) {
        if (dims != 2) throw new IllegalArgumentException("BarnesHut2D is for 2-D layouts, got " + dims + "-D");
        int every = rebuildEvery > 0 ? rebuildEvery : n >= REFIT_FROM ? REBUILD_EVERY : 1;
        if (n == builtFor && ++sinceBuild < every) {
            refit(y, n);
            return;
        }
        builtFor = n;
        sinceBuild = 0;
        if (perm.length < n) {
            perm = new int[n]; tmp = new int[n]; quad = new byte[n];
            px = new double[n]; py = new double[n]; sx = new double[n]; sy = new double[n];
            qx = new float[n]; qy = new float[n];
        }
        int cap = Math.max(16, 4 * (n / Math.max(1, leafSize / 2)) + 64);
        if (link.length < 3 * cap) allocateNodes(cap);
        double lox = Double.POSITIVE_INFINITY, hix = Double.NEGATIVE_INFINITY, loy = lox, hiy = hix;
        for (int i = 0; i < n; i++) {
            perm[i] = i;
            double x = y[2 * i], v = y[2 * i + 1];
            px[i] = x;
            py[i] = v;
            if (x < lox) lox = x;
            if (x > hix) hix = x;
            if (v < loy) loy = v;
            if (v > hiy) hiy = v;
        }
        double half = Math.max(Math.max(hix - lox, hiy - loy) / 2, 1e-12) * (1 + 1e-9);
        nodes = 1;
        split(0, 0, n, (lox + hix) / 2, (loy + hiy) / 2, half, 0);
        for (int i = 0; i < n; i++) { qx[i] = (float) px[i]; qy[i] = (float) py[i]; }
        // tasks: subtrees of at most ~1/64 of the points (fixed by the tree, not by the thread count)
        java.util.List<int[]> out = new java.util.ArrayList<>();
        collectTasks(0, new int[] {0}, Math.max(leafSize, n / Parallel.MAX_CHUNKS), out);
        tasks = out.toArray(new int[0][]);
    }

    private void collectTasks(int nd, int[] path, int maxPoints, java.util.List<int[]> out) {
        int kids = link[3 * nd + 1];
        if (kids == 0 || node[4 * nd + 3] <= maxPoints) {
            out.add(path);
            return;
        }
        for (int ch = link[3 * nd]; ch < link[3 * nd] + kids; ch++) {
            int[] p = Arrays.copyOf(path, path.length + 1);
            p[path.length] = ch;
            collectTasks(ch, p, maxPoints, out);
        }
    }

    private void allocateNodes(int cap) {
        cellCrit = Arrays.copyOf(cellCrit, cap);
        node = Arrays.copyOf(node, 4 * cap);
        box = Arrays.copyOf(box, 4 * cap);
        link = Arrays.copyOf(link, 3 * cap);
    }

    // The per-node loops below are methods of their own: called hundreds of times per build, they are
    // compiled early and once, where loops inside the recursion waited for on-stack replacement.

    /** A leaf's centre of mass and bounding box, from its points [lo, hi). */
    private void summariseLeaf(int nd, int lo, int hi) {
        double sumx = 0, sumy = 0, x0 = Double.POSITIVE_INFINITY, x1 = Double.NEGATIVE_INFINITY, y0 = x0, y1 = x1;
        for (int q = lo; q < hi; q++) {
            double a = px[q], b = py[q];
            sumx += a;
            sumy += b;
            x0 = Math.min(x0, a); x1 = Math.max(x1, a);
            y0 = Math.min(y0, b); y1 = Math.max(y1, b);
        }
        int cnt = hi - lo;
        node[4 * nd] = sumx / cnt;
        node[4 * nd + 1] = sumy / cnt;
        box[4 * nd] = x0; box[4 * nd + 1] = x1; box[4 * nd + 2] = y0; box[4 * nd + 3] = y1;
    }

    /**
     * Counting sort of points [lo, hi) (and their coordinates) into the four quadrants around (x, y);
     * leaves count[o] = start of quadrant o (relative to lo), count[4] = hi - lo.
     */
    private void sortQuadrants(int lo, int hi, double x, double y, int[] count, int[] pos) {
        Arrays.fill(count, 0);
        for (int q = lo; q < hi; q++) {
            int o = (px[q] >= x ? 1 : 0) | (py[q] >= y ? 2 : 0);
            quad[q] = (byte) o;
            count[o + 1]++;
        }
        for (int o = 0; o < 4; o++) count[o + 1] += count[o];   // count[o] = start of quadrant o
        System.arraycopy(count, 0, pos, 0, 4);
        for (int q = lo; q < hi; q++) {
            int dst = lo + pos[quad[q]]++;   // indexed, not branched: the quadrants come in no order
            tmp[dst] = perm[q];
            sx[dst] = px[q];
            sy[dst] = py[q];
        }
        int cnt = hi - lo;
        System.arraycopy(tmp, lo, perm, lo, cnt);
        System.arraycopy(sx, lo, px, lo, cnt);
        System.arraycopy(sy, lo, py, lo, cnt);
    }

    /**
     * Node nd holds points [lo, hi) (tree order) of the square cell (x, y) +- half. Leaves get their centre
     * of mass and box from their points, inner nodes from their children.
     */
    private void split(int nd, int lo, int hi, double x, double y, double half, int depth) {
        int cnt = hi - lo;
        // bhtsne's SPTree compares the cell's half-width with theta * distance
        node[4 * nd + 2] = cellCrit[nd] = half * half * invTheta2;
        node[4 * nd + 3] = cnt;
        link[3 * nd + 2] = lo;
        if (cnt <= leafSize || depth >= MAX_DEPTH) {
            link[3 * nd] = -1;
            link[3 * nd + 1] = 0;
            summariseLeaf(nd, lo, hi);
            return;
        }
        int[] count = bucket[depth];
        sortQuadrants(lo, hi, x, y, count, next[depth]);
        int nonEmpty = 0;
        for (int o = 0; o < 4; o++) if (count[o + 1] > count[o]) nonEmpty++;
        if (3 * (nodes + nonEmpty) > link.length) allocateNodes(link.length / 3 * 2);
        int first = nodes;
        nodes += nonEmpty;
        link[3 * nd] = first;
        link[3 * nd + 1] = nonEmpty;
        double h = half / 2;
        int child = first;
        for (int o = 0; o < 4; o++) {   // the children use bucket[depth + 1..] only
            if (count[o + 1] == count[o]) continue;
            split(child++, lo + count[o], lo + count[o + 1], x + ((o & 1) != 0 ? h : -h), y + ((o & 2) != 0 ? h : -h), h, depth + 1);
        }
        summariseInner(nd, first, nonEmpty, cnt);
    }

    /** An inner node's centre of mass and bounding box, from its children [first, first + kids). */
    private void summariseInner(int nd, int first, int kids, int cnt) {
        double sumx = 0, sumy = 0, x0 = Double.POSITIVE_INFINITY, x1 = Double.NEGATIVE_INFINITY, y0 = x0, y1 = x1;
        for (int c = first; c < first + kids; c++) {
            sumx += node[4 * c] * node[4 * c + 3];
            sumy += node[4 * c + 1] * node[4 * c + 3];
            x0 = Math.min(x0, box[4 * c]); x1 = Math.max(x1, box[4 * c + 1]);
            y0 = Math.min(y0, box[4 * c + 2]); y1 = Math.max(y1, box[4 * c + 3]);
        }
        node[4 * nd] = sumx / cnt;
        node[4 * nd + 1] = sumy / cnt;
        box[4 * nd] = x0; box[4 * nd + 1] = x1; box[4 * nd + 2] = y0; box[4 * nd + 3] = y1;
    }

    /**
     * The last tree's cells over the points where they are now: centres of mass and boxes from the points
     * up (children have higher numbers than their parents). A cell's criterion is its half-width when built,
     * or half its box's longer side where its points have spread beyond the cell since: bhtsne's rule on
     * the cell's real extent, so each summary stays within theta.
     */
    private void refit(double[] y, int n) {
        for (int i = 0; i < n; i++) {
            int a = perm[i] << 1;
            px[i] = y[a];
            py[i] = y[a + 1];
            qx[i] = (float) px[i];
            qy[i] = (float) py[i];
        }
        for (int nd = nodes - 1; nd >= 0; nd--) {
            int kids = link[3 * nd + 1], cnt = (int) node[4 * nd + 3];
            if (kids == 0) summariseLeaf(nd, link[3 * nd + 2], link[3 * nd + 2] + cnt);
            else summariseInner(nd, link[3 * nd], kids, cnt);
            double h = Math.max(box[4 * nd + 1] - box[4 * nd], box[4 * nd + 3] - box[4 * nd + 2]) / 2;
            node[4 * nd + 2] = Math.max(cellCrit[nd], h * h * invTheta2);
        }
    }
}
