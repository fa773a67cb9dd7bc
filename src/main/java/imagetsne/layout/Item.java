package imagetsne.layout;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/** One image of a layout: where it came from and where it sits. Mutable: the sketch animates points. */
public final class Item {
    /** A scheme of two or more letters: one letter is a Windows drive (C:/...), not a URL. */
    private static final Pattern URL = Pattern.compile("[A-Za-z][A-Za-z0-9+.-]+://");
    private final String path;
    private String label;
    /** Normalised position, each axis in 0..1; length 2 or 3. */
    private double[] point;
    /** Grid cell, or -1 when no grid has been computed. */
    private int col = -1, row = -1;
    /** True when the image file could not be found when the layout was loaded (kept so a re-save loses nothing). */
    private boolean missing;
    /** Where the image's bytes are on this machine when path is a URL (s3://...): the download cache; else null. */
    private Path localCopy;
    /** Fields of a loaded file that we do not interpret, written back on save so nothing is lost. */
    private final Map<String, Object> extras = new LinkedHashMap<>();

    public Item(String path, String label, double[] point) {
        this.path = Objects.requireNonNull(path, "path");
        this.label = label;
        this.point = point == null ? new double[] {0.5, 0.5} : point;
    }

    public String path() { return path; }
    public String label() { return label; }
    public void setLabel(String label) { this.label = label; }
    public double[] point() { return point; }
    public void setPoint(double[] point) { this.point = point; }
    public double x() { return point[0]; }
    public double y() { return point[1]; }
    public boolean hasGrid() { return col >= 0 && row >= 0; }
    public int col() { return col; }
    public int row() { return row; }
    public void setGrid(int col, int row) { this.col = col; this.row = row; }
    public boolean missing() { return missing; }
    public void setMissing(boolean missing) { this.missing = missing; }
    public Map<String, Object> extras() { return extras; }

    /** An independent copy (point and extras copied too). */
    public Item copy() {
        Item c = new Item(path, label, point.clone());
        c.col = col;
        c.row = row;
        c.missing = missing;
        c.localCopy = localCopy;
        c.extras.putAll(extras);
        return c;
    }

    /** True when path is a URL (scheme://...), such as an s3:// object, rather than a file. */
    public boolean isUrl() { return isUrl(path); }

    public static boolean isUrl(String path) { return URL.matcher(path).lookingAt(); }

    public Path localCopy() { return localCopy; }
    public void setLocalCopy(Path localCopy) { this.localCopy = localCopy; }

    /** The file to decode: the local copy of a URL, or the path itself; null for a URL not fetched yet. */
    public Path imageFile() {
        if (localCopy != null) return localCopy;
        return isUrl() ? null : Path.of(path);
    }

    @Override public boolean equals(Object o) {
        if (!(o instanceof Item other)) return false;
        return path.equals(other.path) && Objects.equals(label, other.label) && Arrays.equals(point, other.point)
                && col == other.col && row == other.row;
    }

    @Override public int hashCode() { return Objects.hash(path, label, Arrays.hashCode(point), col, row); }

    @Override public String toString() {
        return "Item[" + path + " " + Arrays.toString(point) + (hasGrid() ? " grid=" + col + "," + row : "") + "]";
    }
}
