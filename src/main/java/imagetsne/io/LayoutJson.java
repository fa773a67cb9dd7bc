package imagetsne.io;

import imagetsne.layout.Layout;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/** ml4a-compatible layout JSON: [{"path": ..., "point": [x, y(, z)], "grid": [c, r], "label": ...}, ...]. */
public final class LayoutJson {
    private LayoutJson() {}

    /** A loaded layout plus the image paths that were not found on disk (kept in the layout, marked missing). */
    public record Loaded(Layout layout, List<String> missing) {}

    /** @throws IOException with a one-line reason when the file is missing or malformed */
    public static Loaded read(Path file) throws IOException {
        throw new UnsupportedOperationException("TODO lead");
    }

    /** Writes atomically (temp file in the same folder, then rename); absolute paths, points in 0..1. */
    public static void write(Layout layout, Path file) throws IOException {
        throw new UnsupportedOperationException("TODO lead");
    }
}
