package imagetsne.reduce.tsne;

import org.jtransforms.fft.DoubleFFT_1D;

/**
 * FIt-SNE style repulsion for 2-D (Linderman et al. 2019). The square around the embedding is cut into
 * boxes with p equispaced interpolation nodes each; four charges per point (1, y1, y2, |y|^2) are spread
 * onto the node grid with Lagrange weights, convolved with the kernel w^2 = 1/(1+d^2)^2 by FFT on a
 * zero-padded grid, and interpolated back. From the four potentials:
 *   sum_j w_ij^2 (y_i - y_j) = y_i phi1 - (phi2, phi3)
 *   sum_j w_ij = sum_j w_ij^2 (1 + |y_i - y_j|^2) = (1 + |y_i|^2) phi1 - 2 y_i.(phi2, phi3) + phi4.
 * Both include j = i (w = 1, no force), which is subtracted from Z.
 */
final class FftRepulsion implements Repulsion {
    private final Parallel par;
    private final int p;
    private final int minBoxes;
    private final double boxesPerUnit;

    // cached kernel transform for the last grid (size and spacing)
    private int cachedM = -1;
    private double cachedSpacing = Double.NaN;
    private double[] kernelHat;
    private int cachedLen = -1;
    /** 1-D transforms, one per thread: planning is cheap but not free, sharing one is not documented safe. */
    private ThreadLocal<DoubleFFT_1D> fft1;

    public FftRepulsion(Parallel par) { this(par, 3, 50, 1.0); }

    public FftRepulsion(Parallel par, int nodesPerBox, int minBoxes, double boxesPerUnit) {
        this.par = par;
        this.p = nodesPerBox;
        this.minBoxes = minBoxes;
        this.boxesPerUnit = boxesPerUnit;
    }

    @Override
    public double compute(double[] y, int n, int dims, double[] neg) {
        if (dims != 2) throw new IllegalArgumentException("FFT repulsion is 2-D only");
        double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < 2 * n; i++) { lo = Math.min(lo, y[i]); hi = Math.max(hi, y[i]); }
        double range = Math.max(hi - lo, 1e-9);
        // Box width: 1/boxesPerUnit, finer when that would give fewer than minBoxes. Rounded up to a
        // power of 2^(1/8) so the grid (and the cached kernel transform) changes only now and then.
        double boxW = Math.min(1 / boxesPerUnit, range / minBoxes);
        boxW = Math.pow(2, Math.ceil(Math.log(boxW) / Math.log(2) * 8) / 8);
        int boxes = fftFriendly((int) Math.floor(range / boxW) + 1, p);
        double s = boxW / p;             // node spacing
        int m = boxes * p;               // nodes per side
        int len = 2 * m;                 // padded FFT size per side
        if (m != cachedM || s != cachedSpacing) prepareKernel(m, s);

        // Lagrange weights and base node of every point, per axis
        int[] base = new int[2 * n];
        double[] wts = new double[2 * n * p];
        final double lo0 = lo;
        par.forChunks(n, (c, from, to) -> {
            for (int i = from; i < to; i++) {
                for (int ax = 0; ax < 2; ax++) {
                    double u = (y[2 * i + ax] - lo0) / s;      // position in node-spacing units
                    int box = Math.min((int) (u / p), boxes - 1);
                    base[2 * i + ax] = box * p;
                    lagrange(u - box * p, wts, (2 * i + ax) * p);
                }
            }
        });

        // spread charges: two complex grids carry the four real charges (re, im)
        double[] g1 = new double[len * len * 2], g2 = new double[len * len * 2];
        for (int i = 0; i < n; i++) {
            double yx = y[2 * i], yy = y[2 * i + 1], sq = yx * yx + yy * yy;
            int bx = base[2 * i], by = base[2 * i + 1];
            int wx = 2 * i * p, wy = (2 * i + 1) * p;
            for (int a = 0; a < p; a++) {
                double wa = wts[wx + a];
                int row = (bx + a) * len;
                for (int b = 0; b < p; b++) {
                    double w = wa * wts[wy + b];
                    int at = 2 * (row + by + b);
                    g1[at] += w;
                    g1[at + 1] += w * yx;
                    g2[at] += w * yy;
                    g2[at + 1] += w * sq;
                }
            }
        }
        convolve(g1, g2, m, len);

