package imagetsne.io;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import java.io.IOException;
import java.io.InputStream;
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

    /**
     * Reads at most `limit` data rows (all when limit <= 0). The first row is a header when none of its
     * fields is a number after CSV unquoting (so {@code "1,2",3,4} is data, and its "1,2" an error), or when
     * it is pandas' default header (a blank index name, then 0, 1, 2, ...). A label column holds
     * non-numbers in most rows; any other non-number, NaN or infinity is an error naming its line and column.
     */
    public static Table read(Path file, int limit) throws IOException { return read(file, limit, ',', null); }

    /**
     * As {@link #read(Path, int)} with another separator (a tab for the Embedding Projector's TSV) and the
     * label column named by the caller: a header's column name, or a 1-based column number; null = found
     * as above.
     */
    public static Table read(Path file, int limit, char separator, String labelColumn) throws IOException {
        if (!Files.isRegularFile(file)) throw new IOException(file + ": no such file");
        List<Integer> lineOf = new ArrayList<>();
        List<String[]> raw = readRows(file, limit, lineOf, separator);
        if (raw.isEmpty()) throw new IOException(file.getFileName() + ": empty CSV");

        String[] header = null;
        boolean hasHeader = numericCount(raw.get(0)) == 0 || isPandasHeader(raw.get(0));
        if (hasHeader) { header = raw.remove(0); lineOf.remove(0); }
        if (raw.isEmpty()) throw new IOException(file.getFileName() + ": CSV has a header but no rows");
        if (limit > 0 && raw.size() > limit) raw = raw.subList(0, limit);

        int cols = raw.get(0).length;
        int labelCol = labelColumn == null ? -1 : namedColumn(file, header, labelColumn, cols);
        if (labelCol < 0 && header != null) {
            for (int c = 0; c < header.length; c++) if (LABEL_NAMES.contains(header[c].toLowerCase(Locale.ROOT))) labelCol = c;
        }
        if (labelCol < 0) {
            for (int c = 0; c < cols; c++) {
                if (isNumber(raw.get(0)[c]) || !mostlyNonNumeric(raw, c)) continue;
                if (labelCol >= 0) throw new IOException(file.getFileName() + ": columns " + (labelCol + 1) + " and " + (c + 1)
                        + " are both non-numeric; only one label column is allowed");
                labelCol = c;
            }
        }
        int numeric = labelCol >= 0 ? cols - 1 : cols;
        if (numeric < 1) throw new IOException(file.getFileName() + ": no numeric columns");
        double[][] rows = new double[raw.size()][numeric];
        String[] labels = labelCol >= 0 ? new String[raw.size()] : null;
        for (int i = 0; i < raw.size(); i++) {
            String[] row = raw.get(i);
            int line = lineOf.get(i);
            if (row.length != cols) throw new IOException(file.getFileName() + ": line " + line + " has " + row.length + " columns, expected " + cols);
            for (int c = 0, k = 0; c < cols; c++) {
                if (c == labelCol) { labels[i] = row[c]; continue; }
                double v;
                try {
                    v = Double.parseDouble(row[c]);
                } catch (NumberFormatException e) {
                    throw new IOException(file.getFileName() + ": line " + line + ", column " + (c + 1) + ": not a number: \"" + row[c] + "\"");
                }
                if (!Double.isFinite(v)) throw new IOException(file.getFileName() + ": line " + line + ", column " + (c + 1) + ": not a finite number: " + row[c]);
                rows[i][k++] = v;
            }
        }
        return new Table(rows, labels, header);
    }

    /** The column a caller named: a header name (case-insensitive) or a 1-based number. */
    private static int namedColumn(Path file, String[] header, String name, int cols) throws IOException {
        if (header != null) for (int c = 0; c < header.length; c++) if (header[c].equalsIgnoreCase(name.trim())) return c;
        try {
            int c = Integer.parseInt(name.trim()) - 1;
            if (c >= 0 && c < cols) return c;
        } catch (NumberFormatException e) {
            // not a number either
        }
        throw new IOException(file.getFileName() + ": no column '" + name + "'" + (header != null ? " (columns: " + String.join(", ", header) + ")" : " (the file has no header; give a column number)"));
    }

    /** Non-blank rows, CSV-unquoted, and the 1-based line of each (a quoted field spanning lines counts as one). */
    private static List<String[]> readRows(Path file, int limit, List<Integer> lineOf, char separator) throws IOException {
        List<String[]> raw = new ArrayList<>();
        // blank lines are skipped here rather than by the parser, so that line numbers stay right
        CsvMapper mapper = new CsvMapper().enable(CsvParser.Feature.WRAP_AS_ARRAY).enable(CsvParser.Feature.TRIM_SPACES);
        var schema = mapper.schemaFor(String[].class).withColumnSeparator(separator);
        // from bytes, so Jackson skips a UTF-8 byte order mark rather than gluing it to the first field
        try (InputStream in = Files.newInputStream(file);
             MappingIterator<String[]> it = mapper.readerFor(String[].class).with(schema).readValues(in)) {
            int line = 0;
            while (it.hasNext()) {
                String[] row = it.next();
                line++;
                if (row.length == 0 || (row.length == 1 && row[0].isBlank())) continue;
                raw.add(row);
                lineOf.add(line);
                // +1 for a possible header line
                if (limit > 0 && raw.size() > limit) break;
            }
        } catch (RuntimeException | IOException e) {
            String msg = String.valueOf(e.getMessage());
            if (msg.contains("UTF-8")) {
                String where = Utf8.locateInvalid(file);
                if (where != null) throw new IOException(Utf8.invalidMessage(file, where));
            }
            throw new IOException(file.getFileName() + ": malformed CSV: " + msg.lines().findFirst().orElse(""));
        }
        return raw;
    }

    /** pandas' DataFrame.to_csv() with the index and default column names: ",0,1,2,...". */
    private static boolean isPandasHeader(String[] row) {
        if (row.length < 2 || !row[0].isBlank()) return false;
        for (int c = 1; c < row.length; c++) if (!row[c].equals(Integer.toString(c - 1))) return false;
        return true;
    }

    private static boolean mostlyNonNumeric(List<String[]> rows, int col) {
        int non = 0;
        for (String[] r : rows) if (col < r.length && !isNumber(r[col])) non++;
        return 2L * non > rows.size();
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
