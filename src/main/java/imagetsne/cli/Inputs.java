package imagetsne.cli;

import imagetsne.io.CsvMatrix;
import imagetsne.io.Idx;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Numeric inputs of the tsne command: a CSV (optional header and label column) or an IDX images file. */
final class Inputs {
    private Inputs() {}

    record Matrix(float[][] rows, String[] labels) {}

    static boolean isIdx(Path p) {
        String n = p.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
        return n.contains("idx") || n.endsWith(".ubyte") || n.endsWith(".ubyte.gz");
    }

    static Matrix read(Path input, int limit) throws IOException {
        if (isIdx(input)) {
            Idx.Images imgs = Idx.readImages(input, limit);
            return new Matrix(imgs.asRows(0), null);
        }
        CsvMatrix.Table t = CsvMatrix.read(input, limit);
        float[][] rows = new float[t.size()][];
        for (int i = 0; i < t.size(); i++) {
            double[] r = t.rows()[i];
            rows[i] = new float[r.length];
            for (int j = 0; j < r.length; j++) rows[i][j] = (float) r[j];
        }
        return new Matrix(rows, t.labels());
    }

    /** Labels from an IDX label file, or a text/CSV file with one label per line (a header line "label" is skipped). */
    static String[] labels(Path file, int limit) throws IOException {
        if (isIdx(file)) {
            int[] l = Idx.readLabels(file, limit);
            String[] out = new String[l.length];
            for (int i = 0; i < l.length; i++) out[i] = Integer.toString(l[i]);
            return out;
        }
        if (!Files.isRegularFile(file)) throw new IOException(file + ": no such file");
        List<String> lines = Files.readAllLines(file).stream().map(String::trim).filter(s -> !s.isEmpty()).toList();
        if (!lines.isEmpty() && lines.get(0).equalsIgnoreCase("label")) lines = lines.subList(1, lines.size());
        if (limit > 0 && lines.size() > limit) lines = lines.subList(0, limit);
        return lines.toArray(new String[0]);
    }
}
