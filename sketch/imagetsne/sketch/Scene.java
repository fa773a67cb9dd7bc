package imagetsne.sketch;

import imagetsne.layout.Item;
import imagetsne.layout.Layout;
import imagetsne.render.SpriteAtlas;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * What the sketch shows: one sprite per image with its t-SNE point and grid cell (both in the unit
 * square), its thumbnail in the atlas and its label colour. Owned by the animation thread; a running
 * analysis fills a new Scene through tasks that run there, so drawing never locks.
 */
final class Scene {
    final SpriteAtlas atlas = new SpriteAtlas(64);
    final List<String> paths = new ArrayList<>();
    final Palette palette = new Palette();
    /** Normalised t-SNE point (0..1 per axis) and grid cell position (unit square, square cells). */
    float[] tx = new float[0], ty = new float[0], gx = new float[0], gy = new float[0];
    int[] frame = new int[0];
    int n;
    /** True while points are provisional (a sunflower of arrival order, before t-SNE has run). */
    boolean provisional = true;
    int expected;
    /** Cell pitch of the grid in the unit square, 0 without a grid. */
    float gridPitch;
    Layout layout;
    float[][] features;
    String featureKind = "", featureReason = "";
    Path source;
    String title = "";

    int size() { return n; }

    boolean hasGrid() { return gridPitch > 0; }

    /** A sprite whose place is not known yet. */
    void add(String path) {
        ensure(n + 1);
        paths.add(path);
        n++;
        if (provisional) sunflower();
    }

    /** Arrival order on a sunflower spiral: the sprites fill a disc evenly while thumbnails come in. */
    void sunflower() {
        int total = Math.max(n, expected);
        for (int i = 0; i < n; i++) {
            double r = 0.48 * Math.sqrt((i + 0.5) / total), a = i * 2.399963229728653;
            tx[i] = (float) (0.5 + r * Math.cos(a));
            ty[i] = (float) (0.5 + r * Math.sin(a));
        }
    }

    /** Live t-SNE: n x dims embedding, scaled per axis into the unit square. */
    void setEmbedding(double[] y, int dims) {
        int m = Math.min(n, y.length / dims);
        for (int d = 0; d < 2; d++) {
            double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
            for (int i = 0; i < m; i++) { lo = Math.min(lo, y[i * dims + d]); hi = Math.max(hi, y[i * dims + d]); }
            double span = hi > lo ? hi - lo : 1;
            float[] out = d == 0 ? tx : ty;
            for (int i = 0; i < m; i++) out[i] = (float) ((y[i * dims + d] - lo) / span);
        }
        provisional = false;
    }

    /** Takes points, grid cells and labels from a finished or loaded layout (same order as the sprites). */
    void setLayout(Layout layout) {
        this.layout = layout;
        ensure(layout.size());
        if (paths.size() != layout.size()) {
            paths.clear();
            for (Item it : layout.items()) paths.add(it.path());
        }
        n = layout.size();
        for (int i = 0; i < n; i++) {
            Item it = layout.get(i);
            tx[i] = (float) it.x();
            ty[i] = (float) it.y();
        }
        provisional = false;
        updateGrid();
        frame = new int[n];
        List<String> labels = layout.items().stream().map(Item::label).distinct().toList();
        if (labels.size() > 1 || labels.size() == 1 && labels.get(0) != null)
            for (int i = 0; i < n; i++) frame[i] = palette.colour(layout.get(i).label());
    }

    /** Grid cells to unit-square positions: square cells, centred, the longer side spanning 0..1. */
    void updateGrid() {
        if (layout == null || !layout.hasGrid()) { gridPitch = 0; return; }
        int cols = layout.gridCols(), rows = layout.gridRows();
        float pitch = 1f / Math.max(1, Math.max(cols, rows) - 1);
        for (int i = 0; i < n; i++) {
            Item it = layout.get(i);
            gx[i] = 0.5f + (it.col() - (cols - 1) * 0.5f) * pitch;
            gy[i] = 0.5f + (it.row() - (rows - 1) * 0.5f) * pitch;
        }
        gridPitch = pitch;
    }

    private void ensure(int cap) {
        if (tx.length >= cap) return;
        int c = Math.max(cap, tx.length * 2 + 16);
        tx = Arrays.copyOf(tx, c);
        ty = Arrays.copyOf(ty, c);
        gx = Arrays.copyOf(gx, c);
        gy = Arrays.copyOf(gy, c);
        frame = Arrays.copyOf(frame, c);
    }
}
