package imagetsne.grid;

import java.util.Arrays;

/**
 * Exact rectangular assignment (rows = points, columns = cells, n <= m) by shortest augmenting paths
 * with dual potentials: the Jonker-Volgenant scheme in Crouse's rectangular form (the one scipy uses).
 * Costs are squared distances computed on the fly, so memory is O(m) instead of an n x m matrix.
 * O(n^2 m) worst case: meant for n up to a few thousand.
 */
final class DenseLap {
    private DenseLap() {}

    /** @return cellOf[i] = cell index (row * cols + col) of point i; distinct cells. */
    static int[] solve(double[] xy, GridShape shape) {
        int n = xy.length / 2, m = shape.cells();
        if (n > m) throw new IllegalArgumentException("more points (" + n + ") than cells (" + m + ")");
        double[] cx = new double[m], cy = new double[m];
        for (int j = 0; j < m; j++) {
            cx[j] = shape.cellX(j % shape.cols());
            cy[j] = shape.cellY(j / shape.cols());
        }
        double[] u = new double[n], v = new double[m], dist = new double[m];
        int[] path = new int[m], col4row = new int[n], row4col = new int[m];
        boolean[] sr = new boolean[n], sc = new boolean[m];
        Arrays.fill(col4row, -1);
        Arrays.fill(row4col, -1);

        for (int cur = 0; cur < n; cur++) {
            Arrays.fill(dist, Double.POSITIVE_INFINITY);
            Arrays.fill(sr, false);
            Arrays.fill(sc, false);
            double minVal = 0;
            int i = cur, sink = -1;
            while (sink == -1) {
                sr[i] = true;
                double px = xy[2 * i], py = xy[2 * i + 1], base = minVal - u[i];
                int index = -1;
                double lowest = Double.POSITIVE_INFINITY;
                // contiguous sweep over unscanned columns, last to first as scipy does
                for (int j = m - 1; j >= 0; j--) {
                    if (sc[j]) continue;
                    double dx = px - cx[j], dy = py - cy[j];
                    double r = base + dx * dx + dy * dy - v[j];
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
            for (int r = 0; r < n; r++) if (sr[r] && r != cur) u[r] += minVal - dist[col4row[r]];
            for (int c = 0; c < m; c++) if (sc[c]) v[c] -= minVal - dist[c];
            // augment along the path back to cur
            int j = sink;
            while (true) {
                int r = path[j];
                row4col[j] = r;
                int prev = col4row[r];
                col4row[r] = j;
                j = prev;
                if (r == cur) break;
            }
        }
        return col4row;
    }
}
