package imagetsne.grid;

/** Assigns every point (normalised to 0..1) to one grid cell, minimising the sum of squared distances. */
public final class GridAssigner {
    public enum Mode { AUTO, EXACT, FAST }

    private GridAssigner() {}

    /** @param xy n x 2 row-major points in 0..1 */
    public static GridAssignment assign(double[] xy, GridShape shape, Mode mode) {
        throw new UnsupportedOperationException("TODO grid helper");
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
