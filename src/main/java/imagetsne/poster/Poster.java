package imagetsne.poster;

import imagetsne.grid.GridShape;
import imagetsne.io.AtomicFiles;
import imagetsne.layout.Item;
import imagetsne.layout.Layout;
import imagetsne.layout.Placement;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;

/**
 * PNG posters of a layout drawn with plain Java2D, so the command line works on a headless server
 * (no display, no OpenGL). The sketch has its own on-screen renderer.
 */
public final class Poster {
    public static final Color BACKGROUND = new Color(24, 24, 24);
    private static final Color PLACEHOLDER = new Color(90, 90, 90);

    private Poster() {}

    /**
     * The t-SNE view: every thumbnail centred on its normalised point, placed as on screen at fit zoom
     * ({@link Placement}): the canvas has the grid's proportions, its long side {@code longSide} pixels,
     * and each sprite gets about the area a grid cell would.
     */
    public static BufferedImage tsne(Layout layout, List<BufferedImage> thumbs, int longSide) {
        return draw(layout, thumbs, longSide, false);
    }

    /** The grid view on the same canvas: one square cell per image. */
    public static BufferedImage grid(Layout layout, List<BufferedImage> thumbs, int longSide) {
        if (!layout.hasGrid()) throw new IllegalArgumentException("layout has no grid");
        return draw(layout, thumbs, longSide, true);
    }

    private static BufferedImage draw(Layout layout, List<BufferedImage> thumbs, int longSide, boolean grid) {
        int n = Math.max(1, layout.size());
        GridShape shape = layout.hasGrid() ? layout.gridShape() : GridShape.choose(n, 1.5);
        double aspect = shape.cols() / (double) shape.rows();
        int w = aspect >= 1 ? longSide : Math.max(1, (int) Math.round(longSide * aspect));
        int h = aspect >= 1 ? Math.max(1, (int) Math.round(longSide / aspect)) : longSide;
        Placement p = Placement.fit(0, 0, w, h, shape);
        int sprite = (int) Math.round(grid ? p.gridSprite() : p.tsneSprite(n));
        BufferedImage out = canvas(w, h);
        Graphics2D g = out.createGraphics();
        quality(g);
        for (int i = 0; i < layout.size(); i++) {
            Item it = layout.get(i);
            double u = grid ? shape.cellX(it.col()) : it.x(), v = grid ? shape.cellY(it.row()) : it.y();
            draw(g, thumbs == null || i >= thumbs.size() ? null : thumbs.get(i), (int) Math.round(p.x(u)), (int) Math.round(p.y(v)), sprite);
        }
        g.dispose();
        return out;
    }

    public static void save(BufferedImage img, Path png) throws IOException {
        AtomicFiles.write(png, out -> {
            if (!ImageIO.write(img, "png", out)) throw new IOException("no PNG writer available");
        });
    }

    private static BufferedImage canvas(int w, int h) {
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        g.setColor(BACKGROUND);
        g.fillRect(0, 0, w, h);
        g.dispose();
        return out;
    }

    private static void quality(Graphics2D g) {
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
    }

    /** Fits the thumbnail into a size x size box centred on (cx, cy), keeping its aspect. */
    private static void draw(Graphics2D g, BufferedImage thumb, int cx, int cy, int size) {
        if (thumb == null) {
            g.setColor(PLACEHOLDER);
            g.fillRect(cx - size / 2, cy - size / 2, size, size);
            return;
        }
        double s = size / (double) Math.max(thumb.getWidth(), thumb.getHeight());
        int w = Math.max(1, (int) Math.round(thumb.getWidth() * s)), h = Math.max(1, (int) Math.round(thumb.getHeight() * s));
        g.drawImage(thumb, cx - w / 2, cy - h / 2, w, h, null);
    }
}
