package imagetsne.reduce.tsne;

import java.util.Arrays;

/**
 * Barnes-Hut repulsion on a space-partitioning tree (quadtree in 2-D, octree in 3-D), rebuilt every
 * iteration. A cell is summarised by its centre of mass when width / distance < theta (bhtsne's rule).
 * The tree lives in flat arrays: children of a node are contiguous, points of a node are a contiguous
 * run of the permutation, so building allocates nothing per node.
 */
public final class BarnesHutRepulsion implements Repulsion {
    private static final int MAX_DEPTH = 48;

    private final Parallel par;
    private final double theta2;

    // tree storage, grown on demand and reused between iterations
    private int[] perm = new int[0], tmp = new int[0];
    private double[] com = new double[0], width = new double[0];
    private int[] count = new int[0], firstChild = new int[0], childCount = new int[0], pStart = new int[0];
    private int nodes;

    public BarnesHutRepulsion(double theta, Parallel par) {
        this.theta2 = theta * theta;
        this.par = par;
    }

    @Override
    public double compute(double[] y, int n, int dims, double[] neg) {
        build(y, n, dims);
        return par.sum(n, (from, to) -> {
            int[] stack = new int[64 * (1 << dims) + 8];
            double[] f = new double[dims];
            double z = 0;
            for (int i = from; i < to; i++) {
                Arrays.fill(f, 0);
                z += visit(i, y, dims, f, stack);
                System.arraycopy(f, 0, neg, i * dims, dims);
            }
            return z;
        });
    }

    private double visit(int i, double[] y, int dims, double[] f, int[] stack) {
        int a = i * dims;
        double z = 0;
        int sp = 0;
        stack[sp++] = 0;
        while (sp > 0) {
            int node = stack[--sp];
            int cnt = count[node];
            int fc = firstChild[node];
            if (fc < 0) {
                // leaf: its points one by one (several only when duplicates hit MAX_DEPTH)
                for (int q = pStart[node], e = q + cnt; q < e; q++) {
                    int j = perm[q];
                    if (j == i) continue;
                    int b = j * dims;
                    double d2 = 0;
                    for (int t = 0; t < dims; t++) { double diff = y[a + t] - y[b + t]; d2 += diff * diff; }
                    double w = 1 / (1 + d2);
                    z += w;
                    double w2 = w * w;
                    for (int t = 0; t < dims; t++) f[t] += w2 * (y[a + t] - y[b + t]);
                }
                continue;
            }
            int c = node * dims;
            double d2 = 0;
            for (int t = 0; t < dims; t++) { double diff = y[a + t] - com[c + t]; d2 += diff * diff; }
            double wd = width[node];
            if (wd * wd < theta2 * d2) {
                double w = 1 / (1 + d2);
                z += cnt * w;
                double w2 = cnt * w * w;
                for (int t = 0; t < dims; t++) f[t] += w2 * (y[a + t] - com[c + t]);
            } else {
                for (int ch = fc + childCount[node] - 1; ch >= fc; ch--) stack[sp++] = ch;
            }
        }
        return z;
    }

    private void build(double[] y, int n, int dims) {
        int cap = Math.max(16, 4 * n);
        if (perm.length < n) { perm = new int[n]; tmp = new int[n]; }
        ensureNodes(cap, dims);
        for (int i = 0; i < n; i++) perm[i] = i;
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
        split(0, 0, n, centre, half, y, dims, 0);
    }

    private void ensureNodes(int cap, int dims) {
        if (count.length >= cap) return;
        count = new int[cap]; firstChild = new int[cap]; childCount = new int[cap]; pStart = new int[cap];
        width = new double[cap]; com = new double[cap * dims];
    }

    /** Fills node with points perm[lo, hi) inside the cell (centre, half); recurses into sub-cells. */
    private void split(int node, int lo, int hi, double[] centre, double[] half, double[] y, int dims, int depth) {
        int cnt = hi - lo;
        count[node] = cnt;
        pStart[node] = lo;
        double maxW = 0;
        for (int t = 0; t < dims; t++) maxW = Math.max(maxW, 2 * half[t]);
        width[node] = maxW;
        int c = node * dims;
        for (int t = 0; t < dims; t++) com[c + t] = 0;
        for (int q = lo; q < hi; q++) {
            int b = perm[q] * dims;
            for (int t = 0; t < dims; t++) com[c + t] += y[b + t];
        }
        for (int t = 0; t < dims; t++) com[c + t] /= cnt;
        if (cnt <= 1 || depth >= MAX_DEPTH) {
            firstChild[node] = -1;
            childCount[node] = 0;
            return;
        }
        // counting sort of the points into the 2^dims orthants
        int orthants = 1 << dims;
        int[] bucketCount = new int[orthants];
        for (int q = lo; q < hi; q++) bucketCount[orthant(y, perm[q] * dims, centre, dims)]++;
        int[] offset = new int[orthants + 1];
        for (int o = 0; o < orthants; o++) offset[o + 1] = offset[o] + bucketCount[o];
        int[] pos = Arrays.copyOf(offset, orthants);
        for (int q = lo; q < hi; q++) {
            int p = perm[q];
            tmp[lo + pos[orthant(y, p * dims, centre, dims)]++] = p;
        }
        System.arraycopy(tmp, lo, perm, lo, cnt);
        int nonEmpty = 0;
        for (int o = 0; o < orthants; o++) if (bucketCount[o] > 0) nonEmpty++;
        if (nodes + nonEmpty > count.length) grow(dims);
        int first = nodes;
        nodes += nonEmpty;
        firstChild[node] = first;
        childCount[node] = nonEmpty;
        double[] cc = new double[dims], hh = new double[dims];
        int child = first;
        for (int o = 0; o < orthants; o++) {
            if (bucketCount[o] == 0) continue;
            for (int t = 0; t < dims; t++) {
                hh[t] = half[t] / 2;
                cc[t] = centre[t] + (((o >> t) & 1) == 1 ? hh[t] : -hh[t]);
            }
            split(child++, lo + offset[o], lo + offset[o + 1], cc.clone(), hh.clone(), y, dims, depth + 1);
        }
    }

    private static int orthant(double[] y, int b, double[] centre, int dims) {
        int o = 0;
        for (int t = 0; t < dims; t++) if (y[b + t] >= centre[t]) o |= 1 << t;
        return o;
    }

    private void grow(int dims) {
        int cap = count.length * 2;
        count = Arrays.copyOf(count, cap); firstChild = Arrays.copyOf(firstChild, cap);
        childCount = Arrays.copyOf(childCount, cap); pStart = Arrays.copyOf(pStart, cap);
        width = Arrays.copyOf(width, cap); com = Arrays.copyOf(com, cap * dims);
    }
}
