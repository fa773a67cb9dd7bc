package imagetsne.grid;

import imagetsne.grid.GridAssigner.Mode;
import imagetsne.io.Idx;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.*;

class GridAssignerTest {
    private static final double TOL = 1e-9;

    // ---------- independent references ----------

    /** Optimum by enumerating every injective map of points to cells (tiny problems only). */
    static double bruteForce(double[] xy, GridShape shape) {
        int n = xy.length / 2;
        double[][] c = costMatrix(xy, shape);
        return search(c, 0, new boolean[shape.cells()], 0, n);
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

    /**
     * Textbook Hungarian method (Kuhn-Munkres with potentials, rows added one at a time, 1-based),
     * written independently of the solvers under test; rectangular n <= m. Returns the optimal cost.
     */
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

    static void assertValid(GridAssignment a, int n) {
        assertEquals(n, a.cellOf().length, "one cell per point");
        boolean[] used = new boolean[a.shape().cells()];
        for (int i = 0; i < n; i++) {
            int c = a.cellOf()[i];
            assertTrue(c >= 0 && c < used.length, "cell index in range for point " + i + ": " + c);
            assertFalse(used[c], "cell " + c + " given twice");
            used[c] = true;
            assertEquals(c % a.shape().cols(), a.col(i));
            assertEquals(c / a.shape().cols(), a.row(i));
        }
    }

    static double[] uniform(int n, long seed) {
        Random r = new Random(seed);
        double[] xy = new double[2 * n];
        for (int k = 0; k < xy.length; k++) xy[k] = r.nextDouble();
        return xy;
    }

    /** Reported cost matches a recomputation and FAST honours its relative bound. */
    private static void assertWithinFastBound(double optimum, GridAssignment fast) {
        assertTrue(fast.cost() <= optimum * (1 + GridAssigner.FAST_REL_GAP * 1.01) + TOL,
                "FAST cost " + fast.cost() + " exceeds optimum " + optimum + " by more than the bound");
        assertTrue(fast.cost() >= optimum - TOL, "FAST cost " + fast.cost() + " below the optimum " + optimum + "?");
    }

    // ---------- tests ----------

    @Test
    void tinyProblemsMatchBruteForce() {
        GridShape[] shapes = {new GridShape(3, 3), new GridShape(4, 2), new GridShape(2, 3), new GridShape(1, 5), new GridShape(9, 1)};
        Random r = new Random(7);
        int cases = 0;
        for (GridShape s : shapes) {
            for (int n = 1; n <= Math.min(8, s.cells()); n++) {
                for (int rep = 0; rep < 6; rep++) {
                    double[] xy = uniform(n, r.nextLong());
                    if (rep == 1) for (int k = 0; k < xy.length; k++) xy[k] = Math.round(xy[k] * 2) / 2.0; // on cell positions: ties
                    if (rep == 2) for (int k = 2; k < xy.length; k++) xy[k] = xy[k % 2]; // duplicates
                    double opt = bruteForce(xy, s);
                    GridAssignment exact = GridAssigner.assign(xy, s, Mode.EXACT);
                    assertValid(exact, n);
                    assertTrue(exact.exact());
                    assertEquals(opt, exact.cost(), TOL, "EXACT vs brute force, " + s + " n=" + n);
                    assertEquals(GridAssigner.cost(xy, s, exact.cellOf()), exact.cost(), TOL);
                    GridAssignment fast = GridAssigner.assign(xy, s, Mode.FAST);
                    assertValid(fast, n);
                    assertFalse(fast.exact());
                    assertWithinFastBound(opt, fast);
                    int[] ring = new RingLap(xy, s).solve();
                    assertEquals(opt, GridAssigner.cost(xy, s, ring), TOL, "ring solver vs brute force");
                    assertEquals(opt, GridAssigner.assign(xy, s, Mode.AUTO).cost(), TOL);
                    cases++;
                }
            }
        }
        assertTrue(cases > 150);
    }

    @Test
    void exactMatchesIndependentHungarianOnRandom300() {
        for (long seed : new long[] {1, 2, 3}) {
            double[] xy = seed == 3 ? ClusteredPoints.generate(300, seed) : uniform(300, seed);
            GridShape s = seed == 2 ? new GridShape(20, 17) : GridShape.choose(300, 1.0); // 340 cells: 40 empty
            double ref = hungarian(costMatrix(xy, s));
            GridAssignment exact = GridAssigner.assign(xy, s, Mode.EXACT);
            assertValid(exact, 300);
            assertEquals(ref, exact.cost(), 1e-9 * Math.max(1, ref), "dense exact vs Hungarian, seed " + seed);
            // the ring solver (FAST's safety net) is exact too
            assertEquals(ref, GridAssigner.cost(xy, s, new RingLap(xy, s).solve()), 1e-9 * Math.max(1, ref));
            GridAssignment fast = GridAssigner.assign(xy, s, Mode.FAST);
            assertValid(fast, 300);
            assertWithinFastBound(ref, fast);
        }
    }

    @Test
    void fastIsNearExactOnClusteredLayout() {
        int n = 2000;
        double[] xy = ClusteredPoints.generate(n, 11);
        GridShape s = GridShape.choose(n, 1.0);
        GridAssignment exact = GridAssigner.assign(xy, s, Mode.EXACT);
        GridAssignment fast = GridAssigner.assign(xy, s, Mode.FAST);
        assertValid(exact, n);
        assertValid(fast, n);
        assertWithinFastBound(exact.cost(), fast);
        assertTrue(fast.cost() <= exact.cost() * 1.005, "within 0.5%");
        // AUTO is exact up to 2,000 points
        GridAssignment auto = GridAssigner.assign(xy, s, Mode.AUTO);
        assertTrue(auto.exact());
        assertEquals(exact.cost(), auto.cost(), TOL);
        assertArrayEquals(fast.cellOf(), GridAssigner.assign(xy, s, Mode.FAST).cellOf(), "FAST is deterministic");
    }

    /** Real data: the first 1,800 MNIST digits projected on their two leading principal axes. */
    @Test
    void fastIsNearExactOnMnistProjection() throws IOException {
        int n = 1800;
        Idx.Images img = Idx.readImages(Path.of("../shared/datasets/mnist-10k/images-idx3-ubyte.gz"), n);
        assertEquals(n, img.count());
        double[] xy = pca2(img.asRows(n));
        ClusteredPoints.normalise(xy);
        GridShape s = GridShape.choose(n, 1.0);
        GridAssignment exact = GridAssigner.assign(xy, s, Mode.EXACT);
        GridAssignment fast = GridAssigner.assign(xy, s, Mode.FAST);
        assertValid(exact, n);
        assertValid(fast, n);
        assertWithinFastBound(exact.cost(), fast);
        // an optimal assignment beats the naive row-major order by a wide margin on a real layout
        int[] naive = new int[n];
        for (int i = 0; i < n; i++) naive[i] = i;
        assertTrue(exact.cost() < 0.5 * GridAssigner.cost(xy, s, naive));
    }

    /** Two leading principal components by power iteration with deflation (test-only helper). */
    static double[] pca2(float[][] x) {
        int n = x.length, d = x[0].length;
        double[] mean = new double[d];
        for (float[] row : x) for (int k = 0; k < d; k++) mean[k] += row[k] / n;
        double[][] axes = new double[2][];
        Random r = new Random(5);
        for (int a = 0; a < 2; a++) {
            double[] w = new double[d];
            for (int k = 0; k < d; k++) w[k] = r.nextGaussian();
            for (int it = 0; it < 60; it++) {
                double[] next = new double[d];
                for (float[] row : x) {
                    double dot = 0;
                    for (int k = 0; k < d; k++) dot += (row[k] - mean[k]) * w[k];
                    for (int k = 0; k < d; k++) next[k] += dot * (row[k] - mean[k]);
                }
                if (a == 1) { // deflate: remove the first axis
                    double proj = 0;
                    for (int k = 0; k < d; k++) proj += next[k] * axes[0][k];
                    for (int k = 0; k < d; k++) next[k] -= proj * axes[0][k];
                }
                double norm = 0;
                for (double val : next) norm += val * val;
                norm = Math.sqrt(norm);
                for (int k = 0; k < d; k++) w[k] = next[k] / norm;
            }
            axes[a] = w;
        }
        double[] xy = new double[2 * n];
        for (int i = 0; i < n; i++)
            for (int a = 0; a < 2; a++) {
                double dot = 0;
                for (int k = 0; k < d; k++) dot += (x[i][k] - mean[k]) * axes[a][k];
                xy[2 * i + a] = dot;
            }
        return xy;
    }

    @Test
    void emptyCellsWhenGridIsLarger() {
        int n = 500;
        double[] xy = ClusteredPoints.generate(n, 3);
        GridShape s = new GridShape(30, 30); // 400 empty cells
        double ref = hungarian(costMatrix(xy, s));
        GridAssignment exact = GridAssigner.assign(xy, s, Mode.EXACT);
        assertValid(exact, n);
        assertEquals(ref, exact.cost(), 1e-9 * ref);
        GridAssignment fast = GridAssigner.assign(xy, s, Mode.FAST);
        assertValid(fast, n);
        assertWithinFastBound(ref, fast);
    }

    @Test
    void oneAndTwoPoints() {
        GridAssignment one = GridAssigner.assign(new double[] {0.2, 0.9}, new GridShape(1, 1), Mode.EXACT);
        assertArrayEquals(new int[] {0}, one.cellOf());
        assertEquals(0.3 * 0.3 + 0.4 * 0.4, one.cost(), TOL);
        for (Mode mode : Mode.values()) {
            // one point on a 3x3 grid takes its nearest cell (col 1, row 2)
            GridAssignment a = GridAssigner.assign(new double[] {0.45, 0.8}, new GridShape(3, 3), mode);
            assertArrayEquals(new int[] {7}, a.cellOf(), mode.name());
            assertArrayEquals(new int[] {0}, GridAssigner.assign(new double[] {0.2, 0.9}, new GridShape(1, 1), mode).cellOf());
            // two points that both prefer cell (0,0): the one further away yields (cost 0.0 + 0.25 + ...)
            double[] two = {0.0, 0.0, 0.1, 0.0};
            GridShape s = new GridShape(2, 2);
            GridAssignment b = GridAssigner.assign(two, s, mode);
            assertValid(b, 2);
            double opt = bruteForce(two, s);
            if (mode == Mode.FAST) assertWithinFastBound(opt, b); else assertEquals(opt, b.cost(), TOL);
        }
        GridAssignment none = GridAssigner.assign(new double[0], new GridShape(2, 2), Mode.AUTO);
        assertEquals(0, none.cellOf().length);
        assertEquals(0, none.cost());
    }

    @Test
    void allPointsIdentical() {
        for (int n : new int[] {1, 7, 150, 2500}) {
            double[] xy = new double[2 * n];
            for (int i = 0; i < n; i++) { xy[2 * i] = 0.3; xy[2 * i + 1] = 0.7; }
            GridShape s = GridShape.choose(n, 1.0);
            // optimum is analytic: the n cells nearest to the common point
            double[] d = new double[s.cells()];
            for (int j = 0; j < d.length; j++) {
                double dx = 0.3 - s.cellX(j % s.cols()), dy = 0.7 - s.cellY(j / s.cols());
                d[j] = dx * dx + dy * dy;
            }
            Arrays.sort(d);
            double opt = 0;
            for (int k = 0; k < n; k++) opt += d[k];
            for (Mode mode : n > 2000 ? new Mode[] {Mode.FAST, Mode.AUTO} : Mode.values()) {
                GridAssignment a = GridAssigner.assign(xy, s, mode);
                assertValid(a, n);
                if (a.exact()) assertEquals(opt, a.cost(), 1e-9 * Math.max(1, opt), mode + " n=" + n);
                else assertWithinFastBound(opt, a);
            }
        }
    }

    @Test
    void autoSwitchesToFastAbove2000() {
        double[] xy = ClusteredPoints.generate(2001, 4);
        GridAssignment a = GridAssigner.assign(xy, GridShape.choose(2001, 1.0), Mode.AUTO);
        assertValid(a, 2001);
        assertFalse(a.exact());
        assertTrue(a.seconds() >= 0);
    }

    @Test
    void rejectsBadInput() {
        assertThrows(IllegalArgumentException.class, () -> GridAssigner.assign(uniform(5, 1), new GridShape(2, 2), Mode.EXACT));
        assertThrows(IllegalArgumentException.class, () -> GridAssigner.assign(new double[] {0.1, Double.NaN}, new GridShape(2, 2), Mode.FAST));
        assertThrows(IllegalArgumentException.class, () -> GridAssigner.assign(new double[] {0.1}, new GridShape(2, 2), Mode.FAST));
    }
}
