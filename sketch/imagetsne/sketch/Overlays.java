package imagetsne.sketch;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import processing.core.PConstants;
import processing.core.PGraphics;
import processing.core.PImage;

/**
 * What is drawn over the sprites: the hover preview, the list of similar images, the legend, the status
 * line and the help. Each knows its own size, so the view can leave room for the ones at the edges.
 */
final class Overlays {
    static final int STATUS_LINE = 18, LEGEND_ROWS = 20, LEGEND_W = 200, LIST_W = 250;
    private static final String[][] HELP = {
            {"drag", "pan (3-D: turn; shift-drag or right-drag pans)"}, {"arrows", "3-D: turn"},
            {"wheel, + / -", "zoom around the cursor"}, {"0", "fit to the window (3-D: the first view)"},
            {"g", "grid / t-SNE view (animated)"}, {"3", "3-D / 2-D t-SNE (lays the features out again)"},
            {"click", "similar images"}, {"legend row", "hide / show that label"},
            {"/", "search names and labels (Enter zooms to the matches, Esc clears)"},
            {"Esc", "cancel the job, clear the selection"},
            {"o", "analyze a folder"}, {"v", "load vectors (CSV, TSV, IDX)"}, {"r", "re-run t-SNE and the grid with the panel's settings"},
            {"l / s", "load / save the layout (JSON)"}, {"p / P", "screenshot / poster of the whole layout"},
            {"h", "hide / show the panel"}, {"?", "this help"}};

    private PImage hoverImage;
    private int hoverIndex = -1;
    private Scene hoverScene;

    /** A larger thumbnail with its file name and label, beside the cursor, kept inside the window. */
    void hover(PGraphics g, Scene s, int i, float mx, float my) {
        if (i < 0 || i >= s.size()) return;
        if (i != hoverIndex || s != hoverScene) {
            hoverImage = Selection.image(s, i);
            hoverIndex = i;
            hoverScene = s;
        }
        float side = 128, boxH = side + 48;
        float x = Math.max(6, Math.min(g.width - side - 12, mx + 16)), y = Math.max(6, Math.min(g.height - boxH - 6, my + 16));
        g.noStroke();
        g.fill(0, 200);
        g.rect(x - 6, y - 6, side + 12, boxH);
        if (hoverImage != null) {
            float k = side / Math.max(hoverImage.width, hoverImage.height);
            g.image(hoverImage, x + (side - hoverImage.width * k) / 2, y + (side - hoverImage.height * k) / 2, hoverImage.width * k, hoverImage.height * k);
        } else {
            g.fill(80);
            g.rect(x, y, side, side);
        }
        g.fill(255);
        g.textAlign(PConstants.LEFT, PConstants.TOP);
        g.text(Text.ellipsize(g, name(s, i), side + 4), x, y + side + 4);
        String label = s.layout != null && i < s.layout.size() ? s.layout.get(i).label() : null;
        if (label != null) {
            g.fill(200);
            g.text(Text.ellipsize(g, label, side + 4), x, y + side + 20);
        }
    }

    /** The selected image and its neighbours, top right, with their distances. */
    void neighbours(PGraphics g, Scene s, Selection sel) {
        if (!sel.has() || sel.selected >= s.size()) return;
        float x = g.width - LIST_W - 10, y = 10, row = 40;
        g.noStroke();
        g.fill(0, 190);
        g.rect(x - 8, y - 4, LIST_W + 6, 44 + row * (sel.neighbours.length + 1));
        g.fill(255);
        g.textAlign(PConstants.LEFT, PConstants.TOP);
        g.text("similar images", x, y);
        g.fill(160);
        g.text(Text.ellipsize(g, "(" + sel.measure + ")", LIST_W - 8), x, y + 16);
        y += 38;
        for (int k = -1; k < sel.neighbours.length; k++) {
            int i = k < 0 ? sel.selected : sel.neighbours[k];
            PImage img = k + 1 < sel.images.length ? sel.images[k + 1] : null;
            if (img != null) {
                float m = Math.max(img.width, img.height);
                g.image(img, x, y, 32 * img.width / m, 32 * img.height / m);
            }
            g.fill(k < 0 ? g.color(255, 220, 0) : g.color(230));
            String d = k < 0 ? "selected" : String.format(Locale.ROOT, "%.3g", sel.distances[k]);
            g.textAlign(PConstants.RIGHT, PConstants.TOP);
            g.text(d, x + LIST_W - 6, y + 8);
            float dw = g.textWidth(d) + 10;
            g.textAlign(PConstants.LEFT, PConstants.TOP);
            g.text(Text.ellipsize(g, name(s, i), LIST_W - 46 - dw), x + 40, y + 8);
            y += row;
        }
    }

    /** Rows the legend takes (0 when the layout has no labels). */
    static int legendRows(Scene s) {
        List<String> labels = s.palette.labels();
        if (labels.isEmpty()) return 0;
        return Math.min(labels.size(), LEGEND_ROWS);
    }

    private float legendX, legendY;
    private List<String> legendLabels = List.of();

    /** The label of the legend row at a window point (click it to hide or show that label), or null. */
    String legendLabelAt(float mx, float my) {
        int row = (int) Math.floor((my - legendY) / 16);
        if (mx < legendX - 8 || mx > legendX + LEGEND_W || my < legendY || row < 0 || row >= legendLabels.size()) return null;
        return legendLabels.get(row);
    }

