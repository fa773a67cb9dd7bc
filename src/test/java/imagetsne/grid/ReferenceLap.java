package imagetsne.grid;

import java.util.Arrays;

/** Optima computed independently of the solvers under test: brute force and a textbook Hungarian method. */
final class ReferenceLap {
    private ReferenceLap() {}

    static double[][] costMatrix(double[] xy, GridShape s) {
        int n = xy.length / 2, m = s.cells();
        double[][] c = new double[n][m];
        for (int i = 0; i < n; i++)
            for (int j = 0; j < m; j++) {
                double dx = xy[2 * i] - s.cellX(j % s.cols()), dy = xy[2 * i + 1] - s.cellY(j / s.cols());
                c[i][j] = dx * dx + dy * dy;
            }
        return c;
    }

    /** Optimum by enumerating every injective map of points to cells (tiny problems only). */
    static double bruteForce(double[] xy, GridShape shape) {
        return search(costMatrix(xy, shape), 0, new boolean[shape.cells()], 0, xy.length / 2);
    }

    private static double search(double[][] c, int i, boolean[] used, double acc, int n) {
        if (i == n) return acc;
        double best = Double.POSITIVE_INFINITY;
        for (int j = 0; j < used.length; j++) {
            if (used[j]) continue;
            used[j] = true;
            best = Math.min(best, search(c, i + 1, used, acc + c[i][j], n));
            used[j] = false;
        }
        return best;
    }

    /** Kuhn-Munkres with potentials, rows added one at a time (1-based), rectangular n <= m; the optimal cost. */
    static double hungarian(double[][] a) {
        int n = a.length, m = a[0].length;
        double[] u = new double[n + 1], v = new double[m + 1];
        int[] p = new int[m + 1], way = new int[m + 1];
        for (int i = 1; i <= n; i++) {
            p[0] = i;
            int j0 = 0;
            double[] minv = new double[m + 1];
            Arrays.fill(minv, Double.POSITIVE_INFINITY);
            boolean[] used = new boolean[m + 1];
            do {
                used[j0] = true;
                int i0 = p[j0], j1 = 0;
                double delta = Double.POSITIVE_INFINITY;
                for (int j = 1; j <= m; j++) {
                    if (used[j]) continue;
                    double cur = a[i0 - 1][j - 1] - u[i0] - v[j];
                    if (cur < minv[j]) { minv[j] = cur; way[j] = j0; }
                    if (minv[j] < delta) { delta = minv[j]; j1 = j; }
                }
                for (int j = 0; j <= m; j++) {
                    if (used[j]) { u[p[j]] += delta; v[j] -= delta; }
                    else minv[j] -= delta;
                }
                j0 = j1;
            } while (p[j0] != 0);
            do {
                int j1 = way[j0];
                p[j0] = p[j1];
                j0 = j1;
            } while (j0 != 0);
        }
        double total = 0;
        for (int j = 1; j <= m; j++) if (p[j] != 0) total += a[p[j] - 1][j - 1];
        return total;
    }
}
