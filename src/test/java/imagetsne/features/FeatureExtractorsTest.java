package imagetsne.features;

import org.deeplearning4j.common.resources.DL4JResources;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.GlobalPoolingLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.PoolingType;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.util.ModelSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.lossfunctions.LossFunctions;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

class FeatureExtractorsTest {
    @TempDir Path tmp;
    String savedUrl;

    @BeforeEach void isolateDl4jHome() throws IOException {
        // an empty DL4J home: the test must not depend on (or fill) the machine's ~/.deeplearning4j
        savedUrl = DL4JResources.getBaseDownloadURL();
        DL4JResources.setBaseDirectory(Files.createDirectories(tmp.resolve("dl4j")).toFile());
    }

    @AfterEach void restore() {
        DL4JResources.resetBaseDirectoryLocation();
        DL4JResources.setBaseDownloadURL(savedUrl);
    }

    static List<BufferedImage> emoji(int n) throws IOException {
        return EmojiData.read(EmojiData.sample(List.of("Smileys & Emotion", "Flags"), n, 5).stream().map(Map.Entry::getKey).toList());
    }

    @Test void autoWithAZooModelWithoutCachedWeightsPicksHogAndSaysWhy() throws IOException {
        FeatureOptions o = new FeatureOptions();
        o.model = "squeezenet";
        assertFalse(FeatureExtractors.cachedZooFile("squeezenet").exists());
        long t0 = System.nanoTime();
        FeatureExtractors.Selection s = FeatureExtractors.select(o);
        assertTrue(System.nanoTime() - t0 < 5_000_000_000L, "AUTO must not try a download");
        try (FeatureExtractor ex = s.extractor()) {
            assertEquals("hog", ex.kind());
            assertTrue(s.reason().startsWith("hog features"), s.reason());
            assertTrue(s.reason().contains("SqueezeNet") && s.reason().contains("bundled MobileNetV2"), s.reason());
            assertFalse(s.reason().contains("--"), "engine messages do not quote CLI flags: " + s.reason());
            assertFalse(s.reason().contains("\n"));
        }
        assertFalse(FeatureExtractors.cachedZooFile("squeezenet").getParentFile().exists(), "AUTO creates no folders");
        o.kind = FeatureKind.PIXELS;
        assertEquals("pixels", FeatureExtractors.select(o).extractor().kind());
        o.kind = FeatureKind.HOG;
        assertEquals("hog", FeatureExtractors.select(o).extractor().kind());
        o.model = "alexnet";
        o.kind = FeatureKind.CNN;
        assertThrows(IllegalArgumentException.class, () -> FeatureExtractors.select(o));
    }

    @Test void explicitZooCnnWithoutWeightsFailsClearlyWhenUnreachable() throws IOException {
        FeatureOptions o = new FeatureOptions();
        o.kind = FeatureKind.CNN;
        o.model = "squeezenet";
        o.downloadTimeoutSeconds = 2;
        // nothing listens on port 9 of this machine: the download fails at once, as offline
        DL4JResources.setBaseDownloadURL("http://127.0.0.1:9/");
        IOException e = assertThrows(IOException.class, () -> FeatureExtractors.select(o));
        assertTrue(e.getMessage().startsWith("cannot download SqueezeNet weights (offline?)"), e.getMessage());
        assertTrue(e.getMessage().contains("give a weights file, or use the bundled MobileNetV2 or hog features"), e.getMessage());
        // a server that accepts but never answers: bounded by the timeout
        try (ServerSocket silent = new ServerSocket(0)) {
            DL4JResources.setBaseDownloadURL("http://127.0.0.1:" + silent.getLocalPort() + "/");
            long t0 = System.nanoTime();
            IOException e2 = assertThrows(IOException.class, () -> FeatureExtractors.select(o));
            double s = (System.nanoTime() - t0) / 1e9;
            assertTrue(s < 10, "waited " + s + " s");
            assertTrue(e2.getMessage().contains("within 2 s"), e2.getMessage());
        }
        o.weights = tmp.resolve("missing.zip");
        IOException e3 = assertThrows(IOException.class, () -> FeatureExtractors.select(o));
        assertTrue(e3.getMessage().contains("not found"), e3.getMessage());
        Path junk = Files.writeString(tmp.resolve("junk.zip"), "not a model");
        o.weights = junk;
        IOException e4 = assertThrows(IOException.class, () -> FeatureExtractors.select(o));
        assertTrue(e4.getMessage().startsWith("cannot read weights"), e4.getMessage());
    }

    /** A tiny random conv net with the zoo's conventions (NCHW input, classifier on top), saved like a real model. */
    static Path tinyGraph(Path dir) throws IOException {
        ComputationGraphConfiguration conf = new NeuralNetConfiguration.Builder().seed(7)
                .graphBuilder()
                .addInputs("in")
                .addLayer("conv", new ConvolutionLayer.Builder(5, 5).stride(4, 4).nOut(8).activation(Activation.RELU).build(), "in")
                .addLayer("pool", new GlobalPoolingLayer.Builder(PoolingType.AVG).build(), "conv")
                .addLayer("fc", new DenseLayer.Builder().nOut(16).activation(Activation.TANH).build(), "pool")
                .addLayer("out", new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nOut(10).activation(Activation.SOFTMAX).build(), "fc")
                .setOutputs("out")
                .setInputTypes(InputType.convolutional(227, 227, 3))
                .build();
        ComputationGraph g = new ComputationGraph(conf);
        g.init();
        Path f = dir.resolve("tiny-graph.zip");
        ModelSerializer.writeModel(g, f.toFile(), false);
        return f;
    }

