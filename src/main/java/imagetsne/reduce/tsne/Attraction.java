package imagetsne.reduce.tsne;

import java.util.Arrays;

/**
 * The attractive half of the gradient, attr_i = sum_j p_ij w_ij (y_i - y_j), w_ij = 1 / (1 + |y_i - y_j|^2).
 *
 * <p>In 2-D each row of P is summed on its own, in single precision, by the {@link Kernel} (SIMD where
 * available: the row's y_j gathered lane by lane, rows padded with zero values to the kernel's lanes). A
 * row's sum does not depend on any other, so the result does not depend on the thread count. This does
 * each pair twice, once from each end, where a pass over the upper triangle does it once and scatters the
 * other end's share: at 70,000 points (9 million entries, buffers beyond the core's cache) the gathered
 * rows took 5.4 ms a pass against 6.4-6.9 ms for the scattered triangle; at 10,000 both took 0.7-0.9 ms.
 *
 * <p>In 3-D only the upper triangle is kept, one w_ij serving both ends, in double. Its pairs are cut into
 * a fixed number of blocks of about equal size, each adding into its own buffer; the buffers are summed in
 * block order, so this result does not depend on the thread count either.
 */
final class Attraction {
    /**
     * Fixed, not the thread count: the 3-D blocks' sum order must not change with the machine. The tree
     * walk that follows in the same parallel region evens out the threads (4 measured ~8% faster than 8
     * at 10k points, 2 no better).
     */
    static final int BLOCKS = 4;

    private final int n, dims;
    private final int[] rowStart, cols;
    private final int[] blockStart = new int[BLOCKS + 1];
    // 2-D: full rows, cols holding 2j; y in float, read by every block; each row's force
    private final float[] vals32, y32, out32;
    private final Kernel kernel;
    // 3-D: the upper triangle, one buffer per block
    private final double[] vals;
    private final double[][] buffers = new double[BLOCKS][];

    Attraction(SparseP p, int dims) { this(p, dims, Kernel.best()); }

    Attraction(SparseP p, int dims, Kernel kernel) {
        this.n = p.n();
        this.dims = dims;
        this.kernel = kernel;
        int[] rs = p.rowStart(), cs = p.cols();
        double[] vs = p.vals();
        rowStart = new int[n + 1];
        if (dims == 2) {
            int lanes = kernel.lanes32(), total = 0;
            for (int i = 0; i < n; i++) {
                rowStart[i] = total;
                total += (rs[i + 1] - rs[i] + lanes - 1) / lanes * lanes;
            }
            rowStart[n] = total;
            cols = new int[total];
            vals32 = new float[total];
            for (int i = 0; i < n; i++) padRow(i, rs, cs, vs, rowStart, cols, vals32);
            y32 = new float[2 * n];
            out32 = new float[2 * n];
            vals = null;
        } else {
            int upper = 0;
            for (int i = 0; i < n; i++) for (int e = rs[i]; e < rs[i + 1]; e++) if (cs[e] > i) upper++;
            cols = new int[upper];
            vals = new double[upper];
            int out = 0;
            for (int i = 0; i < n; i++) {
                rowStart[i] = out;
                for (int e = rs[i]; e < rs[i + 1]; e++) if (cs[e] > i) { cols[out] = cs[e]; vals[out++] = vs[e]; }
            }
            rowStart[n] = out;
            for (int b = 0; b < BLOCKS; b++) buffers[b] = new double[n * dims];
            vals32 = y32 = out32 = null;
        }
        // blocks of about equal entry counts (in 3-D later rows hold fewer upper-triangle pairs)
        long entries = rowStart[n];
        for (int b = 1, i = 0; b < BLOCKS; b++) {
            long target = entries * b / BLOCKS;
            while (i < n && rowStart[i] < target) i++;
            blockStart[b] = i;
        }
        blockStart[BLOCKS] = n;
    }

    /**
     * Row i of P into the padded arrays (a method of its own: called n times, it is compiled early and
     * once, where the loop inside the constructor was compiled on the stack).
     */
    private static void padRow(int i, int[] rs, int[] cs, double[] vs, int[] rowStart, int[] cols, float[] vals32) {
        int out = rowStart[i];
        for (int e = rs[i]; e < rs[i + 1]; e++) { cols[out] = 2 * cs[e]; vals32[out++] = (float) vs[e]; }
        while (out < rowStart[i + 1]) cols[out++] = 2 * i;   // padding: value 0, the row's own point
    }

    /** Takes this step's y (2-D: rounded to float once for all blocks); call before the blocks. */
    void load(double[] y) {
        if (dims == 2) for (int t = 0; t < 2 * n; t++) y32[t] = (float) y[t];
    }

    /** Block b's share, from the y last {@link #load loaded}. */
    void block(double[] y, int b) {
        int from = blockStart[b], to = blockStart[b + 1];
        if (dims == 2) {
            kernel.attraction(y32, cols, vals32, rowStart, from, to, out32);
            return;
        }
        double[] f = buffers[b];
        Arrays.fill(f, 0);
        double[] g = new double[dims];
        for (int i = from; i < to; i++) {
            int a = i * dims;
            for (int e = rowStart[i], end = rowStart[i + 1]; e < end; e++) {
                int j = cols[e] * dims;
                double d2 = 0;
                for (int t = 0; t < dims; t++) { double diff = y[a + t] - y[j + t]; d2 += diff * diff; }
                double w = vals[e] / (1 + d2);
                for (int t = 0; t < dims; t++) {
                    g[t] = w * (y[a + t] - y[j + t]);
                    f[a + t] += g[t];
                    f[j + t] -= g[t];
                }
            }
        }
    }

    /** attr[from*dims, to*dims) = the attraction of rows [from, to). */
    void gather(double[] attr, int from, int to) {
        int lo = from * dims, hi = to * dims;
        if (dims == 2) {
            for (int e = lo; e < hi; e++) attr[e] = out32[e];
            return;
        }
        System.arraycopy(buffers[0], lo, attr, lo, hi - lo);
        for (int b = 1; b < BLOCKS; b++) {
            double[] f = buffers[b];
            for (int e = lo; e < hi; e++) attr[e] += f[e];
        }
    }
}
