package imagetsne.features.tfjs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import imagetsne.features.CnnModels;
import imagetsne.features.nn.Network;
import imagetsne.features.nn.NetworkBuilder;
import imagetsne.features.nn.Tensor;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The importer against TensorFlow.js itself: src/test/tfjs/make-fixtures.js ran the same models on the
 * same synthetic input in TF.js 4.22 and stored, per layer, its shape, channel means and values at fixed
 * positions (src/test/resources/tfjs). MobileNetV2 is the bundled copy; InceptionV3 comes from the nsfwjs
 * tarball, which .ci/run fetches.
 */
class TfjsModelTest {
    /** Tolerance relative to each layer's largest value: float32 sums in another order, nothing more. */
    static final double REL_TOL = 1e-5;

    @Test void bundledMobileNetV2MatchesTensorFlowJs() throws IOException {
        TfjsModel m = TfjsModel.resource(CnnModels.MOBILENET_V2.resource());
        assertEquals(162, m.layerNames().size());
        assertEquals(2_619_461L, m.weights().values());
        JsonNode ref = fixture("mobilenet_v2.json");
        // every layer asked for at once (nothing fused across them), then each alone (all fusions on)
        compare(m, ref, layers(ref), new NetworkBuilder());
        for (String l : List.of("block_6_project_BN", "block_13_expand_relu", "out_relu", "dense_3")) compare(m, ref, List.of(l), new NetworkBuilder());
        compare(m, ref, List.of("block_13_expand_relu", "dense_3"), NetworkBuilder.scalar());
    }

    @Test void inceptionV3FromTheNpmTarballMatchesTensorFlowJs() throws IOException {
        Path tgz = CnnModels.findTarball();
        if (tgz == null) {
            // .ci/run fetches the tarball and sets this, so CI cannot skip the comparison
            if (System.getenv("IMAGETSNE_REQUIRE_NSFWJS") != null) throw new AssertionError("nsfwjs tarball not found in " + CnnModels.tarballPlaces());
            Assumptions.abort("nsfwjs tarball not found; fetch it with: " + CnnModels.fetchCommand());
        }
        TfjsModel m = TfjsModel.open(tgz, "inception_v3");
        assertEquals(318, m.layerNames().size());
        JsonNode ref = fixture("inception_v3.json");
        compare(m, ref, layers(ref), new NetworkBuilder());
        compare(m, ref, List.of("mixed5"), new NetworkBuilder());
        // the tarball's MobileNetV2 is the bundled one: the same outputs
        TfjsModel fromTarball = TfjsModel.open(tgz, "mobilenet_v2");
        compare(fromTarball, fixture("mobilenet_v2.json"), List.of("block_13_expand_relu", "dense_3"), new NetworkBuilder());
    }

    @Test void aUsersOwnNestedSequentialModelMatchesTensorFlowJs() throws IOException {
        Path dir = Path.of("src/test/resources/tfjs/user-model");
        TfjsModel m = TfjsModel.open(dir, null);
        assertEquals(List.of(32, 32, 3), List.of(m.inputShape()[0], m.inputShape()[1], m.inputShape()[2]));
        JsonNode ref = new ObjectMapper().readTree(dir.resolve("expected.json").toFile());
        for (NetworkBuilder b : List.of(new NetworkBuilder(), NetworkBuilder.scalar())) {
            Network net = m.compile(List.of("dense_g", "dense_i"), b);
            Map<String, Tensor> out = net.run(syntheticInput(32, 32, 3), net.newWorkspace());
            for (String layer : List.of("dense_g", "dense_i")) {
                float[] v = out.get(layer).toArray();
                JsonNode e = ref.get("outputs").get(layer);
                assertEquals(e.size(), v.length, layer);
                for (int i = 0; i < v.length; i++) assertEquals(e.get(i).asDouble(), v[i], 1e-5, layer + "[" + i + "] with " + net.kernelName());
            }
        }
    }

