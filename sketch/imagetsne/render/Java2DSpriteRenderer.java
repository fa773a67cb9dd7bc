package imagetsne.render;

import processing.core.PGraphics;

import java.awt.Image;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.awt.image.SinglePixelPackedSampleModel;
import java.awt.image.WritableRaster;
import java.util.Arrays;

/**
 * Software sprite rasteriser for JAVA2D sketches: nearest-neighbour from the mip closest above the
 * sprite size, source-over alpha, written straight into the frame's ints.
 *
 * <p>Direct mode writes into the DataBufferInt of PGraphicsJava2D's BufferedImage (TYPE_INT_ARGB, the
 * image the window shows): no per-frame copy. Java2D draws into that image immediately, so drawing
 * with {@code g} before and after {@link #draw} layers as expected. Pixels mode (or when the image is
 * not a plain int ARGB/RGB raster) goes through loadPixels()/updatePixels(): two full-frame copies.
 *
 * <p>pixelDensity 2 works: positions and sizes are scaled to device pixels and the frame is
 * pixelDensity pixels thick. The current transform and clip of {@code g} are ignored.
 */
final class Java2DSpriteRenderer implements SpriteRenderer {
    private final boolean direct;
    private Image boundImage;   // the BufferedImage whose ints are boundData
    private int[] boundData;
    private boolean boundOpaque; // TYPE_INT_RGB: destination alpha bits are meaningless

    Java2DSpriteRenderer(boolean direct) { this.direct = direct; }

    @Override public String name() { return direct ? "java2d" : "java2d-pixels"; }

    @Override
    public int draw(PGraphics g, SpriteAtlas atlas, float[] x, float[] y, int n, float size, int[] frame) {
        if (n <= 0) return 0;
        if (x.length < n || y.length < n) throw new IllegalArgumentException("x/y shorter than n=" + n);
        return draw(g, atlas, x, y, size, null, null, n, frame);
    }

    @Override
    public int draw(PGraphics g, SpriteAtlas atlas, float[] x, float[] y, float[] size, int[] order, int m, int[] frame) {
        if (m <= 0) return 0;
        if (order.length < m) throw new IllegalArgumentException("order shorter than m=" + m);
        return draw(g, atlas, x, y, Float.NaN, size, order, m, frame);
    }

    private int draw(PGraphics g, SpriteAtlas atlas, float[] x, float[] y, float size, float[] sizes, int[] order, int m, int[] frame) {
        float density = Math.max(1, g.pixelDensity);
        SpriteAtlas.Sprite[] sprites = atlas == null ? new SpriteAtlas.Sprite[0] : atlas.snapshot();
        if (direct && bind(g.image)) {
            BufferedImage bi = (BufferedImage) boundImage;
            return raster(boundData, bi.getWidth(), bi.getHeight(), boundOpaque, sprites, x, y, order, m, size, sizes, density, frame);
        }
        g.loadPixels();
        int drawn = raster(g.pixels, g.pixelWidth, g.pixelHeight, false, sprites, x, y, order, m, size, sizes, density, frame);
        g.updatePixels();
        return drawn;
    }

    /** Points boundData at image's ints when it is a plain packed int raster we can blend into. */
    private boolean bind(Image image) {
        if (image == boundImage && boundData != null) return true;
        boundImage = null;
        boundData = null;
        if (!(image instanceof BufferedImage bi)) return false;
        int type = bi.getType();
        if (type != BufferedImage.TYPE_INT_ARGB && type != BufferedImage.TYPE_INT_RGB) return false;
        WritableRaster r = bi.getRaster();
        if (!(r.getDataBuffer() instanceof DataBufferInt db) || !(r.getSampleModel() instanceof SinglePixelPackedSampleModel sm)) return false;
        if (r.getParent() != null || sm.getScanlineStride() != bi.getWidth() || db.getOffset() != 0
                || r.getSampleModelTranslateX() != 0 || r.getSampleModelTranslateY() != 0) return false;
        // getData() makes Java2D stop caching the image in video memory; it is redrawn every frame anyway
        boundData = db.getData();
        boundImage = image;
        boundOpaque = type == BufferedImage.TYPE_INT_RGB;
        return true;
    }

    @Override
    public void dispose() {
        boundImage = null;
        boundData = null;
    }

    /**
     * Rasterises sprites into dst (W x H device pixels, row-major ARGB). Positions and size are in
     * logical pixels, multiplied by density. Returns the number of sprites not culled.
     */
    static int raster(int[] dst, int W, int H, boolean dstOpaque, SpriteAtlas.Sprite[] sprites,
                      float[] x, float[] y, int n, float size, float density, int[] frame) {
        return raster(dst, W, H, dstOpaque, sprites, x, y, null, n, size, null, density, frame);
    }

