package imagetsne.grid;

import java.util.Arrays;

/**
 * Exact assignment by shortest augmenting paths with dual potentials: the Jonker-Volgenant scheme in
 * Crouse's form (the one scipy uses), on the square problem of n points plus m - n empty-cell rows
 * that cost 0 anywhere. Costs are squared distances computed on the fly, so memory is O(m).
 *
 * <p>It starts warm from an auction's prices and matching: column potentials -price, row potentials
 * the best reduced cost, and every auction pair that is exactly tight under them kept. Those duals
 * are feasible, so the result is optimal while only the remaining rows need a path, each found after
 * a few O(m) scans instead of the cold start's O(n^2 m) worst case. Many identical points are its
 * weak spot (equal reduced costs make each path scan most matched rows first), hence the scan budget.
 */
final class DenseLap {
    private DenseLap() {}

    /**
     * @param price cell prices to start from (null: all zero)
     * @param start    cell of every person (points, then empty-cell rows) of a full matching, or null
     * @param maxScans give up after this many row scans (each O(m)); Long.MAX_VALUE: never
     * @return the optimal cell of each of the n points, or null when maxScans ran out
     */
    static int[] solve(double[] xy, double[] cx, double[] cy, double[] price, int[] start, long maxScans, ProgressTicker ticker) {
        int n = xy.length / 2, gc = cx.length, m = gc * cy.length;
        if (n > m) throw new IllegalArgumentException("more points (" + n + ") than cells (" + m + ")");
        double[] p = price == null ? new double[m] : price.clone();
        double[] ccx = new double[m], ccy = new double[m];
        for (int j = 0; j < m; j++) {
            ccx[j] = cx[j % gc];
            ccy[j] = cy[j / gc];
        }
        double[] u = new double[m], v = new double[m], dist = new double[m];
        int[] path = new int[m], col4row = new int[m], row4col = new int[m];
        boolean[] sr = new boolean[m], sc = new boolean[m];
        Arrays.fill(col4row, -1);
        Arrays.fill(row4col, -1);
        PricePyramid pyramid = new PricePyramid(cx, cy, p);
        double pmin = pyramid.globalMin();
        for (int j = 0; j < m; j++) v[j] = pmin - p[j]; // <= 0, and 0 on the cheapest cell
        for (int i = 0; i < m; i++) { // empty-cell rows: min_j (0 - v_j) = 0
            if (i < n) {
                pyramid.lowest(xy[2 * i], xy[2 * i + 1], false, 1);
                u[i] = pyramid.foundV[0] - pmin;
                ticker.step(4);
            }
            int j = start == null ? -1 : start[i];
            if (j < 0 || row4col[j] >= 0) continue;
            double c = 0;
            if (i < n) {
                double dx = xy[2 * i] - ccx[j], dy = xy[2 * i + 1] - ccy[j];
                c = dx * dx + dy * dy;
            }
            if (c + p[j] - pmin <= u[i]) { // tight: keep the pair
                col4row[i] = j;
                row4col[j] = i;
            }
        }
        long scanUnits = m / 64 + 1, scans = 0;
        for (int cur = 0; cur < m; cur++) {
            if (col4row[cur] >= 0) continue;
            Arrays.fill(dist, Double.POSITIVE_INFINITY);
            Arrays.fill(sr, false);
            Arrays.fill(sc, false);
            double minVal = 0;
            int i = cur, sink = -1;
            while (sink == -1) {
                if (++scans > maxScans) return null;
                ticker.step(scanUnits);
                sr[i] = true;
                boolean point = i < n;
                double px = point ? xy[2 * i] : 0, py = point ? xy[2 * i + 1] : 0, base = minVal - u[i];
                int index = -1;
                double lowest = Double.POSITIVE_INFINITY;
                // contiguous sweep over unscanned columns, last to first as scipy does
                for (int j = m - 1; j >= 0; j--) {
                    if (sc[j]) continue;
                    double c = 0;
                    if (point) {
                        double dx = px - ccx[j], dy = py - ccy[j];
                        c = dx * dx + dy * dy;
                    }
                    double r = base + c - v[j];
                    double d = dist[j];
                    if (r < d) { path[j] = i; dist[j] = r; d = r; }
                    // at equal distance prefer a free column: shorter paths, and ties (identical points) end early
                    if (d < lowest || (d == lowest && row4col[j] == -1)) { lowest = d; index = j; }
                }
                minVal = lowest;
                int j = index;
                if (row4col[j] == -1) sink = j; else i = row4col[j];
                sc[j] = true;
            }
            // dual update keeps reduced costs >= 0 and tight on the matching
            u[cur] += minVal;
            for (int r = 0; r < m; r++) if (sr[r] && r != cur) u[r] += minVal - dist[col4row[r]];
            for (int c = 0; c < m; c++) if (sc[c]) v[c] -= minVal - dist[c];
            int j = sink; // augment along the path back to cur
            while (true) {
                int r = path[j];
                row4col[j] = r;
                int prev = col4row[r];
                col4row[r] = j;
                j = prev;
                if (r == cur) break;
            }
        }
        return Arrays.copyOf(col4row, n);
    }
}
