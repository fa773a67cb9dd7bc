package imagetsne.sketch;

import imagetsne.reduce.NearestNeighbours;
import java.awt.image.BufferedImage;
import processing.core.PConstants;
import processing.core.PImage;

/**
 * The clicked sprite and its most similar images: nearest in feature space after an analysis, nearest in
 * the layout for a loaded file (which has no features). Thumbnails for the list are made once per click.
 */
final class Selection {
    static final int COUNT = 8;
    volatile int selected = -1;
    volatile int[] neighbours = new int[0];
    double[] distances = new double[0];
    /** "feature distance" or "layout distance": what the numbers in the list are. */
    String measure = "";
    /** The selected image and its neighbours, for the list. */
    PImage[] images = new PImage[0];

    void clear() {
        selected = -1;
        neighbours = new int[0];
        distances = new double[0];
        images = new PImage[0];
    }

    void select(Scene s, int i) {
        clear();
        if (i < 0 || i >= s.size()) return;
        NearestNeighbours.Found f;
        if (s.features != null && s.features.vectors().length == s.size()) {
            f = NearestNeighbours.find(s.features.vectors(), i, COUNT);
            measure = s.featureKind + " feature distance";
        } else {
            float[][] pts = new float[s.size()][];
            for (int k = 0; k < pts.length; k++) pts[k] = new float[] {s.tx[k], s.ty[k]};
            f = NearestNeighbours.find(pts, i, COUNT);
            measure = "distance in the layout";
        }
        PImage[] imgs = new PImage[f.index().length + 1];
        for (int k = -1; k < f.index().length; k++) imgs[k + 1] = image(s, k < 0 ? i : f.index()[k]);
        neighbours = f.index();
        distances = f.distance();
        images = imgs;
        selected = i; // last: whoever sees the selection sees its neighbours
    }

    boolean has() { return selected >= 0; }

    /** Sprite i's thumbnail as a PImage, or null before it arrives. */
    static PImage image(Scene s, int i) {
        BufferedImage b = s.atlas.thumbnail(i);
        if (b == null) return null;
        // through getRGB: the atlas's images view shared buffers at an offset, which new PImage(Image) ignores
        PImage p = new PImage(b.getWidth(), b.getHeight(), PConstants.ARGB);
        b.getRGB(0, 0, b.getWidth(), b.getHeight(), p.pixels, 0, b.getWidth());
        p.updatePixels();
        return p;
    }
}
