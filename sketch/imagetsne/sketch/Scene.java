package imagetsne.sketch;

import imagetsne.analysis.AnalysisOptions;
import imagetsne.analysis.FeatureSet;
import imagetsne.grid.GridShape;
import imagetsne.layout.Item;
import imagetsne.layout.Layout;
import imagetsne.render.SpriteAtlas;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * What the sketch shows: one sprite per image with its t-SNE point and its grid cell, both in the layout's
 * unit square (normalised as {@link Layout#normalised}, cells where {@link GridShape} puts them), its
 * thumbnail in the atlas and its label colour. Owned by the animation thread; a running job fills a new
 * Scene through tasks that run there, so drawing never locks.
 */
final class Scene {
    volatile SpriteAtlas atlas = new SpriteAtlas(64);
    final List<String> paths = new ArrayList<>();
    final Palette palette = new Palette();
    /** t-SNE point and grid cell of each sprite, in the unit square (the unit cube: tz, for a 3-D layout). */
    float[] tx = new float[0], ty = new float[0], tz = new float[0], gx = new float[0], gy = new float[0];
    /** 2, or 3 for a 3-D layout (shown in perspective, see {@link Orbit}). */
    int dims = 2;
    int[] frame = new int[0];
    private int n;
    /** True while points are provisional (a sunflower of arrival order, before t-SNE has run). */
    boolean provisional = true;
    int expected;
    GridShape grid;
    Layout layout;
    /** The features and the settings that made this layout (null for a loaded layout): what a re-run reuses. */
    FeatureSet features;
    AnalysisOptions madeWith;
    String featureKind = "", featureReason = "";
    Path source;
    String title = "";
    /** Labels whose sprites are hidden (clicked off in the legend). */
    final java.util.Set<String> hidden = new java.util.HashSet<>();
    /** Which sprites the search matches, or null without a search. */
    boolean[] match;
    private final java.util.Map<Integer, java.awt.image.BufferedImage> dots = new java.util.HashMap<>();

    int size() { return n; }

    boolean hasGrid() { return grid != null; }

    /** A sprite whose place is not known yet. */
    void add(String path) {
        ensure(n + 1);
        paths.add(path);
        n++;
        if (!provisional) return;
        // while the expected total holds, earlier sprites keep their places: only the new one is placed
        if (n > spiralTotal || Math.max(n, expected) != spiralTotal) sunflower();
        else spiral(n - 1);
    }

    private int spiralTotal;

    /** Arrival order on a sunflower spiral: the sprites fill a disc evenly while thumbnails come in. */
    void sunflower() {
        spiralTotal = Math.max(n, expected);
        for (int i = 0; i < n; i++) spiral(i);
    }

    private void spiral(int i) {
        double r = 0.48 * Math.sqrt((i + 0.5) / spiralTotal), a = i * 2.399963229728653;
        tx[i] = (float) (0.5 + r * Math.cos(a));
        ty[i] = (float) (0.5 + r * Math.sin(a));
        tz[i] = 0.5f;
    }

    /** Live t-SNE: an n x dims embedding, normalised as the finished layout will be. */
    void setEmbedding(double[] y, int dims) {
        int m = Math.min(n, y.length / dims);
        double[] u = Layout.normalised(y, m, dims);
        for (int i = 0; i < m; i++) {
            tx[i] = (float) u[i * dims];
            ty[i] = (float) u[i * dims + 1];
            tz[i] = dims > 2 ? (float) u[i * dims + 2] : 0.5f;
        }
        this.dims = dims > 2 ? 3 : 2;
        provisional = false;
    }

    /** Takes points, grid cells and labels from a finished or loaded layout (same order as the sprites). */
    void setLayout(Layout layout) {
        this.layout = layout;
        ensure(layout.size());
        List<String> order = layout.items().stream().map(Item::path).toList();
        if (!paths.isEmpty() && !paths.equals(order)) atlas = reordered(order);
        paths.clear();
        paths.addAll(order);
        n = layout.size();
        dims = layout.dims() > 2 ? 3 : 2;
        for (int i = 0; i < n; i++) {
            Item it = layout.get(i);
            tx[i] = (float) it.x();
            ty[i] = (float) it.y();
            tz[i] = dims == 3 ? (float) it.point()[2] : 0.5f;
        }
        provisional = false;
        updateGrid();
        frame = new int[Math.max(n, frame.length)];
        List<String> labels = layout.items().stream().map(Item::label).distinct().toList();
        if (labels.size() > 1 || labels.size() == 1 && labels.get(0) != null)
            for (int i = 0; i < n; i++) frame[i] = palette.colour(layout.get(i).label());
    }

    /**
     * The sprites shown before the layout came, in the layout's order: an image whose features failed after
     * its thumbnail was shown is not in the layout.
     */
    private SpriteAtlas reordered(List<String> order) {
        java.util.Map<String, Integer> was = new java.util.HashMap<>();
        for (int i = 0; i < paths.size(); i++) was.putIfAbsent(paths.get(i), i);
        SpriteAtlas a = new SpriteAtlas(atlas.cellSize());
        for (int i = 0; i < order.size(); i++) {
            Integer j = was.get(order.get(i));
            if (j != null && atlas.thumbnail(j) != null) a.set(i, atlas.thumbnail(j));
        }
        return a;
    }

    /** Grid cells to the unit square, where the assignment measured them. */
    void updateGrid() {
        grid = layout == null ? null : layout.gridShape();
        if (grid == null) return;
        for (int i = 0; i < n; i++) {
            Item it = layout.get(i);
            gx[i] = (float) grid.cellX(it.col());
            gy[i] = (float) grid.cellY(it.row());
        }
    }

    /** The label of sprite i (from the layout, or the feature set before it), or null. */
    String label(int i) {
        if (layout != null && i < layout.size()) return layout.get(i).label();
        if (features != null && i < features.size()) return features.labels().get(i);
        return null;
    }

    /** False when sprite i's label is hidden. */
    boolean shown(int i) { return hidden.isEmpty() || !hidden.contains(label(i)); }

    /** A sprite for a row that is not an image: a dot in its label's colour (grey without a label). */
    java.awt.image.BufferedImage dot(String label) {
        int colour = label == null ? 0xFFA0A0A0 : palette.colour(label);
        return dots.computeIfAbsent(colour, c -> {
            int side = 16;
            java.awt.image.BufferedImage img = new java.awt.image.BufferedImage(side, side, java.awt.image.BufferedImage.TYPE_INT_ARGB);
            java.awt.Graphics2D g = img.createGraphics();
            g.setRenderingHint(java.awt.RenderingHints.KEY_ANTIALIASING, java.awt.RenderingHints.VALUE_ANTIALIAS_ON);
            g.setColor(new java.awt.Color(c, true));
            g.fillOval(2, 2, side - 4, side - 4);
            g.dispose();
            return img;
        });
    }

    private void ensure(int cap) {
        if (tx.length >= cap) return;
        int c = Math.max(cap, tx.length * 2 + 16);
        tx = Arrays.copyOf(tx, c);
        ty = Arrays.copyOf(ty, c);
        tz = Arrays.copyOf(tz, c);
        gx = Arrays.copyOf(gx, c);
        gy = Arrays.copyOf(gy, c);
        frame = Arrays.copyOf(frame, c);
    }
}
