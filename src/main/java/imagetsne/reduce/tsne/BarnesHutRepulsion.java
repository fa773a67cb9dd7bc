package imagetsne.reduce.tsne;

import java.util.Arrays;

/**
 * Barnes-Hut repulsion on a space-partitioning tree (an octree for 3-D layouts; 2-D ones use the grouped
 * {@link BarnesHut2D}, whose tests use this one, bhtsne's per-point walk, as the reference), rebuilt every
 * iteration. A cell is summarised by its centre of mass when width / distance < theta (bhtsne's rule).
 * For speed the tree lives in flat arrays with each node's numbers side by side (one cache line), the
 * children of a node are contiguous, and points are visited in tree order with their coordinates
 * copied into that order, so neighbouring queries touch the same memory.
 */
final class BarnesHutRepulsion extends TreeRepulsion {
    private static final int MAX_DEPTH = 48;

    private final double invTheta2;

    private int dims, stride, points;
    private int[] perm = new int[0], tmp = new int[0];
    private double[] ys = new double[0], scratch = new double[0];   // coordinates in tree order
    private byte[] orth = new byte[0];
    private final int[][] counts = new int[MAX_DEPTH + 1][9], offsets = new int[MAX_DEPTH + 1][9], positions = new int[MAX_DEPTH + 1][9];
    private final double[][] centres = new double[MAX_DEPTH + 2][3], halves = new double[MAX_DEPTH + 2][3];
    // per node: [com_0..com_{dims-1}, (width/theta)^2, count]
    private double[] node = new double[0];
    // per node: [firstChild or -1 for a leaf, childCount, first point (tree order)]
    private int[] link = new int[0];
    private int nodes;

    public BarnesHutRepulsion(double theta, Parallel par) {
        super(par);
        this.invTheta2 = theta > 0 ? 1 / (theta * theta) : Double.POSITIVE_INFINITY;
    }

    @Override
    int walkUnits() { return points; }

    @Override
    double walkRange(int from, int to, double[] neg) {
        int[] stack = new int[MAX_DEPTH * (1 << dims) + 8];
        double[] f = new double[dims];
        double z = 0;
        for (int q = from; q < to; q++) {
            z += visit(q, f, stack);
            System.arraycopy(f, 0, neg, perm[q] * dims, dims);
        }
        return z;
    }

    /** Repulsion on the point at tree position q; force into f, returns its share of Z. */
    private double visit(int q, double[] f, int[] stack) {
        final int dims = this.dims, stride = this.stride;
        final double[] ys = this.ys, node = this.node;
        final int[] link = this.link;
        int a = q * dims;
        Arrays.fill(f, 0);
        double z = 0;
        int sp = 0;
        stack[sp++] = 0;
        while (sp > 0) {
            int nd = stack[--sp];
            int base = nd * stride;
            int fc = link[nd * 3];
            if (fc < 0) {
                // leaf: its points one by one (several only when duplicates hit MAX_DEPTH)
                int cnt = (int) node[base + dims + 1];
                for (int p = link[nd * 3 + 2], e = p + cnt; p < e; p++) {
                    if (p == q) continue;
                    int b = p * dims;
                    double d2 = 0;
                    for (int t = 0; t < dims; t++) { double diff = ys[a + t] - ys[b + t]; d2 += diff * diff; }
                    double w = 1 / (1 + d2);
                    z += w;
                    double w2 = w * w;
                    for (int t = 0; t < dims; t++) f[t] += w2 * (ys[a + t] - ys[b + t]);
                }
                continue;
            }
            double d2 = 0;
            for (int t = 0; t < dims; t++) { double diff = ys[a + t] - node[base + t]; d2 += diff * diff; }
            if (node[base + dims] < d2) {
                double cnt = node[base + dims + 1];
                double w = 1 / (1 + d2);
                z += cnt * w;
                double w2 = cnt * w * w;
                for (int t = 0; t < dims; t++) f[t] += w2 * (ys[a + t] - node[base + t]);
            } else {
                for (int ch = fc + link[nd * 3 + 1] - 1; ch >= fc; ch--) stack[sp++] = ch;
            }
        }
        return z;
    }