    /**
     * The same for sprites order[0..m-1] in that order, sprite i of size sizes[i] (order null: 0..m-1;
     * sizes null: all of {@code size}).
     */
    static int raster(int[] dst, int W, int H, boolean dstOpaque, SpriteAtlas.Sprite[] sprites,
                      float[] x, float[] y, int[] order, int m, float size, float[] sizes, float density, int[] frame) {
        if (m <= 0 || sizes == null && !(size > 0)) return 0;
        int t = Math.max(1, Math.round(density)); // frame thickness: one logical pixel
        int drawn = 0;
        for (int k = 0; k < m; k++) {
            int i = order == null ? k : order[k];
            float s = (sizes == null ? size : sizes[i]) * density;
            if (!(s > 0)) continue;
            float cx = x[i] * density, cy = y[i] * density;
            if (Float.isNaN(cx) || Float.isNaN(cy)) continue;
            SpriteAtlas.Sprite sp = i < sprites.length ? sprites[i] : null;
            float sw = SpriteAtlas.Sprite.width(sp, s), sh = SpriteAtlas.Sprite.height(sp, s);
            // edges rounded independently: equal sprites on a grid tile without gaps or overlaps
            long x0 = Math.round((double) cx - sw * 0.5), x1 = Math.round((double) cx + sw * 0.5);
            long y0 = Math.round((double) cy - sh * 0.5), y1 = Math.round((double) cy + sh * 0.5);
            if (x1 <= x0) x1 = x0 + 1;
            if (y1 <= y0) y1 = y0 + 1;
            if (x1 <= 0 || x0 >= W || y1 <= 0 || y0 >= H) continue;
            drawn++;
            if (sp == null) fill(dst, W, H, x0, y0, x1, y1, PLACEHOLDER, dstOpaque);
            else blit(dst, W, H, dstOpaque, sp, sp.levelFor(s), x0, y0, x1, y1);
            int fc = frame != null && i < frame.length ? frame[i] : 0;
            if (fc != 0) {
                fill(dst, W, H, x0, y0, x1, Math.min(y1, y0 + t), fc, dstOpaque);
                fill(dst, W, H, x0, Math.max(y0, y1 - t), x1, y1, fc, dstOpaque);
                fill(dst, W, H, x0, y0 + t, Math.min(x1, x0 + t), y1 - t, fc, dstOpaque);
                fill(dst, W, H, Math.max(x0, x1 - t), y0 + t, x1, y1 - t, fc, dstOpaque);
            }
        }
        return drawn;
    }

    /** Nearest-neighbour scaled copy of mip k onto [x0,x1) x [y0,y1), clipped to the frame. */
    private static void blit(int[] dst, int W, int H, boolean dstOpaque, SpriteAtlas.Sprite sp, int k,
                             long x0, long y0, long x1, long y1) {
        int mw = sp.w[k], mh = sp.h[k];
        long dw = x1 - x0, dh = y1 - y0;
        // 32.32 fixed-point source steps, sampled at destination pixel centres; the index stays below
        // mw because du ~ floor(mw * 2^32 / dw) (the half step of slack dwarfs the rounding error)
        long du = (long) (mw * 4294967296.0 / dw), dv = (long) (mh * 4294967296.0 / dh); // double: no 64-bit div
        if (du == 0 || dv == 0) return; // wider than mw * 2^32 pixels: nothing sensible to sample
        int cx0 = (int) Math.max(x0, 0), cx1 = (int) Math.min(x1, W);
        int cy0 = (int) Math.max(y0, 0), cy1 = (int) Math.min(y1, H);
        int[] src = sp.pix[k];
        int base = sp.off[k];
        long uStart = (cx0 - x0) * du + (du >> 1);
        long v = (cy0 - y0) * dv + (dv >> 1);
        int len = cx1 - cx0;
        boolean opaque = sp.opaque;
        for (int yy = cy0; yy < cy1; yy++, v += dv) {
            int row = base + (int) (v >>> 32) * mw;
            int d = yy * W + cx0, end = d + len;
            long u = uStart;
            if (opaque) {
                for (; d < end; d++, u += du) dst[d] = src[row + (int) (u >>> 32)];
            } else {
                for (; d < end; d++, u += du) {
                    int p = src[row + (int) (u >>> 32)];
                    int a = p >>> 24;
                    if (a == 255) dst[d] = p;
                    else if (a != 0) dst[d] = over(p, a, dst[d], dstOpaque);
                }
            }
        }
    }

    /** Fills [x0,x1) x [y0,y1) clipped to the frame with colour c (source-over when translucent). */
    private static void fill(int[] dst, int W, int H, long x0, long y0, long x1, long y1, int c, boolean dstOpaque) {
        int cx0 = (int) Math.max(x0, 0), cx1 = (int) Math.min(x1, W);
        int cy0 = (int) Math.max(y0, 0), cy1 = (int) Math.min(y1, H);
        if (cx0 >= cx1 || cy0 >= cy1) return;
        int a = c >>> 24;
        if (a == 0) return;
        for (int yy = cy0; yy < cy1; yy++) {
            int d = yy * W + cx0, end = d + (cx1 - cx0);
            if (a == 255) Arrays.fill(dst, d, end, c);
            else for (; d < end; d++) dst[d] = over(c, a, dst[d], dstOpaque);
        }
    }

    /** Source-over of non-premultiplied ARGB s (alpha a, 1..254) onto d. */
    static int over(int s, int a, int d, boolean dstOpaque) {
        int da = d >>> 24;
        if (da == 255 || dstOpaque) {
            // two channels per multiply; a1 maps 0..255 onto 0..256 so that 255 is exact
            int a1 = a + (a >>> 7), ia = 256 - a1;
            int rb = (((s & 0xFF00FF) * a1 + (d & 0xFF00FF) * ia) >>> 8) & 0xFF00FF;
            int g = (((s & 0xFF00) * a1 + (d & 0xFF00) * ia) >>> 8) & 0xFF00;
            return 0xFF000000 | rb | g;
        }
        if (da == 0) return s;
        // translucent destination (offscreen buffers): the exact non-premultiplied formula
        int wd = da * (255 - a);            // destination weight, scale 255*255
        int ws = a * 255;                   // source weight, same scale
        int out = ws + wd;                  // result alpha * 255
        int r = ((s >> 16 & 255) * ws + (d >> 16 & 255) * wd + out / 2) / out;
        int g = ((s >> 8 & 255) * ws + (d >> 8 & 255) * wd + out / 2) / out;
        int b = ((s & 255) * ws + (d & 255) * wd + out / 2) / out;
        return (out + 127) / 255 << 24 | r << 16 | g << 8 | b;
    }
}
