package imagetsne.layout;

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

    /** Min-max scales each axis to 0..1 in place (a constant axis goes to 0.5). */
    public void normalise() {
        int dims = dims();
        for (int d = 0; d < dims; d++) {
            double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
            for (Item it : items) { if (d < it.point().length) { lo = Math.min(lo, it.point()[d]); hi = Math.max(hi, it.point()[d]); } }
            // points near +-Double.MAX_VALUE overflow hi - lo: halve everything first (exact for such magnitudes)
            double scale = Double.isInfinite(hi - lo) ? 0.5 : 1;
            double low = lo * scale, span = hi * scale - low;
            for (Item it : items) {
                if (d >= it.point().length) continue;
                it.point()[d] = span > 0 && Double.isFinite(span) ? (it.point()[d] * scale - low) / span : 0.5;
            }
        }
    }
}
