package imagetsne.grid;

/**
 * cellOf[i] = row * cols + col of item i; cost = sum of squared distances point -> cell position.
 * lowerBound is a proven lower bound on the optimal cost (equal to cost when exact), so
 * {@link #gap()} bounds how far above the optimum this assignment can be; both are NaN when no bound was
 * computed (the approximate path for very large inputs, see GridAssigner.APPROX_ABOVE).
 */
public record GridAssignment(GridShape shape, int[] cellOf, double cost, boolean exact, double seconds, double lowerBound) {
    public int col(int i) { return cellOf[i] % shape.cols(); }
    public int row(int i) { return cellOf[i] / shape.cols(); }

    /** (cost - lowerBound) / cost: at most this fraction above the optimum (0 when exact, NaN when unknown). */
    public double gap() {
        if (Double.isNaN(lowerBound)) return Double.NaN;
        return cost > 0 ? Math.max(0, cost - lowerBound) / cost : 0;
    }
}
