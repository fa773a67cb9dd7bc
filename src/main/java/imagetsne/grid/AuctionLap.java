package imagetsne.grid;

import java.util.Arrays;

/**
 * Near-optimal assignment of n points to the cells of a tensor grid cx x cy: Gauss-Seidel forward
 * auction with epsilon scaling (Bertsekas). Empty cells are handled by m - n bidders that value every
 * cell at 0 (they take the cheapest cells), which makes the problem square so epsilon scaling is sound.
 *
 * <p>A bid needs the point's best and second-best value of cost + price. Either over all cells, found
 * by {@link PricePyramid} (used where prices start from zero), or within a {@link #WINDOW} x WINDOW
 * window that follows the point's best cell: once a coarser level has placed every point near its
 * final cell, 64 cells per bid are enough and cost a fraction of a tree search.
 *
 * <p>After a phase the prices give a lower bound on the optimum of the full (all cells) problem by LP
 * duality: the sum over points of min_j(cost + price), plus the empty-cell bidders' share, minus all
 * prices. The auction stops once its cost is within the requested fraction of that bound, so the gap
 * it reports is a certificate. Memory O(n + m).
 */
final class AuctionLap {
    static final int WINDOW = 8;
    private static final double SCALE = 5;
    private static final double MIN_EPS = 1e-12;
    /** All-cells bounds that may fall short of the target before the windows are given up. */
    private static final int MAX_REPAIRS = 2;

    private final double[] xy, cx, cy, price;
    private final int n, m, gc, gr;
    private final int[] owner, cellOf, queue;
    /** Lower-left corner of each point's window; null for the all-cells search. */
    private final int[] winC, winR;
    /** Bids use the windows (false: all cells, from the start or after windows failed the certificate). */
    private boolean windowed;
    private final PricePyramid pyramid;
    private final ProgressTicker ticker;
    private final double[] dxs = new double[WINDOW];
    /** Result of the last best-cell search. */
    private int j1;
    private double w1, w2;

    /** Results of {@link #solve}; lowerBound is NaN when not certified. */
    double cost, lowerBound, finalEps;
    int phases;
    long bids;

    /**
     * @param xy      n x 2 points; processing follows their order, so a spatially coherent order
     *                (see {@link HilbertOrder}) keeps the working set in cache
     * @param windows true: each point searches only its window (place them with {@link #center})
     */
    AuctionLap(double[] xy, double[] cx, double[] cy, boolean windows, ProgressTicker ticker) {
        this.xy = xy;
        this.cx = cx;
        this.cy = cy;
        this.ticker = ticker;
        n = xy.length / 2;
        gc = cx.length;
        gr = cy.length;
        m = gc * gr;
        if (n > m) throw new IllegalArgumentException("more points (" + n + ") than cells (" + m + ")");
        price = new double[m];
        owner = new int[m];
        cellOf = new int[m];
        queue = new int[m];
        winC = windows ? new int[n] : null;
        winR = windows ? new int[n] : null;
        windowed = windows;
        pyramid = new PricePyramid(cx, cy, price);
    }

    /** Starts from the given prices (for instance interpolated from a coarser level) instead of zero. */
    void setPrices(double[] start) {
        System.arraycopy(start, 0, price, 0, m);
        pyramid.rebuild();
    }

    /** Centres point i's window on cell (c, r). */
    void center(int i, int c, int r) {
        winC[i] = Math.max(0, Math.min(gc - WINDOW, c - WINDOW / 2 + 1));
        winR[i] = Math.max(0, Math.min(gr - WINDOW, r - WINDOW / 2 + 1));
    }

    double[] prices() { return price; }

    /** Cell of every person: points 0..n-1, then the empty-cell bidders n..m-1. */
    int[] personCells() { return cellOf; }

    /** Cells of the n points. */
    int[] pointCells() { return Arrays.copyOf(cellOf, n); }

    /**
     * Runs phases until cost - bound <= relGap * cost (or maxPhases ran).
     * @param eps0 the first phase's epsilon: about the error of the starting prices
     */
    void solve(double relGap, double eps0, int maxPhases) {
        solve(relGap, eps0, maxPhases, true);
    }

    /** @param certify false: skip the all-cells bound of a windowed auction (a coarse level needs none) */
    void solve(double relGap, double eps0, int maxPhases, boolean certify) {
        double eps = eps0;
        int repairs = 0;
        phases = 0;
        while (true) {
            runPhase(eps);
            phases++;
            cost = 0;
            for (int i = 0; i < n; i++) cost += cost(i, cellOf[i]);
            double target = relGap * cost + MIN_EPS * n;
            boolean last = phases >= maxPhases || eps < MIN_EPS;
            double bound = dualBound(false);
            if (bound >= cost - target || last) {
                if (!windowed) { lowerBound = bound; break; }
                if (!certify) { lowerBound = Double.NaN; break; }
                // the windows' bound holds for the windowed problem; the certificate needs all cells
                lowerBound = dualBound(true);
                if (lowerBound >= cost - target || last) break;
                // windows that missed their best cell were moved onto it; should that keep failing
                // (many points wanting the same cells, as with duplicates), search all cells from now on
                if (++repairs > MAX_REPAIRS) windowed = false;
            }
            double next = Math.max(eps / SCALE, 1.5 * target / Math.max(1, n)); // the bound sits ~ n eps / 2 below the cost
            eps = next < eps ? next : eps / 2;
        }
        finalEps = eps;
    }

