package imagetsne.io;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A numeric CSV: one row per item, an optional header line and an optional label column (a column whose
 * values are not numbers, or one named label/class/category).
 */
public final class CsvMatrix {
    private static final Set<String> LABEL_NAMES = Set.of("label", "labels", "class", "category", "target", "y_label");

    private CsvMatrix() {}

    /** rows: numeric values; labels: null when there is no label column; header: null when absent. */
    public record Table(double[][] rows, String[] labels, String[] header) {
        public int size() { return rows.length; }
        public int columns() { return rows.length == 0 ? 0 : rows[0].length; }
    }

    /** Reads at most `limit` data rows (all when limit <= 0). */
    public static Table read(Path file, int limit) throws IOException {
        if (!Files.isRegularFile(file)) throw new IOException(file + ": no such file");
        List<String[]> raw = new ArrayList<>();
        CsvMapper mapper = new CsvMapper().enable(CsvParser.Feature.WRAP_AS_ARRAY).enable(CsvParser.Feature.TRIM_SPACES)
                .enable(CsvParser.Feature.SKIP_EMPTY_LINES);
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8);
             MappingIterator<String[]> it = mapper.readerFor(String[].class).readValues(r)) {
            while (it.hasNext()) {
                String[] row = it.next();
                if (row.length == 0 || (row.length == 1 && row[0].isBlank())) continue;
                raw.add(row);
                // +1 for a possible header line
                if (limit > 0 && raw.size() > limit) break;
            }
        } catch (RuntimeException e) {
            throw new IOException(file.getFileName() + ": malformed CSV: " + e.getMessage().lines().findFirst().orElse(""));
        }
        if (raw.isEmpty()) throw new IOException(file.getFileName() + ": empty CSV");

        String[] header = null;
        boolean hasHeader = raw.size() == 1 ? numericCount(raw.get(0)) == 0 : numericCount(raw.get(0)) < numericCount(raw.get(1));
        if (hasHeader) header = raw.remove(0);
        if (raw.isEmpty()) throw new IOException(file.getFileName() + ": CSV has a header but no rows");
        if (limit > 0 && raw.size() > limit) raw = raw.subList(0, limit);

        int cols = raw.get(0).length;
        int labelCol = -1;
        if (header != null) {
            for (int c = 0; c < header.length; c++) if (LABEL_NAMES.contains(header[c].toLowerCase(Locale.ROOT))) labelCol = c;
        }
        if (labelCol < 0) {
            for (int c = 0; c < cols; c++) {
                if (!isNumber(raw.get(0)[c])) {
                    if (labelCol >= 0) throw new IOException(file.getFileName() + ": line " + (hasHeader ? 2 : 1) + ": more than one non-numeric column");
                    labelCol = c;
                }
            }
        }
        int numeric = labelCol >= 0 ? cols - 1 : cols;
        if (numeric < 1) throw new IOException(file.getFileName() + ": no numeric columns");
        double[][] rows = new double[raw.size()][numeric];
        String[] labels = labelCol >= 0 ? new String[raw.size()] : null;
        for (int i = 0; i < raw.size(); i++) {
            String[] row = raw.get(i);
            int line = i + 1 + (hasHeader ? 1 : 0);
            if (row.length != cols) throw new IOException(file.getFileName() + ": line " + line + " has " + row.length + " columns, expected " + cols);
            for (int c = 0, k = 0; c < cols; c++) {
                if (c == labelCol) { labels[i] = row[c]; continue; }
                try {
                    rows[i][k++] = Double.parseDouble(row[c]);
                } catch (NumberFormatException e) {
                    throw new IOException(file.getFileName() + ": line " + line + ", column " + (c + 1) + ": not a number: \"" + row[c] + "\"");
                }
            }
        }
        return new Table(rows, labels, header);
    }

    private static int numericCount(String[] row) {
        int n = 0;
        for (String s : row) if (isNumber(s)) n++;
        return n;
    }

    private static boolean isNumber(String s) {
        if (s == null || s.isBlank()) return false;
        try { Double.parseDouble(s.trim()); return true; } catch (NumberFormatException e) { return false; }
    }

    /** Writes rows under a header, atomically. Values use Java's shortest round-trip form. */
    public static void write(Path file, String[] header, double[][] rows) throws IOException {
        StringBuilder sb = new StringBuilder(rows.length * 32 + 16);
        sb.append(String.join(",", header)).append('\n');
        for (double[] r : rows) {
            for (int c = 0; c < r.length; c++) { if (c > 0) sb.append(','); sb.append(r[c]); }
            sb.append('\n');
        }
        AtomicFiles.writeString(file, sb.toString());
    }

    public static void writeInts(Path file, String[] header, int[][] rows) throws IOException {
        StringBuilder sb = new StringBuilder(rows.length * 12 + 16);
        sb.append(String.join(",", header)).append('\n');
        for (int[] r : rows) {
            for (int c = 0; c < r.length; c++) { if (c > 0) sb.append(','); sb.append(r[c]); }
            sb.append('\n');
        }
        AtomicFiles.writeString(file, sb.toString());
    }
}
