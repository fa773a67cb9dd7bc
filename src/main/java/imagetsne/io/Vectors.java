package imagetsne.io;

import imagetsne.reduce.Rows;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Numeric vectors to lay out, with their labels, from the files the dash t-SNE explorer and the TensorFlow
 * Embedding Projector take: a CSV (a header allowed; a label column by name or found), a vectors TSV with
 * a metadata TSV beside it (header when it has several columns), or an IDX image file with its IDX labels.
 * Rows that are images (their length a square, or the shape given) carry that shape so they can be drawn.
 *
 * @param matrix one vector per item (IDX pixels kept as bytes)
 * @param labels one label per item, or null
 * @param shape  {width, height, channels} when every row is an image of that shape, else null
 */
public record Vectors(Rows matrix, List<String> labels, int[] shape) {

    public int size() { return matrix.n(); }

    /** The vectors as float rows (made from IDX bytes once, then kept). */
    public float[][] rows() { return matrix.floats(); }

    /**
     * @param labelsFile  a file of labels (IDX labels, a metadata TSV, or text with one label per line), or null to
     *                    take a label column of the data or a labels file beside it (the IDX and TSV conventions)
     * @param labelColumn the label column by header name or 1-based number (CSV, metadata TSV), or null
     * @param shape       "WxH" or "WxHxC" to draw rows as images, or null: a square length is a grey image
     * @param limit       the first rows only; 0 = all
     */
    public static Vectors read(Path data, Path labelsFile, String labelColumn, String shape, int limit) throws IOException {
        if (!Files.isRegularFile(data)) throw new IOException(data + ": no such file");
        String name = data.getFileName().toString().toLowerCase(Locale.ROOT);
        Rows rows;
        List<String> labels = null;
        int[] imageShape = null;
        if (isIdx(data)) {
            Idx.Images imgs = Idx.readImages(data, limit);
            rows = Rows.unsignedBytes(imgs.pixels(), imgs.count(), imgs.rows() * imgs.cols());
            imageShape = new int[] {imgs.cols(), imgs.rows(), 1};
            Path l = labelsFile != null ? labelsFile : beside(data, "images-idx3", "labels-idx1");
            if (l != null) labels = labels(l, labelColumn, limit);
        } else {
            boolean tsv = name.endsWith(".tsv") || name.endsWith(".tab");
            CsvMatrix.Table t = CsvMatrix.read(data, limit, tsv ? '\t' : ',', labelsFile == null ? labelColumn : null);
            float[][] f = new float[t.size()][];
            for (int i = 0; i < t.size(); i++) {
                f[i] = new float[t.columns()];
                for (int j = 0; j < t.columns(); j++) f[i][j] = (float) t.rows()[i][j];
            }
            rows = Rows.of(f);
            if (t.labels() != null) labels = Arrays.asList(t.labels());
            Path l = labelsFile != null ? labelsFile : tsv ? besideFile(data, "metadata.tsv") : null;
            if (l != null) labels = labels(l, labelColumn, limit);
        }
        if (rows.n() == 0) throw new IOException(data.getFileName() + ": no rows");
        if (labels != null && labels.size() < rows.n()) {
            throw new IOException((labelsFile != null ? labelsFile.getFileName() : data.getFileName()) + " has " + labels.size() + " labels for " + rows.n() + " rows");
        }
        if (labels != null && labels.size() > rows.n()) labels = labels.subList(0, rows.n());
        int d = rows.d();
        if (shape != null) imageShape = parseShape(shape, d);
        else if (imageShape == null) {
            int side = (int) Math.round(Math.sqrt(d));
            if (side * side == d && side >= 4) imageShape = new int[] {side, side, 1};
        }
        return new Vectors(rows, labels == null ? null : List.copyOf(labels), imageShape);
    }

    /** "28x28" or "32x32x3"; its pixels must be the row length. */
    static int[] parseShape(String s, int length) {
        String[] p = s.trim().toLowerCase(Locale.ROOT).split("x");
        try {
            int w = Integer.parseInt(p[0]), h = Integer.parseInt(p[1]), c = p.length > 2 ? Integer.parseInt(p[2]) : 1;
            if (p.length > 3 || w < 1 || h < 1 || (c != 1 && c != 3)) throw new NumberFormatException();
            if (w * h * c != length) throw new IllegalArgumentException("shape " + s + " has " + w * h * c + " values, the rows " + length);
            return new int[] {w, h, c};
        } catch (NumberFormatException | ArrayIndexOutOfBoundsException e) {
            throw new IllegalArgumentException("shape must look like 28x28 or 32x32x3 (is '" + s + "')");
        }
    }

    /** Labels from IDX labels (class names from a classes.txt beside them), a metadata TSV, or text lines. */
    static List<String> labels(Path file, String column, int limit) throws IOException {
        if (!Files.isRegularFile(file)) throw new IOException(file + ": no such file");
        if (isIdx(file)) {
            int[] l = Idx.readLabels(file, limit);
            Path classesFile = besideFile(file, "classes.txt");
            List<String> classes = classesFile == null ? List.of() : Files.readAllLines(classesFile).stream().map(String::trim).filter(c -> !c.isEmpty()).toList();
            List<String> out = new ArrayList<>(l.length);
            for (int v : l) out.add(v >= 0 && v < classes.size() ? classes.get(v) : Integer.toString(v));
            return out;
        }
        List<String> lines = Files.readAllLines(file).stream().filter(s -> !s.isBlank()).toList();
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".tsv") && !lines.isEmpty() && lines.get(0).contains("\t")) {
            // the Projector's metadata: a header row when there are several columns
            String[] header = lines.get(0).split("\t", -1);
            int col = 0;
            if (column != null) {
                col = -1;
                for (int c = 0; c < header.length; c++) if (header[c].trim().equalsIgnoreCase(column.trim())) col = c;
                if (col < 0) throw new IOException(file.getFileName() + ": no column '" + column + "' (columns: " + String.join(", ", header) + ")");
            }
            List<String> out = new ArrayList<>();
            for (String line : lines.subList(1, lines.size())) {
                String[] f = line.split("\t", -1);
                out.add(col < f.length ? f[col].trim() : "");
            }
            return limit > 0 && out.size() > limit ? out.subList(0, limit) : out;
        }
        List<String> out = lines.stream().map(String::trim).toList();
        if (!out.isEmpty() && out.get(0).equalsIgnoreCase("label")) out = out.subList(1, out.size());
        return limit > 0 && out.size() > limit ? out.subList(0, limit) : out;
    }

    public static boolean isIdx(Path p) {
        String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
        return n.contains("idx") || n.endsWith(".ubyte") || n.endsWith(".ubyte.gz");
    }

    /** A file beside {@code f} named as f with {@code from} replaced by {@code to}, when it exists. */
    private static Path beside(Path f, String from, String to) {
        String n = f.getFileName().toString();
        if (!n.contains(from)) return null;
        Path p = f.resolveSibling(n.replace(from, to));
        return Files.isRegularFile(p) ? p : null;
    }

    private static Path besideFile(Path f, String name) {
        Path p = f.toAbsolutePath().resolveSibling(name);
        return Files.isRegularFile(p) ? p : null;
    }
}
