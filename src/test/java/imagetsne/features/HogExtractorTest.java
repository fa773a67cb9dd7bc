package imagetsne.features;

import org.junit.jupiter.api.Test;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

class HogExtractorTest {
    static double dist(float[] a, float[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) s += (a[i] - b[i]) * (a[i] - b[i]);
        return Math.sqrt(s);
    }

    static void assertFiniteFixed(List<float[]> vs, int dim) {
        for (float[] v : vs) {
            assertEquals(dim, v.length);
            for (float x : v) assertTrue(Float.isFinite(x));
        }
    }

    /** Mean distance of same-category pairs and of different-category pairs. */
    static double[] withinBetween(List<float[]> vs, List<String> labels) {
        double w = 0, b = 0;
        long nw = 0, nb = 0;
        for (int i = 0; i < vs.size(); i++) {
            for (int j = i + 1; j < vs.size(); j++) {
                double d = dist(vs.get(i), vs.get(j));
                if (labels.get(i).equals(labels.get(j))) { w += d; nw++; } else { b += d; nb++; }
            }
        }
        return new double[] {w / nw, b / nb};
    }

    @Test void oddImagesGiveFiniteFixedVectors() {
        try (HogExtractor hog = new HogExtractor(2)) {
            assertEquals("hog", hog.kind());
            assertEquals("hog-v1", hog.cacheKey());
            List<BufferedImage> odd = List.of(
                    new BufferedImage(64, 64, BufferedImage.TYPE_INT_ARGB), // fully transparent
                    new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB),
                    new BufferedImage(900, 40, BufferedImage.TYPE_BYTE_GRAY),
                    new BufferedImage(33, 517, BufferedImage.TYPE_3BYTE_BGR));
            List<float[]> vs = hog.extract(odd);
            assertEquals(4, vs.size());
            assertFiniteFixed(vs, hog.dimension());
        }
    }

    @Test void emojiCategoriesClusterAndParallelIsDeterministic() throws Exception {
        List<Map.Entry<Path, String>> sample = EmojiData.sample(List.of("Flags", "Smileys & Emotion", "Food & Drink"), 70, 11);
        List<Path> files = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        sample.forEach(e -> { files.add(e.getKey()); labels.add(e.getValue()); });
        List<BufferedImage> imgs = EmojiData.read(files);
        List<float[]> par, seq;
        try (HogExtractor hog = new HogExtractor(2); HogExtractor one = new HogExtractor(1)) {
            par = hog.extract(imgs);
            seq = one.extract(imgs);
            assertFiniteFixed(par, hog.dimension());
        }
        for (int i = 0; i < par.size(); i++) assertArrayEquals(seq.get(i), par.get(i), "image " + i + " same with 1 or 2 threads");
        double[] wb = withinBetween(par, labels);
        System.out.printf("hog emoji: within %.4f between %.4f ratio %.3f%n", wb[0], wb[1], wb[0] / wb[1]);
        assertTrue(wb[0] < 0.93 * wb[1], "same-category pairs closer: within " + wb[0] + " between " + wb[1]);

        // nearest neighbour agrees with the category far above chance (1/3)
        int hits = 0;
        for (int i = 0; i < par.size(); i++) {
            int best = -1;
            double bd = Double.MAX_VALUE;
            for (int j = 0; j < par.size(); j++) {
                if (j == i) continue;
                double d = dist(par.get(i), par.get(j));
                if (d < bd) { bd = d; best = j; }
            }
            if (labels.get(best).equals(labels.get(i))) hits++;
        }
        double acc = hits / (double) par.size();
        System.out.printf("hog emoji 1-NN accuracy %.3f%n", acc);
        assertTrue(acc > 0.7, "1-NN accuracy " + acc);
    }

    @Test void pixelsAreCompositedOnGrey() throws Exception {
        try (PixelsExtractor px = new PixelsExtractor(2)) {
            assertEquals(32 * 32 * 3, px.dimension());
            assertEquals("pixels-v1", px.cacheKey());
            BufferedImage clear = new BufferedImage(50, 50, BufferedImage.TYPE_INT_ARGB);
            BufferedImage red = new BufferedImage(10, 20, BufferedImage.TYPE_INT_RGB);
            for (int y = 0; y < 20; y++) for (int x = 0; x < 10; x++) red.setRGB(x, y, 0xFFFF0000);
            List<BufferedImage> in = new ArrayList<>(List.of(clear, red));
            in.addAll(EmojiData.read(EmojiData.sample(List.of("Flags"), 5, 3).stream().map(Map.Entry::getKey).toList()));
            List<float[]> vs = px.extract(in);
            assertFiniteFixed(vs, px.dimension());
            for (float x : vs.get(0)) assertEquals(128 / 255f, x, 1e-6);
            assertEquals(1f, vs.get(1)[0], 1e-6);
            assertEquals(0f, vs.get(1)[1], 1e-6);
            for (float[] v : vs) for (float x : v) assertTrue(x >= 0 && x <= 1);
        }
    }
}
