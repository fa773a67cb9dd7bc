package imagetsne.render;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntFunction;

/**
 * Level of detail near the camera: full-size sprites (the atlas's cell size, all mips) for the sprites
 * drawn larger than the atlas keeps them once its budget made the cells smaller. As PixPlot does, the
 * atlas holds every image small and this holds the few on screen large, loaded from their files.
 *
 * <p>The animation thread, in each frame's draw, asks for the sprites it would like sharper
 * ({@link #request}, then {@link #endFrame}, which publishes the list nearest-the-centre first when it
 * changed). One low-priority worker loads what is not held yet, newest list first, and frees the sprites
 * that were asked for longest ago when the held ones would pass the budget; when every held sprite is
 * still wanted it stops loading (too many on screen to be worth it, and they are small then anyway).
 * The renderer reads {@link #get}: an immutable Sprite or null (an atomic array: safe publication).
 */
final class SpriteDetail {
    /** A trimmed sprite drawn this many times larger than its atlas entry is worth a detail copy. */
    static final float DETAIL_AT = 1.4f;

    private final int cell;
    private final IntFunction<BufferedImage> source;
    private final Runnable arrived;
    private final long budget;
    private final java.util.concurrent.atomic.AtomicBoolean running = new java.util.concurrent.atomic.AtomicBoolean();
    private volatile Thread worker;
    private volatile boolean closed;
    private volatile AtomicReferenceArray<SpriteAtlas.Sprite> held = new AtomicReferenceArray<>(0);
    private volatile int epoch; // clear() counts up: what the worker loaded before is dropped
    private final AtomicReference<int[]> wanted = new AtomicReference<>();

    // animation thread: this frame's requests and the last list published
    private int[] frameIdx = new int[64];
    private float[] frameDist = new float[64];
    private int frameCount;
    private int[] published = new int[0];

    // worker thread: when each index was last wanted, what it holds, what failed
    private int[] stamp = new int[0];
    private int generation;
    private final List<Integer> loaded = new ArrayList<>();
    private final BitSet failed = new BitSet();
    private volatile long bytes;

    SpriteDetail(SpriteAtlas atlas, IntFunction<BufferedImage> source, Runnable arrived, long budget) {
        this.cell = atlas.cellSize();
        this.source = source;
        this.arrived = arrived == null ? () -> {} : arrived;
        this.budget = budget;
    }

    /** The worker runs only while there is work, so an atlas nobody draws any more holds no thread. */
    private void wake() {
        if (running.compareAndSet(false, true)) {
            Thread t = new Thread(this::work, "sprite detail");
            t.setDaemon(true);
            t.setPriority(Thread.MIN_PRIORITY);
            worker = t;
            t.start();
        } else {
            LockSupport.unpark(worker);
        }
    }

    /** The full-size sprite of item i, or null when it is not loaded (yet). */
    SpriteAtlas.Sprite get(int i) {
        AtomicReferenceArray<SpriteAtlas.Sprite> a = held;
        return i < a.length() ? a.get(i) : null;
    }

    /**
     * Animation thread, for a renderer: what to draw for item i, whose atlas entry is sp, drawn px
     * device pixels large and dist px from the centre: its full-size copy when sp lost its larger levels
     * and would be scaled up noticeably and the copy is held (else it is requested and sp returned).
     */
    static SpriteAtlas.Sprite sharpest(SpriteDetail detail, int i, SpriteAtlas.Sprite sp, float px, float dist) {
        if (detail == null || sp == null || !sp.trimmed() || !(px > DETAIL_AT * sp.longest[0])) return sp;
        SpriteAtlas.Sprite full = detail.get(i);
        if (full != null) return full;
        detail.request(i, dist);
        return sp;
    }

    /** Animation thread: sprite i is drawn this frame larger than the atlas keeps it, dist px from the centre. */
    void request(int i, float dist) {
        if (frameCount == frameIdx.length) {
            frameIdx = Arrays.copyOf(frameIdx, frameCount * 2);
            frameDist = Arrays.copyOf(frameDist, frameCount * 2);
        }
        frameIdx[frameCount] = i;
        frameDist[frameCount++] = dist;
    }

