package imagetsne.features;

import imagetsne.source.ImageDecoder;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;

/** Shared pixel plumbing of the extractors: fixed-size resize and alpha compositing on neutral grey. */
final class ImageArrays {
    private ImageArrays() {}

    /** Background behind transparent pixels: mid grey, so transparency reads as "no colour" rather than black or white. */
    static final int GREY = 128;

    /** ARGB pixels of img resized (stretched) to w x h. */
    static int[] argb(BufferedImage img, int w, int h) {
        BufferedImage r = ImageDecoder.resize(img, w, h);
        return ((DataBufferInt) r.getRaster().getDataBuffer()).getData();
    }

    /** Composites one ARGB pixel on grey; returns 0xRRGGBB. */
    static int onGrey(int p) {
        int a = p >>> 24;
        if (a == 255) return p & 0xFFFFFF;
        int r = ((p >> 16) & 255) * a + GREY * (255 - a);
        int g = ((p >> 8) & 255) * a + GREY * (255 - a);
        int b = (p & 255) * a + GREY * (255 - a);
        return ((r + 127) / 255 << 16) | ((g + 127) / 255 << 8) | ((b + 127) / 255);
    }

    /** Scales v to unit L2 norm then by weight (zero vectors stay zero); non-finite values become 0. */
    static void normalise(float[] v, int from, int to, double weight) {
        double s = 0;
        for (int i = from; i < to; i++) {
            if (!Float.isFinite(v[i])) v[i] = 0;
            s += (double) v[i] * v[i];
        }
        if (s <= 1e-20) return;
        double f = weight / Math.sqrt(s);
        for (int i = from; i < to; i++) v[i] = (float) (v[i] * f);
    }
}