    /** The same model with its weights stored as float16, or uint16 / uint8 quantised: the dequantised model gives nearly the same output. */
    @Test void quantisedAndHalfPrecisionWeightsDecode(@org.junit.jupiter.api.io.TempDir Path tmp) throws IOException {
        Path src = Path.of("src/test/resources/tfjs/user-model");
        TfjsModel exact = TfjsModel.open(src, null);
        float[] want = run(exact);
        ObjectMapper om = new ObjectMapper();
        for (String dtype : List.of("float16", "uint16", "uint8")) {
            Path dir = Files.createDirectories(tmp.resolve(dtype));
            com.fasterxml.jackson.databind.node.ObjectNode m = (com.fasterxml.jackson.databind.node.ObjectNode) om.readTree(src.resolve("model.json").toFile());
            java.nio.ByteBuffer out = java.nio.ByteBuffer.allocate((int) exact.weights().values() * 2).order(java.nio.ByteOrder.LITTLE_ENDIAN);
            for (JsonNode w : m.at("/weightsManifest/0/weights")) {
                float[] v = exact.weights().find(w.get("name").asText().split("/")[0], w.get("name").asText().split("/")[1]).values();
                float min = Float.MAX_VALUE, max = -Float.MAX_VALUE;
                for (float x : v) { min = Math.min(min, x); max = Math.max(max, x); }
                double levels = dtype.equals("uint8") ? 255 : 65535, scale = max > min ? (max - min) / levels : 1;
                com.fasterxml.jackson.databind.node.ObjectNode q = ((com.fasterxml.jackson.databind.node.ObjectNode) w).putObject("quantization");
                q.put("dtype", dtype);
                if (!dtype.equals("float16")) { q.put("scale", scale); q.put("min", min); }
                for (float x : v) {
                    if (dtype.equals("float16")) out.putShort(toHalf(x));
                    else if (dtype.equals("uint16")) out.putShort((short) Math.round((x - min) / scale));
                    else out.put((byte) Math.round((x - min) / scale));
                }
            }
            Files.write(dir.resolve("weights.bin"), java.util.Arrays.copyOf(out.array(), out.position()));
            om.writeValue(dir.resolve("model.json").toFile(), m);
            float[] got = run(TfjsModel.open(dir, null));
            double tol = dtype.equals("uint8") ? 0.05 : 2e-3;
            for (int i = 0; i < want.length; i++) assertEquals(want[i], got[i], tol, dtype + " output " + i);
        }
    }

    static float[] run(TfjsModel m) throws IOException {
        Network net = m.compile(List.of("dense_i"));
        return net.run(syntheticInput(32, 32, 3), net.newWorkspace()).get("dense_i").toArray();
    }

    /** float to IEEE half (round to nearest; the test's weights are normal numbers well inside its range). */
    static short toHalf(float f) {
        int b = Float.floatToIntBits(f), sign = (b >>> 16) & 0x8000, exp = ((b >>> 23) & 0xFF) - 127 + 15, mant = b & 0x7FFFFF;
        if (exp <= 0) return (short) sign;
        int h = sign | (exp << 10) | (mant >>> 13);
        if ((mant & 0x1000) != 0) h++;
        return (short) h;
    }

    /** Each fixture layer: the shape, every channel mean and every sampled value within REL_TOL of the layer's range. */
    static void compare(TfjsModel m, JsonNode ref, List<String> layers, NetworkBuilder builder) throws IOException {
        Network net = m.compile(layers, builder);
        int[] s = m.inputShape();
        Map<String, Tensor> out = net.run(syntheticInput(s[0], s[1], s[2]), net.newWorkspace());
        for (String l : layers) {
            JsonNode e = ref.get("layers").get(l);
            Tensor t = out.get(l);
            JsonNode shape = e.get("shape");
            int c = shape.get(shape.size() - 1).asInt();
            assertEquals(c, t.c, l + " channels");
            if (shape.size() == 3) assertEquals(List.of(shape.get(0).asInt(), shape.get(1).asInt()), List.of(t.h, t.w), l + " size");
            double tol = REL_TOL * Math.max(1, e.get("maxAbs").asDouble()), worst = 0;
            float[] v = t.toArray(), means = t.channelMeans();
            for (int i = 0; i < e.get("positions").size(); i++) {
                double err = Math.abs(v[e.get("positions").get(i).asInt()] - e.get("values").get(i).asDouble());
                worst = Math.max(worst, err);
            }
            for (int i = 0; i < c; i++) worst = Math.max(worst, Math.abs(means[i] - e.get("means").get(i).asDouble()));
            System.out.printf("%s %-26s max abs error %.2e (tolerance %.1e, %s)%n", ref.get("model").asText(), l, worst, tol, net.kernelName());
            assertTrue(worst <= tol, l + ": max abs error " + worst + " > " + tol + " with " + net.kernelName());
        }
    }

    static List<String> layers(JsonNode ref) {
        List<String> out = new ArrayList<>();
        ref.get("layers").fieldNames().forEachRemaining(out::add);
        return out;
    }

    static JsonNode fixture(String name) throws IOException {
        try (InputStream in = TfjsModelTest.class.getResourceAsStream("/tfjs/" + name)) {
            return new ObjectMapper().readTree(in);
        }
    }

    /** The formula of make-fixtures.js's syntheticInput: values in 0..1 that vary over rows, columns and channels. */
    static float[] syntheticInput(int h, int w, int c) {
        float[] x = new float[h * w * c];
        for (int y = 0; y < h; y++)
            for (int xx = 0; xx < w; xx++)
                for (int ch = 0; ch < c; ch++)
                    x[(y * w + xx) * c + ch] = (float) (0.5 + 0.5 * Math.sin(0.11 * y + 0.07 * xx + 1.3 * ch) * Math.cos(0.05 * y * (ch + 1) - 0.03 * xx));
        return x;
    }

    static Path copyOfUserModel(Path tmp) throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("model"));
        for (String f : List.of("model.json", "weights.bin")) Files.copy(Path.of("src/test/resources/tfjs/user-model").resolve(f), dir.resolve(f));
        return dir;
    }
}
