package imagetsne.grid;

import java.util.ArrayList;
import java.util.List;

/**
 * Coarse-to-fine auction. The points are put in Hilbert-curve order; each coarser level replaces
 * every four consecutive points by their centroid and every 2 x 2 block of cells by one cell at its
 * centre, which keeps the ratio of points to cells, until a level is small enough for the all-cells
 * auction. Going back down, a level starts from the coarser level's prices (interpolated) and places
 * each point's search window on the block its group was given, so the finer auction only settles
 * local order: its bids look at {@link AuctionLap#WINDOW}^2 cells. Only the finest level is solved to
 * the requested certificate; the coarser ones just have to point the way.
 */
final class Multiscale {
    /** Levels of at most this many points are solved by the all-cells auction. */
    static final int BASE = 2000;
    /** Certificate the coarser levels stop at. */
    private static final double COARSE_GAP = 0.02;
    /** A finer level's first epsilon, in units of the coarser level's last one. */
    private static final double EPS_UP = 4;
    private static final double BASE_EPS = 0.05;

    /** The finest level's solution, with the Hilbert order it was solved in. */
    record Solved(int[] perm, double[] xy, double[] cx, double[] cy, AuctionLap auction) {
        /** Cells in the caller's point order. */
        int[] cellOf() { return unpermute(auction.pointCells()); }

        int[] unpermute(int[] sortedCells) {
            int[] out = new int[perm.length];
            for (int t = 0; t < perm.length; t++) out[perm[t]] = sortedCells[t];
            return out;
        }
    }

    private Multiscale() {}

    /**
     * @param relGap      certificate for the finest level: stop once cost - lowerBound <= relGap * cost
     * @param finestPhases at most this many phases on the finest level; 1 is the approximate path for
     *                     huge inputs, which also skips the certificate (its bound would be loose and slow)
     */
    static Solved solve(double[] xy, GridShape shape, double relGap, int finestPhases, ProgressTicker ticker) {
        ticker.plan(xy.length / 16); // the ordering, in window-bid units
        int[] perm = HilbertOrder.of(xy, ticker);
        ticker.step(xy.length / 16);
        double[] sorted = new double[xy.length];
        for (int t = 0; t < perm.length; t++) {
            sorted[2 * t] = xy[2 * perm[t]];
            sorted[2 * t + 1] = xy[2 * perm[t] + 1];
        }
        List<double[]> pts = new ArrayList<>(), cxs = new ArrayList<>(), cys = new ArrayList<>();
        pts.add(sorted);
        cxs.add(cellXs(shape));
        cys.add(cellYs(shape));
        while (pts.get(pts.size() - 1).length / 2 > BASE && cxs.get(cxs.size() - 1).length >= 4 && cys.get(cys.size() - 1).length >= 4) {
            pts.add(centroidsOf4(pts.get(pts.size() - 1)));
            cxs.add(pairMeans(cxs.get(cxs.size() - 1)));
            cys.add(pairMeans(cys.get(cys.size() - 1)));
        }
        int top = pts.size() - 1;
        // planned work in window-bid units (an all-cells bid counts four), from measured bids per point
        ticker.plan(120L * (pts.get(top).length / 2));
        for (int l = 0; l < top; l++) ticker.plan((l == 0 ? (finestPhases == 1 ? 30L : 45L) : 20L) * (pts.get(l).length / 2));

        AuctionLap a = new AuctionLap(pts.get(top), cxs.get(top), cys.get(top), false, ticker);
        a.solve(top == 0 ? relGap : COARSE_GAP, BASE_EPS, top == 0 ? finestPhases : Integer.MAX_VALUE);
        for (int l = top - 1; l >= 0; l--) {
            double[] ccx = cxs.get(l + 1), ccy = cys.get(l + 1), fcx = cxs.get(l), fcy = cys.get(l);
            AuctionLap f = new AuctionLap(pts.get(l), fcx, fcy, true, ticker);
            f.setPrices(interpolate(a.prices(), ccx, ccy, fcx, fcy));
            int[] coarse = a.personCells();
            int n = pts.get(l).length / 2;
            for (int i = 0; i < n; i++) {
                int cell = coarse[i / 4]; // point i belongs to group i / 4 of the coarser level
                f.center(i, 2 * (cell % ccx.length), 2 * (cell / ccx.length));
            }
            f.solve(l == 0 ? relGap : COARSE_GAP, a.finalEps * EPS_UP, l == 0 ? finestPhases : Integer.MAX_VALUE, l == 0 && finestPhases > 1);
            a = f;
        }
        return new Solved(perm, sorted, cxs.get(0), cys.get(0), a);
    }

