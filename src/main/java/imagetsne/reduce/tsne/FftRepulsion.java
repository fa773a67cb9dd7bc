package imagetsne.reduce.tsne;

import org.jtransforms.fft.DoubleFFT_2D;

/**
 * FIt-SNE style repulsion for 2-D (Linderman et al. 2019). The square around the embedding is cut into
 * boxes with p equispaced interpolation nodes each; four charges per point (1, y1, y2, |y|^2) are spread
 * onto the node grid with Lagrange weights, convolved with the kernel w^2 = 1/(1+d^2)^2 by FFT on a
 * zero-padded grid, and interpolated back. From the four potentials:
 *   sum_j w_ij^2 (y_i - y_j) = y_i phi1 - (phi2, phi3)
 *   sum_j w_ij = sum_j w_ij^2 (1 + |y_i - y_j|^2) = (1 + |y_i|^2) phi1 - 2 y_i.(phi2, phi3) + phi4.
 * Both include j = i (w = 1, no force), which is subtracted from Z.
 */
public final class FftRepulsion implements Repulsion {
    private final Parallel par;
    private final int p;
    private final int minBoxes;
    private final double boxesPerUnit;

    // cached kernel transform for the last grid (size and spacing)
    private int cachedM = -1;
    private double cachedSpacing = Double.NaN;
    private double[] kernelHat;
    private DoubleFFT_2D fft;

    static {
        // JTransforms' default pool has non-daemon threads that keep a finished JVM alive for a minute
        pl.edu.icm.jlargearrays.ConcurrencyUtils.setThreadPool(java.util.concurrent.Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "fft-worker");
            t.setDaemon(true);
            return t;
        }));
    }

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
        convolve(g1);
        convolve(g2);

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

    private void prepareKernel(int m, double s) {
        int len = 2 * m;
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
        fft = new DoubleFFT_2D(len, len);
        fft.complexForward(k);
        // the kernel is real and even, so its transform is real: keep the real parts only
        kernelHat = new double[len * len];
        for (int t = 0; t < len * len; t++) kernelHat[t] = k[2 * t];
        cachedM = m;
        cachedSpacing = s;
    }

    private void convolve(double[] g) {
        fft.complexForward(g);
        for (int t = 0, e = kernelHat.length; t < e; t++) {
            double kh = kernelHat[t];
            g[2 * t] *= kh;
            g[2 * t + 1] *= kh;
        }
        fft.complexInverse(g, true);
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
