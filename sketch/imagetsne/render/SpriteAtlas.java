package imagetsne.render;

import java.awt.image.BufferedImage;
import java.awt.image.ColorModel;
import java.awt.image.DataBufferInt;
import java.awt.image.Raster;
import java.awt.image.WritableRaster;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Thumbnails by item index, with mips as packed ARGB ints (non-premultiplied) for the software renderer,
 * within a memory budget.
 *
 * <p>{@link #set} is called from worker threads while the animation thread draws. Each entry is an
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
 * a frame against 4 ms with cache-resident data). So the levels are packed into shared chunks, one pool
 * per size class (longest side in (2^(c-1), 2^c]), in the order thumbnails arrive: the 8x8 mips of
 * consecutive items are adjacent in memory, and so are their small Sprite objects. Setting an index
 * again leaves its old pixels unused in the pool until {@link #clear()}.
 *
 * <p>The budget: when the pools would pass it, the largest size class still kept is dropped from every
 * sprite and its chunks freed, so the resident side halves (64, 32, 16, ..., at least
 * {@value #MIN_RESIDENT}); {@link #expect} picks the side up front when the count is known. What is
 * lost up close, {@link SpriteDetail} brings back for the sprites near the camera, as PixPlot does.
 */
public final class SpriteAtlas {
    /** Smallest mip kept (longest side in pixels). */
    public static final int MIN_MIP = 4;
    /** The resident side never drops below this. */
    public static final int MIN_RESIDENT = 8;
    /** Bytes of one Sprite with its small arrays, roughly, counted against the budget. */
    static final int SPRITE_OVERHEAD = 256;

    private final int cellSize;
    private final long budget;
    private volatile int resident;
    private volatile Sprite[] sprites = new Sprite[0];
    private final AtomicLong version = new AtomicLong();
    // mip pools, guarded by this: per size class, the chunk being filled, its used length and the bytes of all its chunks
    private int[][] poolChunk = new int[0][];
    private int[] poolUsed = new int[0];
    private long[] poolBytes = new long[0];
    private long bytes;
    private int filled; // entries set, guarded by this
    private volatile SpriteDetail detail;

    /** An atlas with the default budget, a quarter of the heap. */
    public SpriteAtlas(int cellSize) { this(cellSize, defaultBudget()); }

    /** @param budget bytes the thumbnails may take (pixels and sprite objects) before cells shrink */
    public SpriteAtlas(int cellSize, long budget) {
        if (cellSize < 1) throw new IllegalArgumentException("cell size must be positive: " + cellSize);
        if (budget < 1) throw new IllegalArgumentException("budget must be positive: " + budget);
        this.cellSize = cellSize;
        this.budget = budget;
        this.resident = cellSize;
    }

    /** A quarter of the heap: the sketch also holds the analysis's features and t-SNE state. */
    public static long defaultBudget() { return Runtime.getRuntime().maxMemory() / 4; }

    public int cellSize() { return cellSize; }

    /** The longest side thumbnails are kept at now: the cell size until the budget made it smaller. */
    public int residentSide() { return resident; }

    public long budget() { return budget; }

    /** Bytes held by the pools and sprite objects (chunks are counted whole). */
    public synchronized long bytes() { return bytes + (long) SPRITE_OVERHEAD * filled; }

    /** Bytes of one square sprite of longest side {@code side} with its mips. */
    static long spriteBytes(int side) {
        long ints = 0;
        for (int s = side; s >= MIN_MIP || s == side; s /= 2) ints += (long) s * s;
        return 4 * ints + SPRITE_OVERHEAD;
    }

    /**
     * Sizes the cells for {@code n} thumbnails before they come: the largest resident side at which n
     * square sprites fit the budget (so none is built at a size that is dropped later).
     */
    public synchronized void expect(int n) {
        int side = resident;
        while (side > MIN_RESIDENT && n * spriteBytes(side) > budget) side = Math.max(MIN_RESIDENT, lowerPowerOfTwo(side));
        if (side < resident) shrinkTo(side);
    }

    /** Stores (a copy of) {@code image} as the thumbnail of item {@code i}; thread-safe. */
    public void set(int i, BufferedImage image) {
        if (i < 0) throw new IndexOutOfBoundsException("negative index " + i);
        if (image == null) throw new NullPointerException("image");
        put(i, Sprite.of(image, Math.min(cellSize, resident), cellSize, this::reserve)); // the expensive part, outside the lock
    }

    private void put(int i, Sprite s) {
        synchronized (this) {
            if (s.longest[0] > resident) s = s.keepAtMost(resident); // the budget shrank the cells meanwhile
            Sprite[] a = sprites;
            if (i >= a.length) {
                a = Arrays.copyOf(a, Math.max(i + 1, Math.max(16, a.length + (a.length >> 1))));
                a[i] = s;
                sprites = a;
            } else {
                if (a[i] != null) filled--;
                a[i] = s;
            }
            filled++;
            version.incrementAndGet();
            while (bytes() > budget && resident > MIN_RESIDENT) shrinkTo(Math.max(MIN_RESIDENT, lowerPowerOfTwo(resident)));
        }
    }

    /** The largest power of two below v (v > 1). */
    private static int lowerPowerOfTwo(int v) { return Integer.highestOneBit(v - 1); }

    /** Drops every level longer than side from every sprite, and the pools that held only those. */
    private void shrinkTo(int side) {
        resident = side;
        Sprite[] a = sprites.clone();
        for (int i = 0; i < a.length; i++) if (a[i] != null && a[i].longest[0] > side) a[i] = a[i].keepAtMost(side);
        for (int c = sizeClass(side) + 1; c < poolChunk.length; c++) {
            bytes -= poolBytes[c];
            poolBytes[c] = 0;
            poolChunk[c] = null;
            poolUsed[c] = 0;
        }
        sprites = a;
        version.incrementAndGet();
    }

    public boolean has(int i) { return sprite(i) != null; }

    /** Width / height of item i's thumbnail, 1 when unknown. */
    public float aspect(int i) {
        Sprite s = sprite(i);
        return s == null ? 1f : s.aspect;
    }

    /**
     * The thumbnail as kept (TYPE_INT_ARGB, longest side <= the resident side) or null. It shares memory
     * with the atlas: read it, do not draw into it.
     */
    public BufferedImage thumbnail(int i) {
        Sprite s = sprite(i);
        return s == null ? null : s.thumbnail();
    }

    /** Increments on every {@link #set}, {@link #clear} and shrink: renderers compare it to re-upload lazily. */
    public long version() { return version.get(); }

    /** Drops every thumbnail (new analysis or layout); the cells go back to the cell size. */
    public synchronized void clear() {
        sprites = new Sprite[0];
        poolChunk = new int[0][]; // old chunks live on while a renderer still holds old sprites
        poolUsed = new int[0];
        poolBytes = new long[0];
        bytes = 0;
        filled = 0;
        resident = cellSize;
        SpriteDetail d = detail;
        if (d != null) d.clear();
        version.incrementAndGet();
    }

    /**
     * A new atlas with the same cell size and budget whose entry i is this one's entry {@code from[i]}
     * (none when negative or unset), remembering which entries the budget trimmed.
     */
    public SpriteAtlas reordered(int[] from) {
        SpriteAtlas a = new SpriteAtlas(cellSize, budget);
        a.expect(from.length);
        for (int i = 0; i < from.length; i++) {
            Sprite s = sprite(from[i]);
            if (s != null) a.put(i, Sprite.of(s.thumbnail(), Math.min(cellSize, a.resident), s.full, a::reserve));
        }
        return a;
    }

    /** Number of index slots (one past the highest index ever set since the last clear, or more). */
    public int capacity() { return sprites.length; }

    /**
     * Where full-size thumbnails come from for sprites shown larger than the resident side (index to
     * image, called on a worker thread; null when it has none), or null to stop. {@code arrived} runs
     * (on that thread) when new ones are ready to draw.
     */
    public void setDetailSource(java.util.function.IntFunction<BufferedImage> source, Runnable arrived) {
        SpriteDetail old = detail;
        detail = source == null ? null : new SpriteDetail(this, source, arrived, Math.max(8L << 20, budget / 8));
        if (old != null) old.close();
    }

    /** The detail cache, or null when no source is set. */
    SpriteDetail detail() { return detail; }

    Sprite sprite(int i) {
        Sprite[] a = sprites;
        return i >= 0 && i < a.length ? a[i] : null;
    }

    /** The current entries, for one frame's draw (entries may be null; do not modify). */
    Sprite[] snapshot() {
        version.get(); // volatile read: every set() counted so far happens-before what we read next
        return sprites;
    }

    /** The pool of levels whose longest side is in (2^(c-1), 2^c]. */
    static int sizeClass(int longest) { return 32 - Integer.numberOfLeadingZeros(Math.max(1, longest) - 1); }

    /** Reserves len ints for a level of longest side `longest`; returns the chunk and stores the offset in off[k]. */
    private synchronized int[] reserve(int k, int longest, int len, int[] off) {
        if (longest > resident) { off[k] = 0; return new int[len]; } // the cells shrank while this was built: set() drops it
        int c = sizeClass(longest);
        if (c >= poolChunk.length) {
            poolChunk = Arrays.copyOf(poolChunk, c + 1);
            poolUsed = Arrays.copyOf(poolUsed, c + 1);
            poolBytes = Arrays.copyOf(poolBytes, c + 1);
        }
        int[] chunk = poolChunk[c];
        if (chunk == null || poolUsed[c] + len > chunk.length) {
            // room for 256 square thumbnails of this class, at most 4 MB unless one needs more
            long square = 1L << (2 * c);
            chunk = poolChunk[c] = new int[(int) Math.max(len, Math.min(square * 256, 1 << 20))];
            poolUsed[c] = 0;
            poolBytes[c] += 4L * chunk.length;
            bytes += 4L * chunk.length;
        }
        off[k] = poolUsed[c];
        poolUsed[c] += len;
        return chunk;
    }

    /** Where a sprite's levels are stored: level k of longest side `longest`, len ints; the offset goes to off[k]. */
    interface Store {
        int[] reserve(int k, int longest, int len, int[] off);
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
        final int full;        // longest side as built: more than longest[0] when the budget dropped levels

        private Sprite(int[][] pix, int[] w, int[] h, int[] off, boolean opaque, float aspect, int full) {
            this.pix = pix;
            this.w = w;
            this.h = h;
            this.off = off;
            this.levels = w.length;
            this.longest = new int[levels];
            for (int k = 0; k < levels; k++) longest[k] = Math.max(w[k], h[k]);
            this.aspect = aspect;
            this.opaque = opaque;
            this.full = full;
        }

        /** True when the budget dropped this sprite's larger levels: a detail copy would show more. */
        boolean trimmed() { return full > longest[0]; }

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

        /** The same sprite without the levels longer than side (the smallest level stays in any case). */
        Sprite keepAtMost(int side) {
            int k = 0;
            while (k + 1 < levels && longest[k] > side) k++;
            if (k == 0) return this;
            return new Sprite(Arrays.copyOfRange(pix, k, levels), Arrays.copyOfRange(w, k, levels), Arrays.copyOfRange(h, k, levels),
                    Arrays.copyOfRange(off, k, levels), opaque, aspect, full);
        }

        /** A sprite of image at longest side at most cellSize, its levels put where store says. */
        static Sprite of(BufferedImage image, int cellSize, Store store) { return of(image, cellSize, cellSize, store); }

        /** The same, for an atlas whose cells are {@code full} px but keep only {@code cellSize} now. */
        static Sprite of(BufferedImage image, int cellSize, int full, Store store) {
            int iw = image.getWidth(), ih = image.getHeight();
            if (iw < 1 || ih < 1) throw new IllegalArgumentException("empty image");
            int w0 = iw, h0 = ih;
            int[] halved = null;
            if (Math.max(iw, ih) > cellSize) {
                if (iw >= ih) { w0 = cellSize; h0 = Math.max(1, Math.round((float) ih * cellSize / iw)); }
                else { h0 = cellSize; w0 = Math.max(1, Math.round((float) iw * cellSize / ih)); }
                halved = SpritePixels.halvedTo(image, w0, h0);
                if (halved == null) image = SpritePixels.downscale(image, w0, h0);
            }
            // level sizes: halve while the longest side stays >= MIN_MIP
            int levels = 1;
            for (int lw = w0, lh = h0; Math.max(lw / 2, lh / 2) >= MIN_MIP; lw /= 2, lh /= 2) levels++;
            int[] w = new int[levels], h = new int[levels], off = new int[levels];
            int[][] pix = new int[levels][];
            for (int k = 0; k < levels; k++) {
                w[k] = k == 0 ? w0 : Math.max(1, w[k - 1] / 2);
                h[k] = k == 0 ? h0 : Math.max(1, h[k - 1] / 2);
                pix[k] = store.reserve(k, Math.max(w[k], h[k]), w[k] * h[k], off);
            }
            int[] data = pix[0];
            System.arraycopy(halved != null ? halved : SpritePixels.argb(image), 0, data, off[0], w0 * h0);
            boolean opaque = true;
            for (int p = off[0], m = p + w0 * h0; p < m; p++) if ((data[p] >>> 24) != 255) { opaque = false; break; }
            for (int k = 1; k < levels; k++) SpritePixels.halve(pix[k - 1], off[k - 1], w[k - 1], h[k - 1], pix[k], off[k], w[k], h[k]);
            return new Sprite(pix, w, h, off, opaque, (float) w0 / h0, Math.min(full, Math.max(iw, ih)));
        }
    }
}
