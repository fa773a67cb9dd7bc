package imagetsne.render;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.awt.image.SinglePixelPackedSampleModel;
import java.awt.image.WritableRaster;

/** The pixel work of building a sprite: ARGB copies of thumbnails, scaling them into a cell, mip halving. */
final class SpritePixels {
    private SpritePixels() {}

    /**
     * The image box-halved down to tw x th when it is that size times a power of two (64 px thumbnails
     * into 32 or 16 px cells), else null. Much cheaper than Java2D's scaling, which made filling a
     * shrunken atlas of 200,000 slow.
     */
    static int[] halvedTo(BufferedImage image, int tw, int th) {
        int w = image.getWidth(), h = image.getHeight();
        if (w % tw != 0 || h % th != 0 || w / tw != h / th || Integer.bitCount(w / tw) != 1) return null;
        int[] cur = argb(image);
        while (w > tw) {
            int[] next = new int[(w / 2) * (h / 2)];
            halve(cur, 0, w, h, next, 0, w / 2, h / 2);
            cur = next;
            w /= 2;
            h /= 2;
        }
        return cur;
    }

    /**
     * The pixels as non-premultiplied sRGB ARGB, row-major: straight from the buffer of a plain
     * TYPE_INT_ARGB image (what the decoder makes), through getRGB for any other type (~10x slower).
     */
    static int[] argb(BufferedImage im) {
        int w = im.getWidth(), h = im.getHeight();
        WritableRaster r = im.getRaster();
        if (im.getType() == BufferedImage.TYPE_INT_ARGB && r.getDataBuffer() instanceof DataBufferInt db
                && r.getSampleModel() instanceof SinglePixelPackedSampleModel sm && db.getNumBanks() == 1) {
            int[] out = new int[w * h], src = db.getData();
            int stride = sm.getScanlineStride();
            int base = db.getOffset() - r.getSampleModelTranslateY() * stride - r.getSampleModelTranslateX();
            for (int y = 0; y < h; y++) System.arraycopy(src, base + y * stride, out, y * w, w);
            return out;
        }
        return im.getRGB(0, 0, w, h, null, 0, w);
    }

    /** Bilinear steps of at most 2x (plain bilinear from 4x or more skips pixels and aliases). */
    static BufferedImage downscale(BufferedImage src, int tw, int th) {
        BufferedImage cur = src;
        int cw = src.getWidth(), ch = src.getHeight();
        do {
            int nw = Math.max(tw, cw / 2), nh = Math.max(th, ch / 2);
            BufferedImage next = new BufferedImage(nw, nh, BufferedImage.TYPE_INT_ARGB);
            Graphics2D g = next.createGraphics();
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.drawImage(cur, 0, 0, nw, nh, null);
            g.dispose();
            cur = next;
            cw = nw;
            ch = nh;
        } while (cw != tw || ch != th);
        return cur;
    }

    /** 2x2 box filter weighted by alpha (transparent pixels do not darken the edges). */
    static void halve(int[] d, int so, int sw, int sh, int[] o, int doff, int dw, int dh) {
        for (int y = 0; y < dh; y++) {
            int y0 = Math.min(2 * y, sh - 1), y1 = Math.min(2 * y + 1, sh - 1);
            for (int x = 0; x < dw; x++) {
                int x0 = Math.min(2 * x, sw - 1), x1 = Math.min(2 * x + 1, sw - 1);
                int p0 = d[so + y0 * sw + x0], p1 = d[so + y0 * sw + x1];
                int p2 = d[so + y1 * sw + x0], p3 = d[so + y1 * sw + x1];
                int a0 = p0 >>> 24, a1 = p1 >>> 24, a2 = p2 >>> 24, a3 = p3 >>> 24;
                int as = a0 + a1 + a2 + a3;
                int out = 0;
                if (as > 0) {
                    int r = (a0 * (p0 >> 16 & 255) + a1 * (p1 >> 16 & 255) + a2 * (p2 >> 16 & 255) + a3 * (p3 >> 16 & 255) + as / 2) / as;
                    int g = (a0 * (p0 >> 8 & 255) + a1 * (p1 >> 8 & 255) + a2 * (p2 >> 8 & 255) + a3 * (p3 >> 8 & 255) + as / 2) / as;
                    int b = (a0 * (p0 & 255) + a1 * (p1 & 255) + a2 * (p2 & 255) + a3 * (p3 & 255) + as / 2) / as;
                    out = ((as + 2) >> 2) << 24 | r << 16 | g << 8 | b;
                }
                o[doff + y * dw + x] = out;
            }
        }
    }
}
