package imagetsne.features.tfjs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the importer says about models it cannot read: one line, naming the file or layer and the reason. */
class TfjsErrorsTest {
    @TempDir Path tmp;
    final ObjectMapper json = new ObjectMapper();

    ObjectNode modelJson(Path dir) throws IOException { return (ObjectNode) json.readTree(dir.resolve("model.json").toFile()); }

    void write(Path dir, ObjectNode m) throws IOException { json.writeValue(dir.resolve("model.json").toFile(), m); }

    static void oneLine(Exception e) {
        assertFalse(e.getMessage().contains("\n"), e.getMessage());
    }

    @Test void anUnsupportedLayerIsNamedWithItsClass() throws IOException {
        Path dir = TfjsModelTest.copyOfUserModel(tmp);
        ObjectNode m = modelJson(dir);
        ObjectNode layer = (ObjectNode) m.at("/modelTopology/config/layers/0/config/layers/6");
        assertEquals("conv_c", layer.at("/config/name").asText());
        layer.put("class_name", "LSTM");
        write(dir, m);
        TfjsModel model = TfjsModel.open(dir, null);
        IOException e = assertThrows(IOException.class, () -> model.compile(List.of("dense_i")));
        assertTrue(e.getMessage().contains("layer 'conv_c' is a LSTM, which the importer does not support"), e.getMessage());
        assertTrue(e.getMessage().contains("DepthwiseConv2D"), "lists what is supported: " + e.getMessage());
        oneLine(e);
        // the layers before it still compile and run
        var net = model.compile(List.of("act_b"));
        var t = net.run(TfjsModelTest.syntheticInput(32, 32, 3), net.newWorkspace()).get("act_b");
        assertEquals(List.of(16, 16, 8), List.of(t.h, t.w, t.c));
    }

    @Test void aTruncatedShardIsNamedWithTheByteCounts() throws IOException {
        Path dir = TfjsModelTest.copyOfUserModel(tmp);
        byte[] bin = Files.readAllBytes(dir.resolve("weights.bin"));
        Files.write(dir.resolve("weights.bin"), java.util.Arrays.copyOf(bin, bin.length - 100));
        IOException e = assertThrows(IOException.class, () -> TfjsModel.open(dir, null));
        assertTrue(e.getMessage().contains("corrupt weight shard(s) weights.bin") && e.getMessage().contains(bin.length + " bytes")
                && e.getMessage().contains((bin.length - 100) + ""), e.getMessage());
        oneLine(e);
        Files.delete(dir.resolve("weights.bin"));
        e = assertThrows(IOException.class, () -> TfjsModel.open(dir, null));
        assertTrue(e.getMessage().endsWith("weight shard 'weights.bin' not found"), e.getMessage());
    }

    @Test void aMissingWeightAndAWrongShapeAreNamed() throws IOException {
        Path dir = TfjsModelTest.copyOfUserModel(tmp);
        ObjectNode m = modelJson(dir);
        ObjectNode w = (ObjectNode) m.at("/weightsManifest/0/weights/0");
        assertEquals("conv_a/kernel", w.get("name").asText());
        w.put("name", "conv_z/kernel");
        write(dir, m);
        IOException e = assertThrows(IOException.class, () -> TfjsModel.open(dir, null).compile(List.of("dense_i")));
        assertTrue(e.getMessage().contains("layer 'conv_a' (Conv2D): weight conv_a/kernel is missing"), e.getMessage());

        w.put("name", "conv_a/kernel");
        ((ObjectNode) m.at("/modelTopology/config/layers/0/config/layers/0/config")).put("filters", 9);
        write(dir, m);
        e = assertThrows(IOException.class, () -> TfjsModel.open(dir, null).compile(List.of("dense_i")));
        assertTrue(e.getMessage().contains("conv_a/kernel has shape [3, 3, 3, 8], expected [3, 3, 3, 9]"), e.getMessage());
        oneLine(e);
    }

