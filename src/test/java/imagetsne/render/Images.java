package imagetsne.render;

import imagetsne.testing.SharedData;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;

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

    /** The first n real emoji (64x64), flattened onto mid grey: opaque, so drawn pixels can be compared exactly. */
    static List<BufferedImage> emoji(int n) throws IOException {
        List<Path> files;
        try (var s = Files.list(SharedData.emojiDir())) { files = s.filter(f -> f.toString().endsWith(".png")).sorted().limit(n).toList(); }
        List<BufferedImage> out = new ArrayList<>();
        for (Path f : files) {
            BufferedImage src = ImageIO.read(f.toFile()), im = new BufferedImage(src.getWidth(), src.getHeight(), BufferedImage.TYPE_INT_ARGB);
            var g = im.createGraphics();
            g.setColor(new java.awt.Color(0x808080));
            g.fillRect(0, 0, im.getWidth(), im.getHeight());
            g.drawImage(src, 0, 0, null);
            g.dispose();
            out.add(im);
        }
        return out;
    }

    /** Mean colour (opaque ARGB) of the b x b block of im at block column bx, block row by. */
    static int blockMean(BufferedImage im, int b, int bx, int by) {
        long r = 0, g = 0, bl = 0;
        for (int y = by * b; y < (by + 1) * b; y++) {
            for (int x = bx * b; x < (bx + 1) * b; x++) {
                int c = im.getRGB(x, y);
                r += c >> 16 & 255;
                g += c >> 8 & 255;
                bl += c & 255;
            }
        }
        long m = (long) b * b;
        return 0xFF000000 | (int) ((r + m / 2) / m) << 16 | (int) ((g + m / 2) / m) << 8 | (int) ((bl + m / 2) / m);
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