        return par.sum(n, (from, to) -> {
            double z = 0;
            for (int i = from; i < to; i++) {
                int bx = base[2 * i], by = base[2 * i + 1];
                int wx = 2 * i * p, wy = (2 * i + 1) * p;
                double p1 = 0, p2 = 0, p3 = 0, p4 = 0;
                for (int a = 0; a < p; a++) {
                    double wa = wts[wx + a];
                    int row = (bx + a) * len;
                    for (int b = 0; b < p; b++) {
                        double w = wa * wts[wy + b];
                        int at = 2 * (row + by + b);
                        p1 += w * g1[at];
                        p2 += w * g1[at + 1];
                        p3 += w * g2[at];
                        p4 += w * g2[at + 1];
                    }
                }
                double yx = y[2 * i], yy = y[2 * i + 1];
                neg[2 * i] = yx * p1 - p2;
                neg[2 * i + 1] = yy * p1 - p3;
                z += (1 + yx * yx + yy * yy) * p1 - 2 * (yx * p2 + yy * p3) + p4 - 1;
            }
            return z;
        });
    }

    /** Lagrange basis at t (node units inside the box; nodes at 0.5, 1.5, ...). */
    private void lagrange(double t, double[] out, int off) {
        for (int k = 0; k < p; k++) {
            double num = 1, den = 1;
            for (int l = 0; l < p; l++) {
                if (l == k) continue;
                num *= t - (l + 0.5);
                den *= k - l;
            }
            out[off + k] = num / den;
        }
    }

    private DoubleFFT_1D fft1(int len) {
        if (len != cachedLen) {
            cachedLen = len;
            fft1 = ThreadLocal.withInitial(() -> new DoubleFFT_1D(len));
        }
        return fft1.get();
    }

    private void prepareKernel(int m, double s) {
        int len = 2 * m;
        fft1(len);
        double[] k = new double[len * len * 2];
        for (int a = 0; a < len; a++) {
            if (a == m) continue;                     // unused wrap-around offset
            double dx = (a < m ? a : a - len) * s;
            for (int b = 0; b < len; b++) {
                if (b == m) continue;
                double dy = (b < m ? b : b - len) * s;
                double w = 1 / (1 + dx * dx + dy * dy);
                k[2 * (a * len + b)] = w * w;
            }
        }
        // 2-D transform by rows then columns (done once per grid, so plainly)
        DoubleFFT_1D f = fft1.get();
        for (int r = 0; r < len; r++) f.complexForward(k, 2 * r * len);
        double[] col = new double[2 * len];
        for (int c = 0; c < len; c++) {
            for (int r = 0; r < len; r++) { col[2 * r] = k[2 * (r * len + c)]; col[2 * r + 1] = k[2 * (r * len + c) + 1]; }
            f.complexForward(col);
            for (int r = 0; r < len; r++) { k[2 * (r * len + c)] = col[2 * r]; k[2 * (r * len + c) + 1] = col[2 * r + 1]; }
        }
        // the kernel is real and even, so its transform is real: keep the real parts only
        kernelHat = new double[len * len];
        for (int t = 0; t < len * len; t++) kernelHat[t] = k[2 * t];
        cachedM = m;
        cachedSpacing = s;
    }

    /**
     * Circular convolution of both grids with the kernel. Only the first m rows and columns hold charges
     * and only they are read back, so the forward row pass and the inverse row pass skip the other m
     * rows (a quarter less work than a full 2-D FFT pair). Rows and columns are independent: split over
     * the pool, each element computed by one thread in a fixed order, so the result is deterministic.
     */
    private void convolve(double[] g1, double[] g2, int m, int len) {
        par.forChunks(m, (c, from, to) -> {
            DoubleFFT_1D f = fft1(len);
            for (int r = from; r < to; r++) { f.complexForward(g1, 2 * r * len); f.complexForward(g2, 2 * r * len); }
        });
        par.forChunks(len, (c, from, to) -> {
            DoubleFFT_1D f = fft1(len);
            double[] col = new double[2 * len];
            for (int cc = from; cc < to; cc++) {
                for (double[] g : new double[][] {g1, g2}) {
                    for (int r = 0; r < m; r++) { int at = 2 * (r * len + cc); col[2 * r] = g[at]; col[2 * r + 1] = g[at + 1]; }
                    java.util.Arrays.fill(col, 2 * m, 2 * len, 0);
                    f.complexForward(col);
                    for (int r = 0; r < len; r++) {
                        double kh = kernelHat[r * len + cc];
                        col[2 * r] *= kh;
                        col[2 * r + 1] *= kh;
                    }
                    f.complexInverse(col, true);
                    for (int r = 0; r < m; r++) { int at = 2 * (r * len + cc); g[at] = col[2 * r]; g[at + 1] = col[2 * r + 1]; }
                }
            }
        });
        par.forChunks(m, (c, from, to) -> {
            DoubleFFT_1D f = fft1(len);
            for (int r = from; r < to; r++) { f.complexInverse(g1, 2 * r * len, true); f.complexInverse(g2, 2 * r * len, true); }
        });
    }

    /** Smallest count >= boxes whose padded FFT size 2 * boxes * p has only factors 2, 3 and 5. */
    static int fftFriendly(int boxes, int p) {
        for (int b = boxes; ; b++) {
            int v = 2 * b * p;
            for (int f : new int[] {2, 3, 5}) while (v % f == 0) v /= f;
            if (v == 1) return b;
        }
    }
}