    @Test void aGraphModelAndNotAModelAreTold() throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("graph"));
        Files.writeString(dir.resolve("model.json"), "{\"format\":\"graph-model\",\"modelTopology\":{\"node\":[]},\"weightsManifest\":[]}");
        IOException e = assertThrows(IOException.class, () -> TfjsModel.open(dir, null));
        assertTrue(e.getMessage().contains("a TF.js graph model; only layers models"), e.getMessage());
        Files.writeString(dir.resolve("model.json"), "{\"modelTopology\": [1, 2");
        e = assertThrows(IOException.class, () -> TfjsModel.open(dir, null));
        assertTrue(e.getMessage().contains("model.json: not valid JSON"), e.getMessage());
        oneLine(e);
        e = assertThrows(IOException.class, () -> TfjsModel.open(tmp.resolve("nothing-here"), null));
        assertTrue(e.getMessage().startsWith("model not found"), e.getMessage());
    }

    /** nsfwjs's bundle format, written here from the user model: read like the real one, and its damage reported. */
    @Test void anNsfwjsStyleBundleIsReadAndACorruptOneReported() throws IOException {
        Path src = TfjsModelTest.copyOfUserModel(tmp);
        Path dir = Files.createDirectories(tmp.resolve("bundle"));
        ObjectNode m = modelJson(src);
        ((com.fasterxml.jackson.databind.node.ArrayNode) m.at("/weightsManifest/0/paths")).removeAll().add("group1-shard1of1");
        // a minifier's forms: unquoted keys, !0 / !1 for true / false, .5 for 0.5
        String literal = json.writeValueAsString(m).replaceAll("\"([A-Za-z_][A-Za-z0-9_]*)\":", "$1:")
                .replace(":true", ":!0").replace(":false", ":!1").replace(":0.5", ":.5");
        assertTrue(literal.contains("!0") && literal.contains("!1"));
        Files.writeString(dir.resolve("model.min.js"), "!function(e){module.exports=e()}(function(){return {1:[function(e,a,n){a.exports=" + literal + "},{}]}});");
        String b64 = Base64.getEncoder().encodeToString(Files.readAllBytes(src.resolve("weights.bin")));
        Path shard = dir.resolve("group1-shard1of1.min.js");
        Files.writeString(shard, "!function(e){module.exports=e()}(function(){return {1:[function(e,h,n){h.exports=\"" + b64 + "\"},{}]}});");
        TfjsModel bundled = TfjsModel.open(dir, null), plain = TfjsModel.open(src, null);
        assertEquals(plain.weights().values(), bundled.weights().values());
        assertEquals(plain.layerNames(), bundled.layerNames());

        Files.writeString(shard, "h.exports=\"" + b64.substring(0, 40) + "*" + b64.substring(41) + "\"", StandardCharsets.US_ASCII);
        IOException e = assertThrows(IOException.class, () -> TfjsModel.open(dir, null));
        assertTrue(e.getMessage().contains("group1-shard1of1.min.js: corrupt weight shard (bad base64"), e.getMessage());
        Files.writeString(shard, "h.exports=\"" + b64.substring(0, 1000));
        e = assertThrows(IOException.class, () -> TfjsModel.open(dir, null));
        assertTrue(e.getMessage().contains("unterminated string literal (truncated file?)"), e.getMessage());
        oneLine(e);
    }

    @Test void halfPrecisionDecodes() {
        assertEquals(1f, Weights.halfToFloat((short) 0x3C00));
        assertEquals(-2f, Weights.halfToFloat((short) 0xC000));
        assertEquals(65504f, Weights.halfToFloat((short) 0x7BFF));
        assertEquals(0x1p-24f, Weights.halfToFloat((short) 0x0001));
        assertEquals(0.333251953125f, Weights.halfToFloat((short) 0x3555));
        assertTrue(Float.isInfinite(Weights.halfToFloat((short) 0x7C00)));
    }
}
