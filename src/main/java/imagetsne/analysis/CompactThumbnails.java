package imagetsne.analysis;

import imagetsne.source.ImageDecoder;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.List;

/**
 * The thumbnails of a {@link FeatureSet}, packed and within a memory budget: opaque grey ones at one byte
 * a pixel, opaque colour at three, the rest at four (as ARGB ints would be, without the per-image
 * BufferedImage). When an append would pass the budget, every stored thumbnail is halved (2x2 box, as
 * {@link ImageDecoder#resize} does) and later ones are stored at the smaller size: at 80,000 photos a
 * 2 GB heap keeps them at 32 px, which is more than a poster of that many images draws (8 px each at
 * 2,400 px). {@link #get} unpacks a new TYPE_INT_ARGB image each time (null for a slot never filled).
 * Thread-safe: the load path fills slots from several threads.
 */
final class CompactThumbnails extends AbstractList<BufferedImage> {
    /** Halving stops here: smaller thumbnails would not be worth their keep. */
    static final int MIN_SIDE = 8;
    private static final byte GREY = 1, RGB = 3, ARGB = 4;

    private record Packed(short w, short h, byte kind, byte[] px) {
        long bytes() { return px.length + 32L; } // the array and this record's headers, roughly
    }

    private final List<Packed> items = new ArrayList<>();
    private final long budget;
    private int maxSide;
    private long bytes;

    /** @param maxSide the thumbnails' longest side as asked for; @param budget bytes of pixels to keep at most */
    CompactThumbnails(int maxSide, long budget) {
        if (maxSide < 1) throw new IllegalArgumentException("thumbnail side must be positive: " + maxSide);
        this.maxSide = maxSide;
        this.budget = Math.max(0, budget);
    }

    /** A budget of a tenth of the heap: the features and t-SNE need the rest. */
    static long defaultBudget() { return Runtime.getRuntime().maxMemory() / 10; }

    /** The longest side thumbnails are kept at now (the asked size until the budget made it smaller). */
    synchronized int maxSide() { return maxSide; }

    /** Bytes held, roughly. */
    synchronized long bytes() { return bytes; }

    /** n empty slots, for {@link #put}. */
    static CompactThumbnails slots(int n, int maxSide, long budget) {
        CompactThumbnails t = new CompactThumbnails(maxSide, budget);
        for (int i = 0; i < n; i++) t.items.add(null);
        return t;
    }

    /** Stores a copy of {@code image} (any type; downscaled to the current side when larger) at the end. */
    synchronized void append(BufferedImage image) {
        items.add(null);
        put(items.size() - 1, image);
    }

    /** Stores a copy of {@code image} in slot i. */
    synchronized void put(int i, BufferedImage image) {
        Packed p = pack(fit(image, maxSide)), old = items.set(i, p);
        bytes += p.bytes() - (old == null ? 0 : old.bytes());
        while (bytes > budget && maxSide / 2 >= MIN_SIDE) halveAll();
    }

    @Override public synchronized BufferedImage get(int i) {
        Packed p = items.get(i);
        return p == null ? null : unpack(p);
    }

    @Override public synchronized int size() { return items.size(); }

    private void halveAll() {
        maxSide /= 2;
        bytes = 0;
        for (int i = 0; i < items.size(); i++) {
            Packed p = items.get(i);
            if (p == null) continue;
            if (Math.max(p.w, p.h) > maxSide) p = pack(fit(unpack(p), maxSide));
            items.set(i, p);
            bytes += p.bytes();
        }
    }

    private static BufferedImage fit(BufferedImage img, int side) {
        return Math.max(img.getWidth(), img.getHeight()) > side ? ImageDecoder.thumbnail(img, side) : img;
    }

    private static Packed pack(BufferedImage img) {
        int w = img.getWidth(), h = img.getHeight();
        int[] argb = img.getRGB(0, 0, w, h, null, 0, w);
        boolean opaque = true, grey = true;
        for (int c : argb) {
            if (c >>> 24 != 255) { opaque = false; break; }
            if (grey && ((c >> 16 & 255) != (c & 255) || (c >> 8 & 255) != (c & 255))) grey = false;
        }
        byte kind = !opaque ? ARGB : grey ? GREY : RGB;
        byte[] px = new byte[argb.length * kind];
        for (int i = 0, o = 0; i < argb.length; i++) {
            int c = argb[i];
            if (kind == GREY) { px[o++] = (byte) c; continue; }
            if (kind == ARGB) px[o++] = (byte) (c >>> 24);
            px[o++] = (byte) (c >> 16);
            px[o++] = (byte) (c >> 8);
            px[o++] = (byte) c;
        }
        return new Packed((short) w, (short) h, kind, px);
    }

    private static BufferedImage unpack(Packed p) {
        BufferedImage out = new BufferedImage(p.w, p.h, BufferedImage.TYPE_INT_ARGB);
        int[] d = ((DataBufferInt) out.getRaster().getDataBuffer()).getData();
        byte[] px = p.px;
        for (int i = 0, o = 0; i < d.length; i++) {
            if (p.kind == GREY) {
                int g = px[o++] & 255;
                d[i] = 0xFF000000 | g << 16 | g << 8 | g;
                continue;
            }
            int a = p.kind == ARGB ? px[o++] & 255 : 255;
            d[i] = a << 24 | (px[o++] & 255) << 16 | (px[o++] & 255) << 8 | (px[o++] & 255);
        }
        return out;
    }
}
