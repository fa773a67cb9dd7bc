package imagetsne.grid;

import java.util.Arrays;

/**
 * Near-optimal assignment for large n: Gauss-Seidel forward auction with epsilon scaling (Bertsekas).
 * Points bid for cells; a bid needs the best and second-best value of cost + price over all cells,
 * found by visiting square rings of tiles (T x T cells) around the point, skipping tiles whose
 * lower bound (distance to the tile + the tile's minimum price) cannot beat the second best, and
 * stopping once a whole ring is out of reach. Prices only rise, so a tile minimum computed once stays
 * a valid lower bound until refreshed. Empty cells are handled by m - n dummy bidders that value every
 * cell at 0 (they take the cheapest cells), which makes the problem square so epsilon scaling is sound.
 * Each phase ends epsilon-optimal: cost <= optimum + m * epsilon; the last phase's epsilon is chosen
 * so that bound is a small fraction of the cost. Memory O(n + m).
 */
final class AuctionLap {
    static final int TILE = 8;

    private final double[] xy;
    private final int n, m, gc, gr, tc, tr;
    private final double[] cx, cy;
    private final double[] price;
    private final int[] owner, objOf;
    private final double[] tileMin;
    private final boolean[] tileDirty;
    private final int[] pointTileCol, pointTileRow;
    private final MinTree minTree;
    /** Bids placed over all phases (benchmark counter). */
    long bids;
    /** Final epsilon and the guaranteed bound m * epsilon on (cost - optimum). */
    double finalEps, gapBound;

    AuctionLap(double[] xy, GridShape shape) {
        this.xy = xy;
        n = xy.length / 2;
        m = shape.cells();
        gc = shape.cols();
        gr = shape.rows();
        if (n > m) throw new IllegalArgumentException("more points (" + n + ") than cells (" + m + ")");
        cx = new double[gc];
        cy = new double[gr];
        for (int c = 0; c < gc; c++) cx[c] = shape.cellX(c);
        for (int r = 0; r < gr; r++) cy[r] = shape.cellY(r);
        tc = (gc + TILE - 1) / TILE;
        tr = (gr + TILE - 1) / TILE;
        price = new double[m];
        owner = new int[m];
        objOf = new int[m];
        tileMin = new double[tc * tr];
        tileDirty = new boolean[tc * tr];
        pointTileCol = new int[n];
        pointTileRow = new int[n];
        for (int i = 0; i < n; i++) {
            pointTileCol[i] = nearest(xy[2 * i], gc) / TILE;
            pointTileRow[i] = nearest(xy[2 * i + 1], gr) / TILE;
        }
        minTree = new MinTree(m);
    }

    private static int nearest(double p, int count) {
        if (count == 1) return 0;
        long k = Math.round(p * (count - 1));
        return (int) Math.max(0, Math.min(count - 1, k));
    }

    /**
     * @param relGap target for the epsilon-optimality bound m * eps relative to the cost
     * @return cellOf for the n real points
     */
    int[] solve(double relGap) {
        // scale: mean squared distance of a point to its nearest cell, plus half a cell, bounds the useful eps range
        double eps = 0.05;
        int[] queue = new int[m];
        while (true) {
            runPhase(eps, queue);
            double cost = 0;
            for (int i = 0; i < n; i++) cost += cost(i, objOf[i]);
            double bound = m * eps;
            if (bound <= relGap * cost || eps < 1e-12) {
                finalEps = eps;
                gapBound = bound;
                break;
            }
            eps = Math.max(eps / 5, 0.9 * relGap * cost / m);
        }
        return Arrays.copyOf(objOf, n);
    }

    private double cost(int i, int j) {
        double dx = xy[2 * i] - cx[j % gc], dy = xy[2 * i + 1] - cy[j / gc];
        return dx * dx + dy * dy;
    }

    private void runPhase(double eps, int[] queue) {
        Arrays.fill(owner, -1);
        Arrays.fill(objOf, -1);
        // circular FIFO of unassigned persons (real 0..n-1, dummies n..m-1); at most m are queued at once
        int head = 0, count = m;
        for (int k = 0; k < m; k++) queue[k] = k;
        while (count > 0) {
            int p = queue[head];
            head = head + 1 == m ? 0 : head + 1;
            count--;
            int kicked = p < n ? bidPoint(p, eps) : bidDummy(p, eps);
            if (kicked >= 0) {
                int tail = head + count;
                if (tail >= m) tail -= m;
                queue[tail] = kicked;
                count++;
            }
        }
    }

    private int assignTo(int p, int j, double newPrice) {
        bids++;
        int prev = owner[j];
        if (prev >= 0) objOf[prev] = -1;
        owner[j] = p;
        objOf[p] = j;
        price[j] = newPrice;
        minTree.set(j, newPrice);
        tileDirty[(j / gc / TILE) * tc + (j % gc) / TILE] = true;
        return prev;
    }

    private int bidDummy(int p, double eps) {
        int j1 = minTree.argMin();
        double w1 = price[j1];
        double w2 = minTree.secondMin(j1);
        if (w2 == Double.POSITIVE_INFINITY) w2 = w1;
        return assignTo(p, j1, price[j1] + (w2 - w1) + eps);
    }

