package imagetsne.grid;

/** cols x rows >= n; cell (c, r) sits at (c/(cols-1), r/(rows-1)) in the unit square. */
public record GridShape(int cols, int rows) {
    public GridShape {
        if (cols < 1 || rows < 1) throw new IllegalArgumentException("grid needs at least one column and row: " + cols + "x" + rows);
    }

    public int cells() { return cols * rows; }

    public double cellX(int col) { return cols == 1 ? 0.5 : col / (double) (cols - 1); }
    public double cellY(int row) { return rows == 1 ? 0.5 : row / (double) (rows - 1); }

    /**
     * The shape for n items closest to the given aspect ratio (width / height) with few empty cells:
     * among shapes with cols*rows >= n, minimise empty cells plus a penalty for aspect mismatch.
     */
    public static GridShape choose(int n, double aspect) {
        if (n <= 0) return new GridShape(1, 1);
        if (!(aspect > 0) || !Double.isFinite(aspect)) aspect = 1;
        GridShape best = null;
        double bestScore = Double.POSITIVE_INFINITY;
        for (int cols = 1; cols <= n; cols++) {
            int rows = (n + cols - 1) / cols;
            double empty = (cols * (double) rows - n) / n;
            double mismatch = Math.abs(Math.log((cols / (double) rows) / aspect));
            double score = empty + 0.5 * mismatch;
            if (score < bestScore - 1e-12) { bestScore = score; best = new GridShape(cols, rows); }
        }
        return best;
    }
}
