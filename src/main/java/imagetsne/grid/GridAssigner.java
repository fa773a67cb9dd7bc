package imagetsne.grid;

/** Assigns every point (normalised to 0..1) to one grid cell, minimising the sum of squared distances. */
public final class GridAssigner {
    /**
     * EXACT: dense shortest augmenting path (Jonker-Volgenant, Crouse's rectangular form), O(n^2 m).
     * FAST: epsilon-scaling auction on spatially pruned candidates (see AuctionLap), memory O(n + m),
     * cost provably within {@link #FAST_REL_GAP} of the optimum. AUTO: EXACT up to
     * {@link #AUTO_EXACT_MAX} points, FAST beyond.
     */
    public enum Mode { AUTO, EXACT, FAST }

    /** AUTO uses the dense exact solver up to this many points. */
    public static final int AUTO_EXACT_MAX = 2000;
    /** FAST stops once its epsilon-optimality bound m * eps is at most this fraction of the cost. */
    public static final double FAST_REL_GAP = 0.002;

    private GridAssigner() {}

    /** As {@link #assign(double[], GridShape, Mode)}, reporting progress; false from it stops the solver (CancellationException). */
    public static GridAssignment assign(double[] xy, GridShape shape, Mode mode, GridProgress progress) {
        if (!progress.update(0, 1)) throw new java.util.concurrent.CancellationException("grid assignment cancelled");
        GridAssignment a = assign(xy, shape, mode);
        progress.update(1, 1);
        return a;
    }

    /** @param xy n x 2 row-major points in 0..1 */
    public static GridAssignment assign(double[] xy, GridShape shape, Mode mode) {
        long t0 = System.nanoTime();
        if (xy == null || shape == null) throw new IllegalArgumentException("grid assignment needs points and a shape");
        if (xy.length % 2 != 0) throw new IllegalArgumentException("points array length " + xy.length + " is not 2 * n");
        int n = xy.length / 2;
        if (n > shape.cells())
            throw new IllegalArgumentException(n + " points do not fit a " + shape.cols() + "x" + shape.rows() + " grid");
        for (int k = 0; k < xy.length; k++)
            if (!Double.isFinite(xy[k])) throw new IllegalArgumentException("point " + k / 2 + " has a non-finite coordinate");
        if (mode == null) mode = Mode.AUTO;
        boolean dense = mode == Mode.EXACT || (mode == Mode.AUTO && n <= AUTO_EXACT_MAX);
        int[] cellOf;
        if (n == 0) cellOf = new int[0];
        else if (dense) cellOf = DenseLap.solve(xy, shape);
        else {
            cellOf = new AuctionLap(xy, shape).solve(FAST_REL_GAP);
            // the auction always ends with a full matching; should that ever break, fall back to the
            // exact ring solver (slower, but O(n + m) memory and it cannot fail while n <= cells)
            if (!isValid(cellOf, shape.cells())) cellOf = new RingLap(xy, shape).solve();
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        return new GridAssignment(shape, cellOf, cost(xy, shape, cellOf), dense, seconds);
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
