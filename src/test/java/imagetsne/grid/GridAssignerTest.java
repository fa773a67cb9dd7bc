package imagetsne.grid;

import static imagetsne.grid.ReferenceLap.bruteForce;
import static imagetsne.grid.ReferenceLap.costMatrix;
import static imagetsne.grid.ReferenceLap.hungarian;
import static org.junit.jupiter.api.Assertions.*;

import imagetsne.grid.GridAssigner.Mode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class GridAssignerTest {
    private static final double TOL = 1e-9;

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

    /** FAST's result: reported cost is the real one, its bound is below the optimum, and its certificate holds. */
    static void assertCertified(double optimum, GridAssignment fast, double[] xy) {
        assertFalse(fast.exact());
        assertEquals(GridAssigner.cost(xy, fast.shape(), fast.cellOf()), fast.cost(), TOL * Math.max(1, optimum));
        assertTrue(fast.cost() >= optimum - TOL * Math.max(1, optimum), "FAST cost " + fast.cost() + " below the optimum " + optimum + "?");
        assertTrue(fast.lowerBound() <= optimum + TOL * Math.max(1, optimum), "lower bound " + fast.lowerBound() + " above the optimum " + optimum);
        assertTrue(fast.gap() <= GridAssigner.FAST_REL_GAP + 1e-9,
                "certificate " + fast.gap() + " looser than promised");
        assertTrue(fast.cost() <= optimum * (1 + GridAssigner.FAST_REL_GAP) + TOL, "FAST cost " + fast.cost() + " more than 0.5% above " + optimum);
    }

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
                    assertEquals(exact.cost(), exact.lowerBound());
                    GridAssignment fast = GridAssigner.assign(xy, s, Mode.FAST);
                    assertValid(fast, n);
                    assertCertified(opt, fast, xy);
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
            assertEquals(ref, exact.cost(), 1e-9 * Math.max(1, ref), "exact vs Hungarian, seed " + seed);
            GridAssignment fast = GridAssigner.assign(xy, s, Mode.FAST);
            assertValid(fast, 300);
            assertCertified(ref, fast, xy);
        }
    }

    /** Real data: a t-SNE layout of 4,000 MNIST digits, large enough for the coarse-to-fine path. */
    @Test
    void fastIsCertifiedOnRealTsneLayout() {
        int n = 4000;
        double[] xy = TsneLayouts.mnist(n);
        GridShape s = GridShape.choose(n, 1.5);
        GridAssignment exact = GridAssigner.assign(xy, s, Mode.EXACT);
        GridAssignment fast = GridAssigner.assign(xy, s, Mode.FAST);
        assertValid(exact, n);
        assertValid(fast, n);
        assertCertified(exact.cost(), fast, xy);
        assertArrayEquals(fast.cellOf(), GridAssigner.assign(xy, s, Mode.FAST).cellOf(), "FAST is deterministic");
        // AUTO is FAST at this size, and an optimal grid beats the naive row-major order by far
        assertArrayEquals(fast.cellOf(), GridAssigner.assign(xy, s, Mode.AUTO).cellOf());
        int[] naive = new int[n];
        for (int i = 0; i < n; i++) naive[i] = i;
        assertTrue(exact.cost() < 0.5 * GridAssigner.cost(xy, s, naive));
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
        assertCertified(ref, fast, xy);
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
            double[] two = {0.0, 0.0, 0.1, 0.0}; // both prefer cell (0,0): the one further away yields
            GridShape s = new GridShape(2, 2);
            GridAssignment b = GridAssigner.assign(two, s, mode);
            assertValid(b, 2);
            double opt = bruteForce(two, s);
            if (mode == Mode.FAST) assertCertified(opt, b, two); else assertEquals(opt, b.cost(), TOL);
        }
        GridAssignment none = GridAssigner.assign(new double[0], new GridShape(2, 2), Mode.AUTO);
        assertEquals(0, none.cellOf().length);
        assertEquals(0, none.cost());
    }

    @Test
    void allPointsIdentical() {
        for (int n : new int[] {1, 7, 150, 1500, 6000}) {
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
            // EXACT's slow case (ties everywhere) only where it is small; AUTO then keeps the certified auction result
            for (Mode mode : n <= 150 ? Mode.values() : new Mode[] {Mode.FAST, Mode.AUTO}) {
                GridAssignment a = GridAssigner.assign(xy, s, mode);
                assertValid(a, n);
                if (a.exact()) assertEquals(opt, a.cost(), 1e-9 * Math.max(1, opt), mode + " n=" + n);
                else assertCertified(opt, a, xy);
            }
        }
    }

    @Test
    void autoIsExactUpToItsLimitAndCertifiedBeyond() {
        double[] xy = ClusteredPoints.generate(GridAssigner.AUTO_EXACT_MAX + 1, 4);
        GridShape s = GridShape.choose(xy.length / 2, 1.0);
        GridAssignment a = GridAssigner.assign(xy, s, Mode.AUTO);
        assertValid(a, xy.length / 2);
        assertFalse(a.exact());
        assertTrue(a.gap() <= GridAssigner.FAST_REL_GAP, "certificate " + a.gap());
        assertTrue(GridAssigner.assign(Arrays.copyOf(xy, 2 * GridAssigner.AUTO_EXACT_MAX), GridShape.choose(GridAssigner.AUTO_EXACT_MAX, 1.0), Mode.AUTO).exact());
    }

    @Test
    void progressIsMonotoneAndEndsComplete() {
        double[] xy = TsneLayouts.mnist(4000);
        for (Mode mode : new Mode[] {Mode.FAST, Mode.EXACT}) {
            List<long[]> calls = new ArrayList<>();
            GridAssigner.assign(xy, GridShape.choose(4000, 1.5), mode, (done, total) -> calls.add(new long[] {done, total}));
            assertFalse(calls.isEmpty(), mode + ": no progress reported");
            for (int k = 0; k < calls.size(); k++) {
                assertTrue(calls.get(k)[0] <= calls.get(k)[1], mode + ": done > total at call " + k);
                if (k > 0) assertTrue(calls.get(k)[0] >= calls.get(k - 1)[0], mode + ": done went back at call " + k);
            }
            long[] last = calls.get(calls.size() - 1);
            assertEquals(last[1], last[0], mode + ": the last report is 100%");
        }
    }

    @Test
    void rejectsBadInputAndRefusesUpFront() {
        assertThrows(IllegalArgumentException.class, () -> GridAssigner.assign(uniform(5, 1), new GridShape(2, 2), Mode.EXACT));
        assertThrows(IllegalArgumentException.class, () -> GridAssigner.assign(new double[] {0.1, Double.NaN}, new GridShape(2, 2), Mode.FAST));
        assertThrows(IllegalArgumentException.class, () -> GridAssigner.assign(new double[] {0.1}, new GridShape(2, 2), Mode.FAST));
        int[] calls = {0};
        GridProgress count = (d, t) -> ++calls[0] > 0;
        int n = GridAssigner.EXACT_MAX + 1;
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> GridAssigner.assign(ClusteredPoints.generate(n, 5), GridShape.choose(n, 1.0), Mode.EXACT, count));
        assertTrue(e.getMessage().contains("refused"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> GridAssigner.assign(new double[] {0.5, 0.5}, new GridShape(60_000, 60_000), Mode.FAST, count));
        assertTrue(e.getMessage().contains("refused"), e.getMessage());
        assertEquals(0, calls[0], "refused before any work");
    }

    /** Cancel is asked from another thread, as the window does; the solver must notice within a second. */
    @Test
    void cancelAnswersPromptlyInEveryMode() throws Exception {
        int n = 200_000, exactN = 20_000;
        double[] big = ClusteredPoints.generate(n, 8);
        for (Mode mode : new Mode[] {Mode.FAST, Mode.EXACT}) {
            double[] xy = mode == Mode.EXACT ? Arrays.copyOf(big, 2 * exactN) : big;
            GridShape s = GridShape.choose(xy.length / 2, 1.5);
            AtomicLong cancelledAt = new AtomicLong();
            Thread canceller = new Thread(() -> {
                try { Thread.sleep(mode == Mode.EXACT ? 1500 : 300); } catch (InterruptedException ignored) {}
                cancelledAt.set(System.nanoTime());
            });
            canceller.start();
            assertThrows(CancellationException.class, () -> GridAssigner.assign(xy, s, mode, (d, t) -> cancelledAt.get() == 0));
            double after = (System.nanoTime() - cancelledAt.get()) / 1e9;
            canceller.join();
            assertTrue(cancelledAt.get() > 0, mode + " finished before the cancel: make the problem bigger");
            assertTrue(after < 2, mode + " took " + after + " s to stop after cancel");
        }
    }

    /** Beyond APPROX_ABOVE: one phase on the finest level, no certificate, still every point in its own cell. */
    @Test
    void largeInputsTakeTheApproximatePath() {
        int n = GridAssigner.APPROX_ABOVE + 10_000;
        double[] xy = ClusteredPoints.generate(n, 12);
        GridShape s = GridShape.choose(n, 1.5);
        GridAssignment a = GridAssigner.assign(xy, s, Mode.AUTO);
        assertValid(a, n);
        assertFalse(a.exact());
        assertTrue(Double.isNaN(a.lowerBound()) && Double.isNaN(a.gap()), "no certificate on the approximate path");
        assertEquals(GridAssigner.cost(xy, s, a.cellOf()), a.cost(), 1e-9 * a.cost());
        int[] naive = new int[n];
        for (int i = 0; i < n; i++) naive[i] = i;
        assertTrue(a.cost() < 0.2 * GridAssigner.cost(xy, s, naive), "cost " + a.cost() + " vs row-major " + GridAssigner.cost(xy, s, naive));
    }
}
