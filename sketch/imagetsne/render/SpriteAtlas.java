package imagetsne.render;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.awt.image.ColorModel;
import java.awt.image.DataBufferInt;
import java.awt.image.Raster;
import java.awt.image.WritableRaster;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Thumbnails by item index, with mips as packed ARGB ints (non-premultiplied) for the software renderer.
 *
 * <p>{@link #set} is called from a worker thread while the animation thread draws. Each entry is an
 * immutable {@link Sprite} (final fields only), so a reader that sees the reference sees it complete;
 * writers are serialised and publish a grown array through a volatile field. Readers may see a new
 * thumbnail one frame late, never a half-built one.
 *
 * <p>Each thumbnail keeps its aspect: the longest side is at most {@code cellSize} (larger inputs are
 * downscaled, smaller ones kept as they are). Mips halve the level above (alpha-weighted 2x2 box) down
 * to a longest side of {@value #MIN_MIP}: 64/32/16/8/4 for the default cell of 64.
 *
 * <p>Memory layout matters for the software renderer: at 20,000 sprites of ~6 px it reads one 8x8 mip
 * per sprite, and with each sprite's mips in its own array those reads miss the caches (measured 11 ms
 * a frame against 4 ms with cache-resident data). So each mip level, level 0 included, is packed into
 * shared chunks in the order thumbnails arrive: the 8x8 mips of consecutive items are adjacent in memory,
 * and so are their small Sprite objects (no 16 KB level-0 array between them): ~5 ms. Setting an index
 * again leaves its old pixels unused in the pool until {@link #clear()}.
 */
public final class SpriteAtlas {
    /** Smallest mip kept (longest side in pixels). */
    public static final int MIN_MIP = 4;

    private final int cellSize;
    private volatile Sprite[] sprites = new Sprite[0];
    private final AtomicLong version = new AtomicLong();
    // mip pools, guarded by this: per level, the chunk being filled and its used length
    private int[][] poolChunk = new int[0][];
    private int[] poolUsed = new int[0];

    public SpriteAtlas(int cellSize) {
        if (cellSize < 1) throw new IllegalArgumentException("cell size must be positive: " + cellSize);
        this.cellSize = cellSize;
    }

    public int cellSize() { return cellSize; }

    /** Stores (a copy of) {@code image} as the thumbnail of item {@code i}; thread-safe. */
    public void set(int i, BufferedImage image) {
        if (i < 0) throw new IndexOutOfBoundsException("negative index " + i);
        if (image == null) throw new NullPointerException("image");
        Sprite s = Sprite.of(image, cellSize, this); // the expensive part, outside the lock
        synchronized (this) {
            Sprite[] a = sprites;
            if (i >= a.length) {
                a = Arrays.copyOf(a, Math.max(i + 1, Math.max(16, a.length + (a.length >> 1))));
                a[i] = s;
                sprites = a;
            } else {
                a[i] = s;
            }
            version.incrementAndGet();
        }
    }

    public boolean has(int i) { return sprite(i) != null; }

    /** Width / height of item i's thumbnail, 1 when unknown. */
    public float aspect(int i) {
        Sprite s = sprite(i);
        return s == null ? 1f : s.aspect;
    }

    /**
     * The thumbnail (TYPE_INT_ARGB, longest side <= cell size) or null. It shares memory with the atlas:
     * read it, do not draw into it.
     */
    public BufferedImage thumbnail(int i) {
        Sprite s = sprite(i);
        return s == null ? null : s.thumbnail();
    }

    /** Increments on every {@link #set} and {@link #clear}: renderers compare it to re-upload lazily. */
    public long version() { return version.get(); }

    /** Drops every thumbnail (new analysis or layout). */
    public synchronized void clear() {
        sprites = new Sprite[0];
        poolChunk = new int[0][]; // old chunks live on while a renderer still holds old sprites
        poolUsed = new int[0];
        version.incrementAndGet();
    }

    /** Number of index slots (one past the highest index ever set since the last clear, or more). */
    public int capacity() { return sprites.length; }

    Sprite sprite(int i) {
        Sprite[] a = sprites;
        return i >= 0 && i < a.length ? a[i] : null;
    }

    /** The current entries, for one frame's draw (entries may be null; do not modify). */
    Sprite[] snapshot() {
        version.get(); // volatile read: every set() counted so far happens-before what we read next
        return sprites;
    }

    /** Reserves len ints for mip level k; returns the chunk and stores the offset in off[k]. */
    private synchronized int[] reserve(int k, int len, int squareLen, int[] off) {
        if (k >= poolChunk.length) {
            poolChunk = Arrays.copyOf(poolChunk, k + 1);
            poolUsed = Arrays.copyOf(poolUsed, k + 1);
        }
        int[] c = poolChunk[k];
        if (c == null || poolUsed[k] + len > c.length) {
            // room for 256 square thumbnails of this level, at most 4 MB unless one needs more
            c = poolChunk[k] = new int[Math.max(len, Math.min(squareLen * 256, 1 << 20))];
            poolUsed[k] = 0;
        }
        off[k] = poolUsed[k];
        poolUsed[k] += len;
        return c;
    }

    /**
     * One thumbnail with its mips: level k is pix[k][off[k] ..] (w[k] x h[k], row-major), level 0 being
     * the thumbnail itself. Immutable after construction.
     */
    static final class Sprite {
        final int[][] pix;
        final int[] w, h, off; // per level
        final int[] longest;   // per level: max(w, h)
        final int levels;
        final float aspect;
        final boolean opaque;  // every pixel of level 0 (hence of every mip) has alpha 255

        private Sprite(int[][] pix, int[] w, int[] h, int[] off, boolean opaque) {
            this.pix = pix;
            this.w = w;
            this.h = h;
            this.off = off;
            this.levels = w.length;
            this.longest = new int[levels];
            for (int k = 0; k < levels; k++) longest[k] = Math.max(w[k], h[k]);
            this.aspect = (float) w[0] / h[0];
            this.opaque = opaque;
        }

        /** Width of a sprite whose longest side is `size` (aspect kept); a missing sprite is a square placeholder. */
        static float width(Sprite sp, float size) { return sp != null && sp.aspect < 1f ? size * sp.aspect : size; }

        /** Height of a sprite whose longest side is `size` (aspect kept); a missing sprite is a square placeholder. */
        static float height(Sprite sp, float size) { return sp != null && sp.aspect >= 1f ? size / sp.aspect : size; }

        /** Level whose longest side is the smallest one still >= px (level 0 when px is larger). */
        int levelFor(float px) {
            int k = 0;
            while (k + 1 < levels && longest[k + 1] >= px) k++;
            return k;
        }

        BufferedImage thumbnail() {
            DataBufferInt db = new DataBufferInt(pix[0], w[0] * h[0], off[0]);
            WritableRaster r = Raster.createPackedRaster(db, w[0], h[0], w[0],
                    new int[] {0xFF0000, 0xFF00, 0xFF, 0xFF000000}, null);
            return new BufferedImage(ColorModel.getRGBdefault(), r, false, null);
        }

        static Sprite of(BufferedImage image, int cellSize, SpriteAtlas pool) {
            int iw = image.getWidth(), ih = image.getHeight();
            if (iw < 1 || ih < 1) throw new IllegalArgumentException("empty image");
            int w0 = iw, h0 = ih;
            if (Math.max(iw, ih) > cellSize) {
                if (iw >= ih) { w0 = cellSize; h0 = Math.max(1, Math.round((float) ih * cellSize / iw)); }
                else { h0 = cellSize; w0 = Math.max(1, Math.round((float) iw * cellSize / ih)); }
                image = downscale(image, w0, h0);
            }
            // level sizes: halve while the longest side stays >= MIN_MIP
            int levels = 1;
            for (int lw = w0, lh = h0; Math.max(lw / 2, lh / 2) >= MIN_MIP; lw /= 2, lh /= 2) levels++;
            int[] w = new int[levels], h = new int[levels], off = new int[levels];
            int[][] pix = new int[levels][];
            for (int k = 0; k < levels; k++) {
                w[k] = k == 0 ? w0 : Math.max(1, w[k - 1] / 2);
                h[k] = k == 0 ? h0 : Math.max(1, h[k - 1] / 2);
                int square = (cellSize >> k) * (cellSize >> k);
                pix[k] = pool.reserve(k, w[k] * h[k], Math.max(1, square), off);
            }
            int[] data = pix[0];
            image.getRGB(0, 0, w0, h0, data, off[0], w0); // any image type -> non-premultiplied sRGB ARGB
            boolean opaque = true;
            for (int p = off[0], m = p + w0 * h0; p < m; p++) if ((data[p] >>> 24) != 255) { opaque = false; break; }
            for (int k = 1; k < levels; k++) halve(pix[k - 1], off[k - 1], w[k - 1], h[k - 1], pix[k], off[k], w[k], h[k]);
            return new Sprite(pix, w, h, off, opaque);
        }

        /** Bilinear steps of at most 2x (plain bilinear from 4x or more skips pixels and aliases). */
        private static BufferedImage downscale(BufferedImage src, int tw, int th) {
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
        private static void halve(int[] d, int so, int sw, int sh, int[] o, int doff, int dw, int dh) {
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
}