    /** The label colours, bottom right above the status line; hidden labels greyed. */
    void legend(PGraphics g, Scene s, float bottom) {
        int shown = legendRows(s);
        legendLabels = List.of();
        if (shown == 0) return;
        List<String> labels = s.palette.labels();
        float x = g.width - LEGEND_W, y = bottom - shown * 16 - 8;
        legendX = x;
        legendY = y;
        legendLabels = labels.subList(0, labels.size() > LEGEND_ROWS ? shown - 1 : shown);
        g.noStroke();
        g.fill(0, 160);
        g.rect(x - 8, y - 6, LEGEND_W - 2, shown * 16 + 10);
        g.textAlign(PConstants.LEFT, PConstants.CENTER);
        for (int i = 0; i < shown; i++) {
            boolean more = i == LEGEND_ROWS - 1 && labels.size() > LEGEND_ROWS;
            String lab = more ? "... " + (labels.size() - LEGEND_ROWS + 1) + " more" : labels.get(i);
            boolean off = !more && s.hidden.contains(labels.get(i));
            g.fill(more || off ? 0xFF505050 : s.palette.colour(labels.get(i)));
            g.rect(x, y + i * 16 + 3, 10, 10);
            g.fill(off ? 110 : 220);
            g.text(Text.ellipsize(g, lab + (off ? "  (hidden)" : ""), LEGEND_W - 40), x + 16, y + i * 16 + 8);
        }
    }

    /** Height the status line needs for this text: one or two lines. */
    static float statusHeight(PGraphics g, String status, String right, float left) {
        return 6 + STATUS_LINE * Math.min(2, Text.wrap(g, status, g.width - left - g.textWidth(right) - 30, 2).size());
    }

    /** The status line along the bottom: wrapped to two lines, then cut; the view's numbers on the right. */
    void status(PGraphics g, String status, boolean error, String right, float left) {
        float h = statusHeight(g, status, right, left);
        List<String> lines = Text.wrap(g, status, g.width - left - g.textWidth(right) - 30, 2);
        g.noStroke();
        g.fill(0, 170);
        g.rect(left, g.height - h, g.width - left, h);
        g.fill(error ? g.color(255, 110, 100) : g.color(230));
        g.textAlign(PConstants.LEFT, PConstants.CENTER);
        for (int i = 0; i < lines.size(); i++) g.text(lines.get(i), left + 8, g.height - h + 3 + STATUS_LINE * (i + 0.5f));
        g.fill(150);
        g.textAlign(PConstants.RIGHT, PConstants.CENTER);
        g.text(right, g.width - 8, g.height - h + 3 + STATUS_LINE * 0.5f);
        g.textAlign(PConstants.LEFT, PConstants.BASELINE);
    }

    /** A status too long for its two lines, whole, in a box above the status line while the mouse is on it. */
    void statusFull(PGraphics g, String status, String right, float left, float mx, float my) {
        float h = statusHeight(g, status, right, left);
        if (my < g.height - h || mx < left) return;
        float w = g.width - left - 16;
        List<String> all = Text.wrap(g, status, w - 16, 12);
        if (all.size() <= 2 && all.equals(Text.wrap(g, status, g.width - left - g.textWidth(right) - 30, 2))) return;
        float boxH = all.size() * STATUS_LINE + 10, y = g.height - h - boxH - 4;
        g.noStroke();
        g.fill(0, 235);
        g.rect(left + 4, y, w + 8, boxH);
        g.fill(230);
        g.textAlign(PConstants.LEFT, PConstants.CENTER);
        for (int i = 0; i < all.size(); i++) g.text(all.get(i), left + 12, y + 5 + STATUS_LINE * (i + 0.5f));
        g.textAlign(PConstants.LEFT, PConstants.BASELINE);
    }

    /** Keys and what they do, in two aligned columns, centred. */
    void help(PGraphics g) {
        float keyW = 0, whatW = 0;
        for (String[] row : HELP) { keyW = Math.max(keyW, g.textWidth(row[0])); whatW = Math.max(whatW, g.textWidth(row[1])); }
        float w = keyW + whatW + 56, h = HELP.length * 18 + 48, x = (g.width - w) / 2, y = (g.height - h) / 2;
        g.noStroke();
        g.fill(0, 240); // the panel must not show through
        g.rect(x, y, w, h);
        g.fill(255);
        g.textAlign(PConstants.LEFT, PConstants.TOP);
        g.text("Image t-SNE Live", x + 16, y + 12);
        for (int i = 0; i < HELP.length; i++) {
            g.fill(255, 220, 0);
            g.text(HELP[i][0], x + 16, y + 36 + i * 18);
            g.fill(230);
            g.text(HELP[i][1], x + 16 + keyW + 24, y + 36 + i * 18);
        }
        g.textAlign(PConstants.LEFT, PConstants.BASELINE);
    }

    private static String name(Scene s, int i) {
        String p = s.paths.get(i);
        Path f = Path.of(p).getFileName();
        return f == null ? p : f.toString();
    }

    /** Which way the 3-D layout is turned: its x, y and z axes, bottom left of the free area, over the sprites. */
    void axes(PGraphics g, View view) {
        float ox = view.areaX() + 40, oy = view.areaY() + view.areaHeight() - 40, len = 26;
        int[] colours = {0xFFE15759, 0xFF59A14F, 0xFF4E79A7};
        String[] names = {"x", "y", "z"};
        g.strokeWeight(2);
        g.textAlign(PConstants.CENTER, PConstants.CENTER);
        for (int a = 0; a < 3; a++) {
            float dx = view.axes[2 * a] * len, dy = view.axes[2 * a + 1] * len;
            int c = colours[a] & 0x00FFFFFF | Math.round(255 * view.axesFade) << 24;
            g.stroke(c);
            g.line(ox, oy, ox + dx, oy + dy);
            g.fill(c);
            g.text(names[a], ox + dx * 1.35f, oy + dy * 1.35f);
        }
        g.noStroke();
    }
}
