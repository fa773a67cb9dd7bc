package imagetsne.reduce.tsne;

import java.util.Arrays;

/**
 * The attractive half of the gradient, attr_i = sum_j p_ij w_ij (y_i - y_j), over each pair of P once.
 *
 * <p>P is symmetric and only its upper triangle is kept, one w_ij = 1 / (1 + |y_i - y_j|^2) serving
 * both ends. The pairs are cut into a fixed number of blocks of about equal size, each adding into its
 * own buffer; the buffers are summed in block order, so the result does not depend on the thread count.
 *
 * <p>In 2-D the pairs' values, the buffers and the sums are single precision: a pass reads 8 bytes per
 * pair and touches 16 per point instead of 12 and 32, and at 70,000 points (4.5 million pairs, buffers
 * beyond the core's cache) that made the attraction 1.4 times faster. Rounding is ~1e-7 relative per
 * term, far below the repulsion's approximation. (Tried and measured no faster: SIMD over full rows with
 * gathers, and a separate pass for a SIMD division.)
 */
final class Attraction {
    /**
     * Fixed, not the thread count: the blocks' sum order must not change with the machine. Few blocks keep
     * the clearing and summing of buffers small; the tree walk that follows in the same parallel region
     * evens out the threads (4 measured ~8% faster than 8 at 10k points, 2 no better).
     */
    static final int BLOCKS = 4;

    private final int n, dims;
    private final int[] rowStart, cols;
    private final double[] vals;         // 3-D
    private final float[] vals32;        // 2-D
    private final int[] blockStart = new int[BLOCKS + 1];
    private final double[][] buffers = new double[BLOCKS][];   // 3-D
    private final float[][] buffers32 = new float[BLOCKS][];   // 2-D

    Attraction(SparseP p, int dims) {
        this.n = p.n();
        this.dims = dims;
        int[] rs = p.rowStart(), cs = p.cols();
        double[] vs = p.vals();
        rowStart = new int[n + 1];
        int upper = 0;
        for (int i = 0; i < n; i++) for (int e = rs[i]; e < rs[i + 1]; e++) if (cs[e] > i) upper++;
        boolean flat2 = dims == 2;
        cols = new int[upper];
        vals = flat2 ? null : new double[upper];
        vals32 = flat2 ? new float[upper] : null;
        int out = 0;
        for (int i = 0; i < n; i++) {
            rowStart[i] = out;
            for (int e = rs[i]; e < rs[i + 1]; e++) {
                if (cs[e] <= i) continue;
                // 2-D: the column premultiplied by 4 indexes a block's buffer (below) directly
                if (flat2) { cols[out] = 4 * cs[e]; vals32[out++] = (float) vs[e]; }
                else { cols[out] = cs[e]; vals[out++] = vs[e]; }
            }
        }
        rowStart[n] = out;
        // blocks of about equal pair counts (later rows hold fewer upper-triangle pairs)
        for (int b = 1, i = 0; b < BLOCKS; b++) {
            long target = (long) upper * b / BLOCKS;
            while (i < n && rowStart[i] < target) i++;
            blockStart[b] = i;
        }
        blockStart[BLOCKS] = n;
        // 2-D: a block's buffer holds [x, y, force x, force y] per point, so each pair's reads and adds
        // at j meet one cache line (8% faster on one thread than y and the forces apart)
        for (int b = 0; b < BLOCKS; b++) {
            if (flat2) buffers32[b] = new float[4 * n]; else buffers[b] = new double[n * dims];
        }
    }

    /** Adds block b's pairs into its own buffer. */
    void block(double[] y, int b) {
        int from = blockStart[b], to = blockStart[b + 1];
        if (dims == 2) {
            float[] f = buffers32[b];
            for (int i = 0; i < n; i++) {
                f[4 * i] = (float) y[2 * i];
                f[4 * i + 1] = (float) y[2 * i + 1];
                f[4 * i + 2] = 0;
                f[4 * i + 3] = 0;
            }
            for (int i = from; i < to; i++) row2(i, f);
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

    /**
     * Row i's pairs in 2-D. A method of its own: called per row, it is compiled within the first
     * iteration and once, where the block's loop waited for on-stack replacement.
     */
    private void row2(int i, float[] b) {
        final int[] cols = this.cols;
        final float[] vals = this.vals32;
        float yx = b[4 * i], yy = b[4 * i + 1], fx = 0, fy = 0;
        for (int e = rowStart[i], end = rowStart[i + 1]; e < end; e++) {
            int j = cols[e];
            float dx = yx - b[j], dy = yy - b[j + 1];
            float w = vals[e] / (1 + dx * dx + dy * dy);
            float gx = w * dx, gy = w * dy;
            fx += gx;
            fy += gy;
            b[j + 2] -= gx;
            b[j + 3] -= gy;
        }
        b[4 * i + 2] += fx;
        b[4 * i + 3] += fy;
    }

    /** attr[from*dims, to*dims) = the blocks' buffers summed in block order. */
    void gather(double[] attr, int from, int to) {
        if (dims == 2) {
            for (int i = from; i < to; i++) {
                float ax = buffers32[0][4 * i + 2], ay = buffers32[0][4 * i + 3];
                for (int b = 1; b < BLOCKS; b++) {
                    ax += buffers32[b][4 * i + 2];
                    ay += buffers32[b][4 * i + 3];
                }
                attr[2 * i] = ax;
                attr[2 * i + 1] = ay;
            }
            return;
        }
        int lo = from * dims, hi = to * dims;
        System.arraycopy(buffers[0], lo, attr, lo, hi - lo);
        for (int b = 1; b < BLOCKS; b++) {
            double[] f = buffers[b];
            for (int e = lo; e < hi; e++) attr[e] += f[e];
        }
    }
}
