package imagetsne.layout;

import imagetsne.grid.GridAssignment;
import imagetsne.grid.GridShape;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The result model shared by the engine, the CLI and the sketch: items with path, label, normalised
 * point and optional grid cell, plus the grid shape and how the features were made.
 */
public final class Layout {
    private final List<Item> items;
    private int gridCols, gridRows;
    private String featureKind = "unknown";
    private String featureReason = "";

    public Layout(List<Item> items) { this.items = new ArrayList<>(items); }

    public List<Item> items() { return Collections.unmodifiableList(items); }
    public int size() { return items.size(); }
    public Item get(int i) { return items.get(i); }

    public int dims() { return items.isEmpty() ? 2 : items.get(0).point().length; }

    public boolean hasGrid() { return gridCols > 0 && gridRows > 0 && items.stream().allMatch(Item::hasGrid); }
    public int gridCols() { return gridCols; }
    public int gridRows() { return gridRows; }
    public void setGridShape(int cols, int rows) { this.gridCols = cols; this.gridRows = rows; }

    public String featureKind() { return featureKind; }
    public String featureReason() { return featureReason; }
    public void setFeatures(String kind, String reason) { this.featureKind = kind; this.featureReason = reason == null ? "" : reason; }

    /** Points as one row-major array (n x dims), the form the maths uses. */
    public double[] pointsFlat(int dims) {
        double[] out = new double[items.size() * dims];
        for (int i = 0; i < items.size(); i++) {
            double[] p = items.get(i).point();
            for (int d = 0; d < dims; d++) out[i * dims + d] = d < p.length ? p[d] : 0;
        }
        return out;
    }

    /**
     * A layout of an embedding: item i at row i of y (n x dims, any scale), normalised per axis to 0..1.
     * @param labels null, or one label (or null) per item
     */
    public static Layout of(List<String> paths, List<String> labels, double[] y, int dims) {
        int n = paths.size();
        double[] u = normalised(y, n, dims);
        List<Item> items = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            double[] p = new double[dims];
            System.arraycopy(u, i * dims, p, 0, dims);
            items.add(new Item(paths.get(i), labels == null ? null : labels.get(i), p));
        }
        return new Layout(items);
    }

    /**
     * The one normalisation of every layout (saved, loaded, shown live while t-SNE runs): each axis of the
     * n x dims points min-max scaled to 0..1, a constant axis to 0.5. Returns a new array.
     */
    public static double[] normalised(double[] y, int n, int dims) {
        double[] out = new double[n * dims];
        for (int d = 0; d < dims; d++) {
            double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
            for (int i = 0; i < n; i++) { lo = Math.min(lo, y[i * dims + d]); hi = Math.max(hi, y[i * dims + d]); }
            // points near +-Double.MAX_VALUE overflow hi - lo: halve everything first (exact for such magnitudes)
            double scale = Double.isInfinite(hi - lo) ? 0.5 : 1;
            double low = lo * scale, span = hi * scale - low;
            boolean flat = !(span > 0 && Double.isFinite(span));
            for (int i = 0; i < n; i++) out[i * dims + d] = flat ? 0.5 : (y[i * dims + d] * scale - low) / span;
        }
        return out;
    }

    /** Min-max scales each axis to 0..1 in place (a constant axis goes to 0.5), as {@link #normalised}. */
    public void normalise() {
        int dims = dims();
        double[] u = normalised(pointsFlat(dims), items.size(), dims);
        for (int i = 0; i < items.size(); i++) {
            double[] p = items.get(i).point();
            for (int d = 0; d < p.length && d < dims; d++) p[d] = u[i * dims + d];
        }
    }

    /** A copy of this layout with every item in its cell of the assignment (items in the same order). */
    public Layout withGrid(GridAssignment a) {
        if (a.cellOf().length != items.size()) throw new IllegalArgumentException("an assignment of " + a.cellOf().length + " items for " + items.size());
        List<Item> copy = new ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i++) {
            Item it = items.get(i).copy();
            it.setGrid(a.col(i), a.row(i));
            copy.add(it);
        }
        Layout out = new Layout(copy);
        out.setGridShape(a.shape().cols(), a.shape().rows());
        out.setFeatures(featureKind, featureReason);
        return out;
    }

    /** The grid shape, or null without a grid. */
    public GridShape gridShape() { return hasGrid() ? new GridShape(gridCols, gridRows) : null; }
}
