package imagetsne.render;

import java.awt.image.BufferedImage;

/** Small synthetic thumbnails for the render tests. */
final class Images {
    private Images() {}

    static BufferedImage solid(int w, int h, int argb) {
        BufferedImage im = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
        for (int y = 0; y < h; y++) for (int x = 0; x < w; x++) im.setRGB(x, y, argb);
        return im;
    }

    /** Left half one colour, right half another. */
    static BufferedImage split(int w, int h, int left, int right) {
        BufferedImage im = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
        for (int y = 0; y < h; y++) for (int x = 0; x < w; x++) im.setRGB(x, y, x < w / 2 ? left : right);
        return im;
    }

    static void assertColor(int expected, int actual, int tolerance, String what) {
        for (int shift = 0; shift <= 24; shift += 8) {
            int e = expected >>> shift & 255, a = actual >>> shift & 255;
            if (Math.abs(e - a) > tolerance)
                throw new AssertionError(what + ": expected " + hex(expected) + " got " + hex(actual));
        }
    }

    static String hex(int c) { return String.format("#%08X", c); }
}
