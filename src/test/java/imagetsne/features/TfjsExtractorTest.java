package imagetsne.features;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import imagetsne.reduce.Pca;
import imagetsne.reduce.tsne.Quality;
import imagetsne.reduce.tsne.Tsne;
import imagetsne.reduce.tsne.TsneOptions;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The default features: the bundled MobileNetV2, offline, and what its features are worth. */
class TfjsExtractorTest {
    @TempDir Path tmp;

    @Test void autoIsTheBundledCnnWithNoDownload() throws IOException {
        long t0 = System.nanoTime();
        FeatureExtractors.Selection s = FeatureExtractors.select(new FeatureOptions());
        double seconds = (System.nanoTime() - t0) / 1e9;
        try (FeatureExtractor ex = s.extractor()) {
            assertEquals("cnn", ex.kind());
            assertEquals("mobilenet-v2", s.model());
            assertEquals(CnnModels.MOBILENET_V2.layer(), s.layer());
            TfjsExtractor t = (TfjsExtractor) ex;
            assertEquals(576, ex.dimension(), "block_13's 576 channels, average-pooled");
            assertTrue(s.reason().startsWith("cnn features (MobileNetV2, bundled; layer " + s.layer() + ", avg pooling, 576 values"), s.reason());
            assertFalse(s.reason().contains("--"), s.reason());
            assertTrue(ex.cacheKey().startsWith("cnn-mobilenet-v2-" + s.layer() + "-avg-01-"), ex.cacheKey());
            System.out.printf("bundled MobileNetV2 ready in %.2f s, kernels %s%n", seconds, t.kernels());
            List<BufferedImage> imgs = FeatureExtractorsTest.emoji(4);
            List<float[]> v = ex.extract(imgs);
            assertEquals(imgs.size(), v.size());
            for (float[] x : v) for (float f : x) assertTrue(Float.isFinite(f) && f >= 0, "ReLU6 means are in 0..6: " + f);
            assertNotEquals(java.util.Arrays.toString(v.get(0)), java.util.Arrays.toString(v.get(v.size() - 1)));
            // the same image twice, in one batch and alone, on either thread: the same vector
            List<float[]> again = ex.extract(List.of(imgs.get(0)));
            assertEquals(java.util.Arrays.toString(v.get(0)), java.util.Arrays.toString(again.get(0)));
        }
    }

    @Test void aLayerOrPoolingOfOnesOwnChoiceAndTheirErrors() throws IOException {
        FeatureOptions o = new FeatureOptions();
        o.layer = "block_6_project_BN";
        o.pooling = TfjsExtractor.Pooling.AVG_MAX;
        FeatureExtractors.Selection s = FeatureExtractors.select(o);
        assertEquals(128, s.extractor().dimension());
        java.awt.image.BufferedImage grey = new java.awt.image.BufferedImage(40, 30, java.awt.image.BufferedImage.TYPE_INT_ARGB);
        assertEquals(128, s.extractor().extract(List.of(grey)).get(0).length, "the dimension known from the shapes is what a run gives");
        assertTrue(s.extractor().cacheKey().contains("-block_6_project_BN-avg_max-"), s.extractor().cacheKey());
        o.layer = "block_99";
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> FeatureExtractors.select(o));
        assertTrue(e.getMessage().startsWith("the model has no layer 'block_99' (it has 162 layers"), e.getMessage());
        // a user's own TF.js model: features from the input of its classifier
        FeatureOptions u = new FeatureOptions();
        u.weights = Path.of("src/test/resources/tfjs/user-model");
        FeatureExtractors.Selection us = FeatureExtractors.select(u);
        assertEquals("dense_g", us.layer(), "the input of the softmax layer, past the dropout");
        assertEquals(6, us.extractor().dimension());
        assertEquals(6, us.extractor().extract(List.of(grey)).get(0).length);
        assertTrue(us.reason().startsWith("cnn features (TF.js model, user-model; layer dense_g"), us.reason());
    }

    /**
     * The comparison the default was chosen by (bench/features/README.md), small enough for every build:
     * variants (crops, flips, rotations, colour changes) of 18 real photographs, each photograph a class,
     * laid out by t-SNE. The CNN puts a photograph's variants together far more often than hog does.
     */
    @Test void cnnGroupsVariantsOfAPhotoFarBetterThanHog() throws IOException {
        List<Path> sources = imagetsne.testing.Photos.all();
        double[] acc = cnnAndHog(sources, 10);
        System.out.printf("%d photographs x 10 variants: 10-NN accuracy of the t-SNE layout, cnn %.3f, hog %.3f%n", sources.size(), acc[0], acc[1]);
        assertTrue(acc[0] >= 0.9 && acc[0] >= acc[1] + 0.2, "cnn " + acc[0] + " vs hog " + acc[1]);
    }

    /** The same on 43 of the Noto emoji: flat drawings, where colour carries more; the CNN still leads. */
    @Test void cnnGroupsVariantsOfAnEmojiBetterThanHog() throws IOException {
        List<Path> sources = new ArrayList<>();
        int i = 0;
        for (String f : EmojiData.categories().keySet()) if (i++ % 90 == 0) sources.add(EmojiData.DIR.resolve(f));
        double[] acc = cnnAndHog(sources, 10);
        System.out.printf("%d emoji x 10 variants: 10-NN accuracy of the t-SNE layout, cnn %.3f, hog %.3f%n", sources.size(), acc[0], acc[1]);
        assertTrue(acc[0] >= acc[1] + 0.05, "cnn " + acc[0] + " vs hog " + acc[1]);
    }

    static double[] cnnAndHog(List<Path> sources, int variants) throws IOException {
        List<InstanceSet.Sample> set = InstanceSet.make(sources, variants, 11);
        List<BufferedImage> imgs = set.stream().map(InstanceSet.Sample::image).toList();
        int[] labels = set.stream().mapToInt(InstanceSet.Sample::label).toArray();
        double cnn, hog;
        try (FeatureExtractor ex = FeatureExtractors.select(new FeatureOptions()).extractor()) { cnn = layout(ex.extract(imgs), labels); }
        try (FeatureExtractor ex = new HogExtractor(2)) { hog = layout(ex.extract(imgs), labels); }
        return new double[] {cnn, hog};
    }

    static double layout(List<float[]> features, int[] labels) {
        double[][] x = Pca.reduce(features.toArray(new float[0][]), 50);
        double[] y = Tsne.run(x, new TsneOptions().seed(42).perplexity(20), null).y();
        return Quality.knnAccuracy(y, 2, labels, 10);
    }
}
