package imagetsne.grid;

/** cellOf[i] = row * cols + col of item i; cost = sum of squared distances point -> cell position. */
public record GridAssignment(GridShape shape, int[] cellOf, double cost, boolean exact, double seconds) {
    public int col(int i) { return cellOf[i] % shape.cols(); }
    public int row(int i) { return cellOf[i] / shape.cols(); }
}
