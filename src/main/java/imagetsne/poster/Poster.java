package imagetsne.poster;

import imagetsne.io.AtomicFiles;
import imagetsne.layout.Item;
import imagetsne.layout.Layout;
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
     * The t-SNE view: every thumbnail centred on its normalised point on a square canvas of `side` pixels.
     * Sprite size grows with the space per image so small sets are not dots and large sets not a smear.
     */
    public static BufferedImage tsne(Layout layout, List<BufferedImage> thumbs, int side) {
        int n = Math.max(1, layout.size());
        int sprite = (int) Math.max(6, Math.min(96, 1.6 * side / Math.sqrt(n)));
        BufferedImage out = canvas(side, side);
        Graphics2D g = out.createGraphics();
        quality(g);
        double span = side - sprite - 8;
        for (int i = 0; i < layout.size(); i++) {
            Item it = layout.get(i);
            int cx = (int) Math.round(4 + sprite / 2.0 + it.x() * span);
            int cy = (int) Math.round(4 + sprite / 2.0 + it.y() * span);
            draw(g, thumbs == null || i >= thumbs.size() ? null : thumbs.get(i), cx, cy, sprite);
        }
        g.dispose();
        return out;
    }

    /** The grid view: one cell per image, at most `maxSide` pixels on the long side, cells at most 64 px. */
    public static BufferedImage grid(Layout layout, List<BufferedImage> thumbs, int maxSide) {
        if (!layout.hasGrid()) throw new IllegalArgumentException("layout has no grid");
        int cols = layout.gridCols(), rows = layout.gridRows();
        int cell = Math.max(4, Math.min(64, maxSide / Math.max(cols, rows)));
        BufferedImage out = canvas(cols * cell, rows * cell);
        Graphics2D g = out.createGraphics();
        quality(g);
        for (int i = 0; i < layout.size(); i++) {
            Item it = layout.get(i);
            int cx = it.col() * cell + cell / 2, cy = it.row() * cell + cell / 2;
            draw(g, thumbs == null || i >= thumbs.size() ? null : thumbs.get(i), cx, cy, Math.max(2, cell - 2));
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
