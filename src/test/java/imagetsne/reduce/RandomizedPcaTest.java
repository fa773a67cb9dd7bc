package imagetsne.reduce;

import static org.junit.jupiter.api.Assertions.*;

import imagetsne.features.FeatureExtractor;
import imagetsne.features.FeatureExtractors;
import imagetsne.features.FeatureOptions;
import imagetsne.io.Idx;
import imagetsne.source.ImageDecoder;
import imagetsne.testing.SharedData;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The randomized PCA against the exact one (a full eigendecomposition in double) on real data: MNIST and
 * Fashion-MNIST pixels, and the default CNN's features of Noto emoji. The requirement is the explained
 * variance within 1%; the bounds here are tighter, so a regression shows long before it matters.
 */
class RandomizedPcaTest {
    @Test void mnistPixels() throws IOException {
        compare("MNIST 4000 x 784", Idx.readImages(SharedData.mnistImages(), 4000).asRows(0), 50);
    }

    @Test void fashionPixels() throws IOException {
        compare("Fashion-MNIST 4000 x 784", Idx.readImages(SharedData.fashionImages(), 4000).asRows(0), 50);
    }

    @Test void cnnFeaturesOfEmoji() throws IOException {
        List<Path> files;
        try (Stream<Path> s = Files.list(SharedData.emojiDir())) {
            files = s.filter(p -> p.toString().endsWith(".png")).sorted().toList();
        }
        List<BufferedImage> imgs = new ArrayList<>();
        for (int i = 0; i < files.size() && imgs.size() < 500; i += 7) imgs.add(ImageDecoder.read(files.get(i)));
        float[][] x;
        try (FeatureExtractor ex = FeatureExtractors.select(new FeatureOptions()).extractor()) {
            x = ex.extract(imgs).toArray(new float[0][]);
        }
        // 500 x 576: fewer items than dimensions
        compare("MobileNetV2 features of 500 emoji, 500 x " + x[0].length, x, 50);
    }

    private static void compare(String what, float[][] x, int k) {
        CentredRows c = CentredRows.of(x);
        Pca.Components exact = Pca.exact(c, k);
        Pca.Fit fit = Pca.fit(c, k, true);
        double exactSum = 0, sum = 0, worst = 0;
        for (int b = 0; b < k; b++) {
            exactSum += exact.variances()[b];
            sum += fit.variances()[b];
            double rel = Math.abs(fit.variances()[b] - exact.variances()[b]) / exact.variances()[b];
            worst = Math.max(worst, rel);
            if (b < 10) assertEquals(exact.variances()[b], fit.variances()[b], 1e-4 * exact.variances()[b], what + ": variance of component " + b);
            assertTrue(fit.variances()[b] <= exact.variances()[b] * (1 + 1e-5), "a Ritz value never exceeds the eigenvalue");
        }
        double explained = exactSum / c.totalVariance();
        System.out.printf("%s: explained variance %.5f randomized, %.5f exact (%.1e relative); worst component %.1e%n",
                what, fit.explained(), explained, Math.abs(fit.explained() - explained) / explained, worst);
        assertEquals(explained, fit.explained(), 2e-3 * explained, what + ": explained variance");
        assertTrue(worst < 0.1, what + ": every component within 10%, worst " + worst);
        // the projections carry the variances they report, and are uncorrelated
        double[][] p = fit.projections();
        for (int b = 0; b < k; b += 7) {
            double v = 0;
            for (double[] r : p) v += r[b] * r[b];
            assertEquals(fit.variances()[b], v / p.length, 1e-4 * fit.variances()[b], what + ": variance along " + b);
            for (int e = b + 1; e < k; e += 5) {
                double dot = 0, ve = 0;
                for (double[] r : p) { dot += r[b] * r[e]; ve += r[e] * r[e]; }
                assertEquals(0, dot / Math.sqrt(v * ve), 1e-4, what + ": components " + b + " and " + e + " uncorrelated");
            }
        }
    }
}
