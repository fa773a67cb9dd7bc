package imagetsne.features;

import imagetsne.source.ImageDecoder;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * An instance-retrieval set made from real pictures: several random crops, flips, rotations and colour
 * changes of each source picture, each source its own class. Features that group a picture's variants
 * together recognise content, not pixels.
 */
public final class InstanceSet {
    public record Sample(BufferedImage image, int label, String name) {}

    private InstanceSet() {}

    /** {@code variants} versions of each source, drawn with {@code seed}; sources are first shrunk to 512 px. */
    public static List<Sample> make(List<Path> sources, int variants, long seed) throws IOException {
        Random r = new Random(seed);
        List<Sample> out = new ArrayList<>();
        for (int s = 0; s < sources.size(); s++) {
            BufferedImage src = ImageDecoder.thumbnail(ImageDecoder.read(sources.get(s)), 512);
            for (int v = 0; v < variants; v++) {
                out.add(new Sample(variant(src, r), s, sources.get(s).getFileName() + "#" + v));
            }
        }
        return out;
    }

    /** A crop of 50-90% of each side, maybe mirrored, rotated by up to 25 degrees, with changed brightness, contrast and saturation. */
    static BufferedImage variant(BufferedImage src, Random r) {
        int w = src.getWidth(), h = src.getHeight();
        double fx = 0.5 + 0.4 * r.nextDouble(), fy = 0.5 + 0.4 * r.nextDouble();
        int cw = Math.max(8, (int) (w * fx)), ch = Math.max(8, (int) (h * fy));
        int x0 = r.nextInt(w - cw + 1), y0 = r.nextInt(h - ch + 1);
        int side = 320;
        double scale = side / (double) Math.max(cw, ch);
        int ow = Math.max(8, (int) (cw * scale)), oh = Math.max(8, (int) (ch * scale));
        BufferedImage out = new BufferedImage(ow, oh, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = out.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.setColor(new java.awt.Color(r.nextInt(256), r.nextInt(256), r.nextInt(256)));
        g.fillRect(0, 0, ow, oh);
        AffineTransform t = new AffineTransform();
        t.translate(ow / 2.0, oh / 2.0);
        t.rotate(Math.toRadians((r.nextDouble() * 2 - 1) * 25));
        if (r.nextBoolean()) t.scale(-1, 1);
        t.scale(scale * 1.15, scale * 1.15); // a little zoom, so the rotated crop mostly fills the frame
        t.translate(-(x0 + cw / 2.0), -(y0 + ch / 2.0));
        g.drawImage(src, t, null);
        g.dispose();
        double bright = 0.7 + 0.6 * r.nextDouble(), contrast = 0.7 + 0.6 * r.nextDouble(), sat = 0.4 + 1.0 * r.nextDouble();
        int[] px = out.getRGB(0, 0, ow, oh, null, 0, ow);
        for (int i = 0; i < px.length; i++) {
            int p = px[i];
            double rr = (p >> 16) & 255, gg = (p >> 8) & 255, bb = p & 255;
            double grey = 0.299 * rr + 0.587 * gg + 0.114 * bb;
            rr = grey + (rr - grey) * sat;
            gg = grey + (gg - grey) * sat;
            bb = grey + (bb - grey) * sat;
            rr = ((rr - 128) * contrast + 128) * bright;
            gg = ((gg - 128) * contrast + 128) * bright;
            bb = ((bb - 128) * contrast + 128) * bright;
            px[i] = 0xFF000000 | (clamp(rr) << 16) | (clamp(gg) << 8) | clamp(bb);
        }
        out.setRGB(0, 0, ow, oh, px, 0, ow);
        return out;
    }

    private static int clamp(double v) { return (int) Math.max(0, Math.min(255, Math.round(v))); }
}