    @Test void cnnFromWeightsFile() throws IOException {
        Path weights = tinyGraph(tmp);
        FeatureOptions o = new FeatureOptions();
        o.kind = FeatureKind.CNN;
        o.weights = weights;
        List<BufferedImage> imgs = emoji(3);
        String key;
        try (FeatureExtractor ex = FeatureExtractors.select(o).extractor()) {
            assertEquals("cnn", ex.kind());
            assertEquals(16, ex.dimension(), "penultimate dense layer");
            assertEquals("fc", ((CnnExtractor) ex).featureLayer());
            key = ex.cacheKey();
            assertTrue(key.startsWith("cnn-squeezenet-"), key);
            List<float[]> vs = ex.extract(imgs);
            assertEquals(imgs.size(), vs.size());
            for (float[] v : vs) {
                assertEquals(16, v.length);
                for (float x : v) assertTrue(Float.isFinite(x));
            }
            assertFalse(java.util.Arrays.equals(vs.get(0), vs.get(vs.size() - 1)), "different images, different features");
            // input planes: B, G, R minus the ImageNet means (DL4J's VGG16ImagePreProcessor convention)
            BufferedImage red = new BufferedImage(30, 20, BufferedImage.TYPE_INT_ARGB);
            for (int y = 0; y < 20; y++) for (int x = 0; x < 30; x++) red.setRGB(x, y, 0xFFFF0000);
            float[] in = ((CnnExtractor) ex).input(red);
            int plane = 227 * 227;
            assertEquals(3 * plane, in.length);
            assertEquals(-103.939f, in[plane / 2], 1e-3f);
            assertEquals(-116.779f, in[plane + plane / 2], 1e-3f);
            assertEquals(255 - 123.68f, in[2 * plane + plane / 2], 1e-3f);
            // batching does not change results
            List<float[]> one = ex.extract(imgs.subList(0, 1));
            assertArrayEquals(vs.get(0), one.get(0), 1e-4f);
        }
        // AUTO takes given weights too, and a changed weights file changes the cache key
        o.kind = FeatureKind.AUTO;
        Files.setLastModifiedTime(weights, FileTime.fromMillis(Files.getLastModifiedTime(weights).toMillis() + 5000));
        FeatureExtractors.Selection s = FeatureExtractors.select(o);
        assertEquals("cnn", s.extractor().kind());
        assertTrue(s.reason().startsWith("cnn features"), s.reason());
        assertNotEquals(key, s.extractor().cacheKey());
    }

    @Test void fixedInputSizeGraphIsProbed() throws IOException {
        // flatten + dense: only 64x64 input fits; the extractor finds that size by itself
        ComputationGraphConfiguration conf = new NeuralNetConfiguration.Builder().seed(3)
                .graphBuilder()
                .addInputs("in")
                .addLayer("conv", new ConvolutionLayer.Builder(4, 4).stride(4, 4).nOut(4).activation(Activation.RELU).build(), "in")
                .addLayer("fc", new DenseLayer.Builder().nOut(12).activation(Activation.RELU).build(), "conv")
                .addLayer("out", new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nOut(3).activation(Activation.SOFTMAX).build(), "fc")
                .setOutputs("out")
                .setInputTypes(InputType.convolutional(64, 64, 3))
                .build();
        ComputationGraph g = new ComputationGraph(conf);
        g.init();
        Path f = tmp.resolve("fixed.zip");
        ModelSerializer.writeModel(g, f.toFile(), false);
        FeatureOptions o = new FeatureOptions();
        o.kind = FeatureKind.CNN;
        o.weights = f;
        FeatureExtractors.Selection s = FeatureExtractors.select(o);
        CnnExtractor ex = (CnnExtractor) s.extractor();
        assertEquals(64, ex.inputWidth());
        assertEquals(12, ex.dimension());
        assertTrue(s.reason().contains("input 64x64"), s.reason());
        for (float[] v : ex.extract(emoji(2))) for (float x : v) assertTrue(Float.isFinite(x));
    }

    @Test void randomSqueezeNetUsesPooledFire9() throws IOException {
        try (CnnExtractor ex = FeatureExtractors.randomZoo("squeezenet", 2, 42)) {
            assertEquals("drop9", ex.featureLayer());
            assertEquals(512, ex.dimension());
            List<BufferedImage> imgs = emoji(2);
            List<float[]> vs = ex.extract(imgs);
            assertEquals(imgs.size(), vs.size());
            for (float[] v : vs) {
                assertEquals(512, v.length);
                for (float x : v) assertTrue(Float.isFinite(x));
            }
        }
    }
}