    @Override
    void build(double[] y, int n, int dims) {
        this.dims = dims;
        this.points = n;
        this.stride = dims + 2;
        if (perm.length < n) { perm = new int[n]; tmp = new int[n]; orth = new byte[n]; }
        if (ys.length < n * dims) { ys = new double[n * dims]; scratch = new double[n * dims]; }
        ensureNodes(Math.max(16, 3 * n));
        for (int i = 0; i < n; i++) perm[i] = i;
        // the coordinates travel with perm, so every pass of the build reads memory in order
        System.arraycopy(y, 0, ys, 0, n * dims);
        double[] lo = new double[dims], hi = new double[dims];
        Arrays.fill(lo, Double.POSITIVE_INFINITY);
        Arrays.fill(hi, Double.NEGATIVE_INFINITY);
        for (int i = 0; i < n; i++) {
            for (int t = 0; t < dims; t++) {
                double v = y[i * dims + t];
                if (v < lo[t]) lo[t] = v;
                if (v > hi[t]) hi[t] = v;
            }
        }
        double[] centre = new double[dims], half = new double[dims];
        for (int t = 0; t < dims; t++) {
            centre[t] = (lo[t] + hi[t]) / 2;
            half[t] = Math.max((hi[t] - lo[t]) / 2, 1e-12) * (1 + 1e-9);
        }
        nodes = 1;
        split(0, 0, n, centre, half, 0);
    }

    private void ensureNodes(int cap) {
        if (link.length >= cap * 3 && node.length >= cap * stride) return;
        node = new double[cap * stride];
        link = new int[cap * 3];
    }

    /** Fills node nd with points [lo, hi) (tree order) inside the cell (centre, half); recurses into sub-cells. */
    private void split(int nd, int lo, int hi, double[] centre, double[] half, int depth) {
        final int dims = this.dims;
        final double[] ys = this.ys;
        int cnt = hi - lo;
        int base = nd * stride;
        // bhtsne's SPTree compares the cell's largest half-width (its Cell "width") with theta * distance;
        // the full width would make theta 0.5 as strict as bhtsne's 0.25 and cost ~3x the node visits
        double maxW = 0;
        for (int t = 0; t < dims; t++) maxW = Math.max(maxW, half[t]);
        // theta test precomputed: summarise when halfWidth^2 / theta^2 < distance^2
        node[base + dims] = maxW * maxW * invTheta2;
        node[base + dims + 1] = cnt;
        link[nd * 3 + 2] = lo;
        for (int t = 0; t < dims; t++) {
            double sum = 0;
            for (int q = lo; q < hi; q++) sum += ys[q * dims + t];
            node[base + t] = sum / cnt;
        }
        if (cnt <= 1 || depth >= MAX_DEPTH) {
            link[nd * 3] = -1;
            link[nd * 3 + 1] = 0;
            return;
        }
        // counting sort of the points (and their coordinates) into the 2^dims orthants
        int orthants = 1 << dims;
        int[] bucketCount = counts[depth], offset = offsets[depth], pos = positions[depth];
        Arrays.fill(bucketCount, 0, orthants, 0);
        for (int q = lo; q < hi; q++) {
            int o = 0;
            for (int t = 0; t < dims; t++) if (ys[q * dims + t] >= centre[t]) o |= 1 << t;
            orth[q] = (byte) o;
            bucketCount[o]++;
        }
        offset[0] = 0;
        for (int o = 0; o < orthants; o++) offset[o + 1] = offset[o] + bucketCount[o];
        System.arraycopy(offset, 0, pos, 0, orthants);
        for (int q = lo; q < hi; q++) {
            int dst = lo + pos[orth[q]]++;
            tmp[dst] = perm[q];
            for (int t = 0; t < dims; t++) scratch[dst * dims + t] = ys[q * dims + t];  // arraycopy costs more for 2 values
        }
        System.arraycopy(tmp, lo, perm, lo, cnt);
        System.arraycopy(scratch, lo * dims, ys, lo * dims, cnt * dims);
        int nonEmpty = 0;
        for (int o = 0; o < orthants; o++) if (bucketCount[o] > 0) nonEmpty++;
        if ((nodes + nonEmpty) * 3 > link.length) grow();
        int first = nodes;
        nodes += nonEmpty;
        link[nd * 3] = first;
        link[nd * 3 + 1] = nonEmpty;
        int child = first;
        // per-depth scratch: a child's recursion finishes before its next sibling needs the arrays
        double[] hh = halves[depth + 1], cc = centres[depth + 1];
        for (int t = 0; t < dims; t++) hh[t] = half[t] / 2;
        for (int o = 0; o < orthants; o++) {
            if (bucketCount[o] == 0) continue;
            for (int t = 0; t < dims; t++) cc[t] = centre[t] + (((o >> t) & 1) == 1 ? hh[t] : -hh[t]);
            split(child++, lo + offset[o], lo + offset[o + 1], cc, hh, depth + 1);
        }
    }

    private void grow() {
        int cap = link.length / 3 * 2;
        node = Arrays.copyOf(node, cap * stride);
        link = Arrays.copyOf(link, cap * 3);
    }
}