    static double[] cellXs(GridShape s) {
        double[] x = new double[s.cols()];
        for (int c = 0; c < x.length; c++) x[c] = s.cellX(c);
        return x;
    }

    static double[] cellYs(GridShape s) {
        double[] y = new double[s.rows()];
        for (int r = 0; r < y.length; r++) y[r] = s.cellY(r);
        return y;
    }

    /** Centroids of consecutive groups of four points (the last group may be smaller). */
    static double[] centroidsOf4(double[] xy) {
        int n = xy.length / 2, groups = (n + 3) / 4;
        double[] out = new double[2 * groups];
        for (int g = 0; g < groups; g++) {
            int from = 4 * g, to = Math.min(n, from + 4);
            double sx = 0, sy = 0;
            for (int i = from; i < to; i++) {
                sx += xy[2 * i];
                sy += xy[2 * i + 1];
            }
            out[2 * g] = sx / (to - from);
            out[2 * g + 1] = sy / (to - from);
        }
        return out;
    }

    /** Centres of consecutive pairs of cell coordinates (an odd last one stays as it is). */
    static double[] pairMeans(double[] c) {
        double[] out = new double[(c.length + 1) / 2];
        for (int k = 0; k < out.length; k++) out[k] = 2 * k + 1 < c.length ? (c[2 * k] + c[2 * k + 1]) / 2 : c[2 * k];
        return out;
    }

    /** Bilinear interpolation of coarse cell prices at the fine cell centres (clamped at the borders). */
    static double[] interpolate(double[] coarse, double[] ccx, double[] ccy, double[] fcx, double[] fcy) {
        int[] kx = new int[fcx.length], ky = new int[fcy.length];
        double[] tx = new double[fcx.length], ty = new double[fcy.length];
        bracket(ccx, fcx, kx, tx);
        bracket(ccy, fcy, ky, ty);
        int cw = ccx.length, fw = fcx.length;
        double[] out = new double[fw * fcy.length];
        for (int r = 0; r < fcy.length; r++) {
            int r0 = ky[r], r1 = Math.min(ccy.length - 1, r0 + 1);
            double v = ty[r];
            for (int c = 0; c < fw; c++) {
                int c0 = kx[c], c1 = Math.min(cw - 1, c0 + 1);
                double u = tx[c];
                double lo = coarse[r0 * cw + c0] + u * (coarse[r0 * cw + c1] - coarse[r0 * cw + c0]);
                double hi = coarse[r1 * cw + c0] + u * (coarse[r1 * cw + c1] - coarse[r1 * cw + c0]);
                out[r * fw + c] = lo + v * (hi - lo);
            }
        }
        return out;
    }

    /** For each fine coordinate: the coarse interval it falls in and its fraction along it. */
    private static void bracket(double[] coarse, double[] fine, int[] k, double[] t) {
        int at = 0;
        for (int i = 0; i < fine.length; i++) {
            double f = fine[i];
            while (at + 1 < coarse.length - 1 && coarse[at + 1] <= f) at++;
            k[i] = at;
            if (coarse.length == 1) t[i] = 0;
            else t[i] = Math.max(0, Math.min(1, (f - coarse[at]) / (coarse[at + 1] - coarse[at])));
        }
    }
}
