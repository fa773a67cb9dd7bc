package imagetsne.analysis;

import imagetsne.io.Vectors;
import imagetsne.source.SourceImage;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Numeric vectors with their labels as a feature set, so the rest of an analysis (PCA, t-SNE, grid,
 * re-runs) treats them as it treats images. Rows that are images become their own thumbnails; others
 * have none, and the sketch draws them as dots in their label's colour. Item i is recorded as
 * {@code data.csv#i} (1-based, the data row).
 */
record VectorsJob(Path data, Path labels, String labelColumn, String shape, int limit) implements Job<FeatureSet> {

    @Override public FeatureSet run(AnalysisListener l, CancelToken c) throws IOException, CancelToken.CancelledException {
        l.stage(Stage.LOAD, "reading " + data.getFileName());
        Vectors v;
        try {
            // one row more than the limit: whether the file was cut is then known, and said
            v = Vectors.read(data, labels, labelColumn, shape, limit > 0 ? limit + 1 : 0);
        } catch (IllegalArgumentException e) {
            throw new IOException(data.getFileName() + ": " + e.getMessage(), e);
        }
        boolean cut = limit > 0 && v.size() > limit;
        if (cut) v = new Vectors(v.matrix().first(limit), v.labels() == null ? null : v.labels().subList(0, limit), v.shape());
        c.check();
        int n = v.size(), d = v.matrix().d();
        float[][] rows = v.rows();
        Path abs = data.toAbsolutePath().normalize();
        List<SourceImage> items = new ArrayList<>(n);
        List<BufferedImage> thumbs = new ArrayList<>(n);
        float scale = v.shape() == null ? 1 : 255f / Math.max(1e-6f, max(rows));
        for (int i = 0; i < n; i++) {
            items.add(new SourceImage(abs, abs + "#" + (i + 1), v.labels() == null ? null : v.labels().get(i), null));
            thumbs.add(v.shape() == null ? null : image(rows[i], v.shape(), scale));
            if (i % 1000 == 0) l.progress(Stage.LOAD, i, n);
        }
        String what = String.format(Locale.ROOT, "numeric vectors: %s%d rows of %d values from %s%s%s", cut ? "the first " : "", n, d, data.getFileName(),
                v.shape() != null ? ", drawn as " + v.shape()[0] + "x" + v.shape()[1] + " images" : ", drawn as dots",
                v.labels() != null ? ", " + v.labels().stream().distinct().count() + " labels" : "");
        l.info(what);
        FeatureSet.FeatureInfo info = new FeatureSet.FeatureInfo("vectors", null, null, d, what);
        return new FeatureSet(List.copyOf(items), thumbs, rows, info, List.of(), List.of(), 0, 0);
    }

    private static float max(float[][] rows) {
        float m = 0;
        for (float[] r : rows) for (float x : r) m = Math.max(m, x);
        return m;
    }

    /** A row as an image: grey, or RGB in (x, y, channel) order; values scaled to 0..255. */
    static BufferedImage image(float[] row, int[] shape, float scale) {
        int w = shape[0], h = shape[1], ch = shape[2];
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
        for (int y = 0; y < h; y++)
            for (int x = 0; x < w; x++) {
                int p = (y * w + x) * ch;
                int r = clamp(row[p] * scale), g = ch == 3 ? clamp(row[p + 1] * scale) : r, b = ch == 3 ? clamp(row[p + 2] * scale) : r;
                img.setRGB(x, y, 0xFF000000 | (r << 16) | (g << 8) | b);
            }
        return img;
    }

    private static int clamp(float v) { return Math.max(0, Math.min(255, Math.round(v))); }
}
