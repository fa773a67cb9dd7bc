package imagetsne.io;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import imagetsne.layout.Item;
import imagetsne.layout.Layout;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * ml4a-compatible layout JSON: a top-level array of {"path": ..., "point": [x, y(, z)]}, as written by
 * ImageTSNELive, ImageTSNEViewer and tSNE-images.py. We add optional "grid": [col, row] and "label",
 * which other readers ignore, and keep any other fields so a re-save loses nothing.
 */
public final class LayoutJson {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private LayoutJson() {}

    /**
     * A loaded layout plus the image paths that were not found on disk (kept in the layout, marked missing).
     * URL paths (s3://...) are kept as written and listed as missing until their source fetches them.
     */
    public record Loaded(Layout layout, List<String> missing) {}

    /** @throws IOException with a one-line reason when the file is missing or malformed */
    public static Loaded read(Path file) throws IOException {
        if (!Files.isRegularFile(file)) throw new IOException(file + ": no such file");
        JsonNode root;
        try (InputStream in = Files.newInputStream(file)) {
            // from bytes, so Jackson detects the encoding and skips a UTF-8 byte order mark
            root = MAPPER.readTree(in);
        } catch (JsonProcessingException e) {
            String msg = String.valueOf(e.getOriginalMessage());
            if (msg.startsWith("Invalid UTF-8")) {
                String where = Utf8.locateInvalid(file);
                if (where != null) throw new IOException(Utf8.invalidMessage(file, where));
            }
            var loc = e.getLocation();
            throw new IOException(file.getFileName() + ": not valid JSON"
                    + (loc != null && loc.getLineNr() > 0 ? " at line " + loc.getLineNr() + ", column " + loc.getColumnNr() : "")
                    + ": " + msg.lines().findFirst().orElse(msg));
        }
        if (root == null || root.isMissingNode()) throw new IOException(file.getFileName() + ": empty file");
        // Some tools wrap the array in an object; accept {"items"|"layout"|"data": [...]}.
        if (root.isObject()) {
            for (String key : new String[] {"items", "layout", "data", "images"}) {
                if (root.path(key).isArray()) { root = root.get(key); break; }
            }
        }
        if (!root.isArray()) throw new IOException(file.getFileName() + ": expected a JSON array of {\"path\", \"point\"} objects");

        Path base = file.toAbsolutePath().getParent();
        List<Item> items = new ArrayList<>(root.size());
        List<String> missing = new ArrayList<>();
        int maxCol = -1, maxRow = -1, dims = -1;
        for (int i = 0; i < root.size(); i++) {
            JsonNode node = root.get(i);
            String where = file.getFileName() + ": item " + (i + 1);
            if (!node.isObject()) throw new IOException(where + " is not an object");
            JsonNode pathNode = node.get("path");
            if (pathNode == null || !pathNode.isTextual() || pathNode.asText().isBlank())
                throw new IOException(where + " has no \"path\" string");
            double[] point = readPoint(node.get("point"), where);
            if (dims < 0) dims = point.length;
            else if (point.length != dims) throw new IOException(where + " has a " + point.length + "-value point, earlier items have " + dims);

            String written = pathNode.asText();
            // a URL (s3://bucket/key) stays as written; its local copy comes from the source's cache (S3Layouts)
            Path resolved = Item.isUrl(written) ? null : resolve(written, base);
            boolean exists = resolved != null && Files.exists(resolved);
            String path = resolved != null ? resolved.toString() : written;
            Item item = new Item(path, node.path("label").isValueNode() ? node.get("label").asText() : null, point);
            item.setMissing(!exists);
            if (!exists) missing.add(written);

            JsonNode grid = node.get("grid");
            if (grid != null && grid.isArray() && grid.size() == 2 && grid.get(0).canConvertToInt() && grid.get(1).canConvertToInt()) {
                int c = grid.get(0).asInt(), r = grid.get(1).asInt();
                if (c >= 0 && r >= 0) { item.setGrid(c, r); maxCol = Math.max(maxCol, c); maxRow = Math.max(maxRow, r); }
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                var f = it.next();
                if (!f.getKey().equals("path") && !f.getKey().equals("point") && !f.getKey().equals("grid") && !f.getKey().equals("label"))
                    item.extras().put(f.getKey(), MAPPER.convertValue(f.getValue(), Object.class));
            }
            items.add(item);
        }
        Layout layout = new Layout(items);
        layout.normalise();
        if (maxCol >= 0 && items.stream().allMatch(Item::hasGrid)) layout.setGridShape(maxCol + 1, maxRow + 1);
        else items.forEach(it -> it.setGrid(-1, -1));
        return new Loaded(layout, missing);
    }

    private static double[] readPoint(JsonNode p, String where) throws IOException {
        if (p == null || !p.isArray() || p.size() < 2 || p.size() > 3)
            throw new IOException(where + " needs \"point\": [x, y] or [x, y, z]");
        double[] out = new double[p.size()];
        for (int d = 0; d < out.length; d++) {
            JsonNode v = p.get(d);
            if (!v.isNumber() && !(v.isTextual() && isNumber(v.asText())))
                throw new IOException(where + " has a non-numeric point value " + v);
            out[d] = v.asDouble();
            if (!Double.isFinite(out[d])) throw new IOException(where + " has a non-finite point value");
        }
        return out;
    }

    private static boolean isNumber(String s) {
        try { Double.parseDouble(s); return true; } catch (NumberFormatException e) { return false; }
    }

    /** Absolute paths as they are; relative ones against the JSON's folder, then the working directory. */
    private static Path resolve(String written, Path base) {
        try {
            Path p = Paths.get(written);
            if (p.isAbsolute()) return p.normalize();
            Path nextToJson = base.resolve(p).normalize();
            if (Files.exists(nextToJson)) return nextToJson;
            Path fromCwd = p.toAbsolutePath().normalize();
            if (Files.exists(fromCwd)) return fromCwd;
            return nextToJson;
        } catch (InvalidPathException e) {
            return null;
        }
    }

    /** Writes atomically (temp file in the same folder, then rename); absolute paths, points in 0..1. */
    public static void write(Layout layout, Path file) throws IOException {
        StringBuilder sb = new StringBuilder(layout.size() * 96 + 4);
        sb.append("[\n");
        for (int i = 0; i < layout.size(); i++) {
            Item it = layout.get(i);
            ObjectNode o = MAPPER.createObjectNode();
            o.put("path", absolute(it.path()));
            ArrayNode pt = o.putArray("point");
            for (double v : it.point()) pt.add(v);
            if (it.hasGrid()) o.putArray("grid").add(it.col()).add(it.row());
            if (it.label() != null) o.put("label", it.label());
            for (var e : it.extras().entrySet()) o.set(e.getKey(), MAPPER.valueToTree(e.getValue()));
            sb.append("  ").append(MAPPER.writeValueAsString(o)).append(i + 1 < layout.size() ? ",\n" : "\n");
        }
        sb.append("]\n");
        AtomicFiles.writeString(file, sb.toString());
    }

    private static String absolute(String path) {
        if (Item.isUrl(path)) return path;
        try {
            return Paths.get(path).toAbsolutePath().normalize().toString();
        } catch (InvalidPathException e) {
            return path;
        }
    }
}
