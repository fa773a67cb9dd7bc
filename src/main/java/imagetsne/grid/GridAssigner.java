package imagetsne.grid;

import java.util.Locale;

/** Assigns every point (normalised to 0..1) to one grid cell, minimising the sum of squared distances. */
public final class GridAssigner {
    /**
     * FAST: coarse-to-fine epsilon-scaling auction (see Multiscale), memory O(n + m), its cost certified
     * within {@link #FAST_REL_GAP} of the optimum by a dual lower bound (above {@link #APPROX_ABOVE}
     * points one phase less precise, the certificate still reported). EXACT: the auction's result
     * finished by an exact shortest-augmenting-path solver (see DenseLap). AUTO: EXACT up to
     * {@link #AUTO_EXACT_MAX} points, FAST beyond.
     */
    public enum Mode { AUTO, EXACT, FAST }

    /** AUTO solves exactly up to this many points (half a second). */
    public static final int AUTO_EXACT_MAX = 2000;
    /** EXACT refuses more points: its time grows about as n^2 (a few minutes at this size). */
    public static final int EXACT_MAX = 50_000;
    /** FAST stops once cost - lowerBound is at most this fraction of the cost. */
    public static final double FAST_REL_GAP = 0.005;
    /**
     * Above this many points FAST runs a single auction phase on the finest level and computes no
     * certificate (lowerBound NaN): that halves the time, and the cost stays within a fraction of a
     * percent of the certified runs' lower bound (bench/grid). The system property
     * imagetsne.grid.approxAbove moves the threshold (the benchmark's certified reference runs).
     */
    public static final int APPROX_ABOVE = Integer.getInteger("imagetsne.grid.approxAbove", 500_000);
    /** Inputs beyond this are refused up front (gigabytes of arrays, many minutes). */
    public static final int MAX_POINTS = 20_000_000;
    /** AUTO's exact finish gives up after this many O(m) row scans per cell (typically it needs about four). */
    private static final long AUTO_SCAN_BUDGET = 30;
    /** Heap bytes per cell the solvers need at most (arrays of the finest level plus the coarser ones). */
    private static final long BYTES_PER_CELL = 100;

    private GridAssigner() {}

    /** @param xy n x 2 row-major points in 0..1 */
    public static GridAssignment assign(double[] xy, GridShape shape, Mode mode) {
        return assign(xy, shape, mode, GridProgress.NONE);
    }

    /**
     * As {@link #assign(double[], GridShape, Mode)}, reporting progress several times a second.
     * @throws java.util.concurrent.CancellationException when the callback returned false
     * @throws IllegalArgumentException for bad input or a problem refused up front (the message says why)
     */
    public static GridAssignment assign(double[] xy, GridShape shape, Mode mode, GridProgress progress) {
        long t0 = System.nanoTime();
        if (xy == null || shape == null) throw new IllegalArgumentException("grid assignment needs points and a shape");
        if (xy.length % 2 != 0) throw new IllegalArgumentException("points array length " + xy.length + " is not 2 * n");
        int n = xy.length / 2;
        long cells = (long) shape.cols() * shape.rows();
        if (n > cells) throw new IllegalArgumentException(n + " points do not fit a " + shape.cols() + "x" + shape.rows() + " grid");
        for (int k = 0; k < xy.length; k++)
            if (!Double.isFinite(xy[k])) throw new IllegalArgumentException("point " + (k / 2 + 1) + " has a non-finite coordinate");
        if (mode == null) mode = Mode.AUTO;
        refuseTooLarge(n, cells, mode);
        ProgressTicker ticker = new ProgressTicker(progress);
        if (n == 0) {
            ticker.finish();
            return new GridAssignment(shape, new int[0], 0, true, (System.nanoTime() - t0) / 1e9, 0);
        }
        boolean exact = mode == Mode.EXACT || (mode == Mode.AUTO && n <= AUTO_EXACT_MAX);
        int[] cellOf;
        double lowerBound;
        if (exact) {
            // the exact finish costs about six O(m) scans per point the auction left untight
            ticker.plan((long) (0.7 * cells) * 6 * (cells / 64 + 1));
            Multiscale.Solved s = Multiscale.solve(xy, shape, FAST_REL_GAP, Integer.MAX_VALUE, ticker);
            AuctionLap a = s.auction();
            // AUTO promises speed: when the exact finish turns slow (many duplicate points) it keeps the certified auction result
            long budget = mode == Mode.EXACT ? Long.MAX_VALUE : AUTO_SCAN_BUDGET * cells;
            int[] optimal = DenseLap.solve(s.xy(), s.cx(), s.cy(), a.prices(), a.personCells(), budget, ticker);
            exact = optimal != null;
            cellOf = exact ? s.unpermute(optimal) : s.cellOf();
            lowerBound = exact ? Double.NaN : a.lowerBound;
        } else {
            Multiscale.Solved s = Multiscale.solve(xy, shape, FAST_REL_GAP, n > APPROX_ABOVE ? 1 : Integer.MAX_VALUE, ticker);
            cellOf = s.cellOf();
            lowerBound = s.auction().lowerBound;
        }
        if (!isValid(cellOf, (int) cells)) throw new IllegalStateException("grid solver returned an invalid assignment (a bug)");
        double cost = cost(xy, shape, cellOf);
        ticker.finish();
        return new GridAssignment(shape, cellOf, cost, exact, (System.nanoTime() - t0) / 1e9, exact ? cost : Double.isNaN(lowerBound) ? Double.NaN : Math.min(cost, lowerBound));
    }

    /** Refuses, before any work, what cannot finish in reasonable time or memory. */
    private static void refuseTooLarge(int n, long cells, Mode mode) {
        if (n > MAX_POINTS)
            throw new IllegalArgumentException(String.format(Locale.ROOT, "grid of %,d points refused: more than %,d would need gigabytes and many minutes", n, MAX_POINTS));
        if (cells > Integer.MAX_VALUE / 2)
            throw new IllegalArgumentException(String.format(Locale.ROOT, "grid of %,d cells refused: choose a grid with fewer empty cells", cells));
        if (mode == Mode.EXACT && n > EXACT_MAX)
            throw new IllegalArgumentException(String.format(Locale.ROOT, "exact grid of %,d points refused: above %,d it would take many minutes; "
                    + "auto/fast certify within %.1f%% of the optimum", n, EXACT_MAX, 100 * FAST_REL_GAP));
        long need = BYTES_PER_CELL * cells, max = Runtime.getRuntime().maxMemory();
        if (need > 0.9 * max)
            throw new IllegalArgumentException(String.format(Locale.ROOT, "grid of %,d points refused: it needs about %,d MB of heap and the JVM may use %,d MB (raise -Xmx)",
                    n, need >> 20, max >> 20));
    }

    /** True when every point has a distinct cell inside the grid. */
    static boolean isValid(int[] cellOf, int cells) {
        boolean[] used = new boolean[cells];
        for (int c : cellOf) {
            if (c < 0 || c >= cells || used[c]) return false;
            used[c] = true;
        }
        return true;
    }

    /** The cost of a given assignment under the DESIGN.md definition. */
    public static double cost(double[] xy, GridShape shape, int[] cellOf) {
        double s = 0;
        for (int i = 0; i < cellOf.length; i++) {
            double dx = xy[2 * i] - shape.cellX(cellOf[i] % shape.cols());
            double dy = xy[2 * i + 1] - shape.cellY(cellOf[i] / shape.cols());
            s += dx * dx + dy * dy;
        }
        return s;
    }
}