    /** Animation thread: publishes this frame's requests, nearest the centre first, when they changed. */
    void endFrame() {
        int n = frameCount;
        frameCount = 0;
        if (n == published.length && Arrays.equals(frameIdx, 0, n, published, 0, n)) return;
        Integer[] order = new Integer[n];
        for (int k = 0; k < n; k++) order[k] = k;
        float[] dist = frameDist;
        Arrays.sort(order, (a, b) -> Float.compare(dist[a], dist[b]));
        int[] list = new int[n];
        for (int k = 0; k < n; k++) list[k] = frameIdx[order[k]];
        published = Arrays.copyOf(frameIdx, n);
        wanted.set(list);
        wake();
    }

    /** Drops everything held (the atlas was cleared). */
    void clear() {
        epoch++;
        held = new AtomicReferenceArray<>(0);
        published = new int[0];
        wanted.set(new int[0]);
        wake();
    }

    void close() {
        closed = true;
        held = new AtomicReferenceArray<>(0);
        Thread t = worker;
        if (t != null) LockSupport.unpark(t);
    }

    /** Bytes held now (for tests and the benchmark); read on any thread, written by the worker. */
    long bytes() { return bytes; }

    private void work() {
        int seenEpoch = epoch;
        while (!closed) {
            int[] list = wanted.getAndSet(null);
            if (list == null) {
                LockSupport.parkNanos(this, 2_000_000_000L);
                if (wanted.get() != null) continue;
                running.set(false);
                // a request between the check and the flag found the flag still set: take it on, else end
                if (wanted.get() == null || !running.compareAndSet(false, true)) return;
                continue;
            }
            if (epoch != seenEpoch) { seenEpoch = epoch; loaded.clear(); bytes = 0; } // cleared meanwhile
            generation++;
            for (int i : list) {
                if (i >= stamp.length) stamp = Arrays.copyOf(stamp, Math.max(i + 1, stamp.length * 2));
                stamp[i] = generation;
            }
            int fresh = 0;
            long lastNotice = System.nanoTime();
            for (int i : list) {
                if (closed || wanted.get() != null || epoch != seenEpoch) break; // a newer list: start over with it
                if (get(i) != null || failed.get(i)) continue;
                long need = SpriteAtlas.spriteBytes(cell);
                if (bytes + need > budget && !evict(need)) break;
                SpriteAtlas.Sprite s = load(i);
                if (s == null) { failed.set(i); continue; }
                if (epoch != seenEpoch) break;
                put(i, s);
                fresh++;
                if (System.nanoTime() - lastNotice > 100_000_000L) { arrived.run(); fresh = 0; lastNotice = System.nanoTime(); }
            }
            if (fresh > 0) arrived.run();
        }
    }

    private SpriteAtlas.Sprite load(int i) {
        try {
            BufferedImage img = source.apply(i);
            return img == null ? null : SpriteAtlas.Sprite.of(img, cell, (k, longest, len, off) -> { off[k] = 0; return new int[len]; });
        } catch (RuntimeException | OutOfMemoryError e) {
            return null; // the atlas's small copy stays on screen
        }
    }

    private void put(int i, SpriteAtlas.Sprite s) {
        AtomicReferenceArray<SpriteAtlas.Sprite> a = held;
        if (i >= a.length()) {
            AtomicReferenceArray<SpriteAtlas.Sprite> b = new AtomicReferenceArray<>(Math.max(i + 1, a.length() + (a.length() >> 1) + 16));
            for (int k = 0; k < a.length(); k++) b.set(k, a.get(k));
            held = a = b;
        }
        a.set(i, s);
        loaded.add(i);
        bytes += size(s);
    }

    /**
     * Frees sprites not wanted in the current generation, oldest first, down to 90% of the budget (so
     * this runs once per many loads); false when need does not fit even so.
     */
    private boolean evict(long need) {
        loaded.sort((a, b) -> Integer.compare(stamp[a], stamp[b]));
        AtomicReferenceArray<SpriteAtlas.Sprite> a = held;
        int k = 0;
        while (bytes + need > budget * 0.9 && k < loaded.size() && stamp[loaded.get(k)] < generation) {
            int i = loaded.get(k++);
            bytes -= size(a.get(i));
            a.set(i, null);
        }
        loaded.subList(0, k).clear();
        return bytes + need <= budget;
    }

    private static long size(SpriteAtlas.Sprite s) {
        long ints = 0;
        for (int k = 0; k < s.levels; k++) ints += (long) s.w[k] * s.h[k];
        return 4 * ints + SpriteAtlas.SPRITE_OVERHEAD;
    }
}