    private double tileLowerBound(int t) {
        if (tileDirty[t]) {
            int c0 = (t % tc) * TILE, r0 = (t / tc) * TILE;
            int c1 = Math.min(gc, c0 + TILE), r1 = Math.min(gr, r0 + TILE);
            double mn = Double.POSITIVE_INFINITY;
            for (int r = r0; r < r1; r++) for (int c = c0; c < c1; c++) mn = Math.min(mn, price[r * gc + c]);
            tileMin[t] = mn;
            tileDirty[t] = false;
        }
        return tileMin[t];
    }

    private static double sq(double d) { return d > 0 ? d * d : 0; }

    private int bidPoint(int i, double eps) {
        double px = xy[2 * i], py = xy[2 * i + 1];
        int ptc = pointTileCol[i], ptr = pointTileRow[i];
        int maxR = Math.max(Math.max(ptc, tc - 1 - ptc), Math.max(ptr, tr - 1 - ptr));
        double globalMin = price[minTree.argMin()];
        double w1 = Double.POSITIVE_INFINITY, w2 = Double.POSITIVE_INFINITY;
        int j1 = -1;
        for (int R = 0; R <= maxR; R++) {
            if (R > 0) {
                // every cell of tile ring R lies beyond one of its four inner edges
                double lb = Double.POSITIVE_INFINITY;
                if (ptc + R < tc) lb = Math.min(lb, sq(cx[(ptc + R) * TILE] - px));
                if (ptc - R >= 0) lb = Math.min(lb, sq(px - cx[Math.min(gc - 1, (ptc - R) * TILE + TILE - 1)]));
                if (ptr + R < tr) lb = Math.min(lb, sq(cy[(ptr + R) * TILE] - py));
                if (ptr - R >= 0) lb = Math.min(lb, sq(py - cy[Math.min(gr - 1, (ptr - R) * TILE + TILE - 1)]));
                if (lb + globalMin >= w2) break;
            }
            int tcLo = Math.max(0, ptc - R), tcHi = Math.min(tc - 1, ptc + R);
            int trLo = Math.max(0, ptr - R), trHi = Math.min(tr - 1, ptr + R);
            for (int ty = trLo; ty <= trHi; ty++) {
                boolean edgeRow = ty == ptr - R || ty == ptr + R;
                for (int tx = tcLo; tx <= tcHi; tx++) {
                    if (!edgeRow && tx != ptc - R && tx != ptc + R) continue; // interior: an earlier ring
                    int t = ty * tc + tx;
                    int c0 = tx * TILE, r0 = ty * TILE;
                    int c1 = Math.min(gc, c0 + TILE) - 1, r1 = Math.min(gr, r0 + TILE) - 1;
                    double dx = px < cx[c0] ? cx[c0] - px : px > cx[c1] ? px - cx[c1] : 0;
                    double dy = py < cy[r0] ? cy[r0] - py : py > cy[r1] ? py - cy[r1] : 0;
                    if (dx * dx + dy * dy + tileLowerBound(t) >= w2) continue;
                    for (int r = r0; r <= r1; r++) {
                        double ddy = py - cy[r], ry = ddy * ddy;
                        if (ry + tileMin[t] >= w2) continue;
                        int base = r * gc;
                        for (int c = c0; c <= c1; c++) {
                            double ddx = px - cx[c];
                            double val = ddx * ddx + ry + price[base + c];
                            if (val < w2) {
                                if (val < w1) { w2 = w1; w1 = val; j1 = base + c; }
                                else w2 = val;
                            }
                        }
                    }
                }
            }
        }
        if (w2 == Double.POSITIVE_INFINITY) w2 = w1; // a single cell
        return assignTo(i, j1, price[j1] + (w2 - w1) + eps);
    }

    /** Segment tree of prices: global minimum and the minimum without one given cell. */
    private static final class MinTree {
        final int size;
        final double[] t;

        MinTree(int m) {
            int s = 1;
            while (s < m) s <<= 1;
            size = s;
            t = new double[2 * s];
            Arrays.fill(t, Double.POSITIVE_INFINITY);
            for (int j = 0; j < m; j++) t[s + j] = 0;
            for (int k = s - 1; k >= 1; k--) t[k] = Math.min(t[2 * k], t[2 * k + 1]);
        }

        void set(int j, double v) {
            int k = size + j;
            t[k] = v;
            for (k >>= 1; k >= 1; k >>= 1) t[k] = Math.min(t[2 * k], t[2 * k + 1]);
        }

        int argMin() {
            int k = 1;
            while (k < size) k = t[2 * k] <= t[2 * k + 1] ? 2 * k : 2 * k + 1;
            return k - size;
        }

        /** Minimum over all leaves except j: the siblings along j's path to the root. */
        double secondMin(int j) {
            double mn = Double.POSITIVE_INFINITY;
            for (int k = size + j; k > 1; k >>= 1) mn = Math.min(mn, t[k ^ 1]);
            return mn;
        }
    }
}