    private double cost(int i, int j) {
        double dx = xy[2 * i] - cx[j % gc], dy = xy[2 * i + 1] - cy[j / gc];
        return dx * dx + dy * dy;
    }

    /**
     * Dual objective of the current prices: sum over points of their best value, plus the empty-cell
     * bidders' share, minus all prices. With allCells the best is over every cell, which makes it a
     * lower bound on the true optimum, and a point whose window misses its best cell gets its window
     * moved there; otherwise over the windows (a bound for the windowed problem only).
     */
    private double dualBound(boolean allCells) {
        double psum = 0;
        for (int j = 0; j < m; j++) psum += price[j];
        double us = 0;
        for (int i = 0; i < n; i++) {
            double px = xy[2 * i], py = xy[2 * i + 1];
            if (!windowed) {
                pyramid.lowest(px, py, false, 1);
                us += pyramid.foundV[0];
                ticker.step(4);
                continue;
            }
            scanWindow(i);
            ticker.step(1);
            if (allCells) { // only cells below the window's best: usually none, and a quick search
                pyramid.lowest(px, py, false, 1, w1);
                ticker.step(2);
                if (pyramid.found > 0) {
                    int j = pyramid.foundJ[0];
                    w1 = pyramid.foundV[0];
                    center(i, j % gc, j / gc);
                }
            }
            us += w1;
        }
        return us + (m - n) * pyramid.globalMin() - psum;
    }

    private void runPhase(double eps) {
        Arrays.fill(owner, -1);
        Arrays.fill(cellOf, -1);
        // circular FIFO of unassigned persons (points 0..n-1, empty-cell bidders n..m-1)
        int head = 0, count = m;
        for (int k = 0; k < m; k++) queue[k] = k;
        while (count > 0) {
            int p = queue[head];
            head = head + 1 == m ? 0 : head + 1;
            count--;
            if (p >= n) { // the two cheapest cells
                pyramid.lowest(0, 0, true, 2);
                take(pyramid.foundJ[0], pyramid.foundV[0], pyramid.found > 1 ? pyramid.foundV[1] : pyramid.foundV[0]);
                ticker.step(4);
            } else if (!windowed) {
                pyramid.lowest(xy[2 * p], xy[2 * p + 1], false, 2);
                take(pyramid.foundJ[0], pyramid.foundV[0], pyramid.found > 1 ? pyramid.foundV[1] : pyramid.foundV[0]);
                ticker.step(4);
            } else {
                windowBest(p);
                ticker.step(1);
            }
            int kicked = assign(p, j1, price[j1] + (w2 - w1) + eps);
            if (kicked >= 0) {
                int tail = head + count;
                if (tail >= m) tail -= m;
                queue[tail] = kicked;
                count++;
            }
        }
    }

    private void take(int j, double v1, double v2) {
        j1 = j;
        w1 = v1;
        w2 = v2;
    }

    private int assign(int p, int j, double newPrice) {
        bids++;
        int prev = owner[j];
        if (prev >= 0) cellOf[prev] = -1;
        owner[j] = p;
        cellOf[p] = j;
        double old = price[j];
        price[j] = newPrice;
        pyramid.raised(j, old);
        return prev;
    }

    /** Best two within p's window; a best cell on an inner edge of the window moves the window onto it. */
    private void windowBest(int p) {
        double previous = Double.POSITIVE_INFINITY;
        while (true) {
            scanWindow(p);
            int bc = j1 % gc, br = j1 / gc, c0 = winC[p], r0 = winR[p];
            boolean edge = (bc == c0 && c0 > 0) || (bc == c0 + WINDOW - 1 && c0 + WINDOW < gc)
                    || (br == r0 && r0 > 0) || (br == r0 + WINDOW - 1 && r0 + WINDOW < gr);
            if (!edge || w1 >= previous) return; // a strictly better cell each move: this ends
            previous = w1;
            center(p, bc, br);
        }
    }

    private void scanWindow(int p) {
        double px = xy[2 * p], py = xy[2 * p + 1];
        int c0 = winC[p], r0 = winR[p], c1 = Math.min(gc, c0 + WINDOW), r1 = Math.min(gr, r0 + WINDOW);
        for (int c = c0; c < c1; c++) {
            double d = px - cx[c];
            dxs[c - c0] = d * d;
        }
        double b1 = Double.POSITIVE_INFINITY, b2 = Double.POSITIVE_INFINITY;
        int bj = -1;
        for (int r = r0; r < r1; r++) {
            double d = py - cy[r], ry = d * d;
            int base = r * gc;
            for (int c = c0; c < c1; c++) {
                double v = dxs[c - c0] + ry + price[base + c];
                if (v < b2) {
                    if (v < b1) { b2 = b1; b1 = v; bj = base + c; }
                    else b2 = v;
                }
            }
        }
        take(bj, b1, b2 == Double.POSITIVE_INFINITY ? b1 : b2);
    }
}
