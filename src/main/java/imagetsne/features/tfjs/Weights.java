package imagetsne.features.tfjs;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The weights of a TF.js layers model, decoded from its {@code weightsManifest}: each group's shards are
 * concatenated and its weights read in order, little-endian, as float32 or int32, or dequantised from
 * uint8/uint16 ({@code q * scale + min}) or float16.
 */
public final class Weights {
    /** One named weight array, row-major in the Keras shape (a conv kernel is [kh, kw, in, out]). */
    public record Weight(String name, int[] shape, float[] values) {
        public int size() { return values.length; }
    }

    private final Map<String, Weight> byName;

    private Weights(Map<String, Weight> byName) { this.byName = byName; }

    public int count() { return byName.size(); }

    public long values() { return byName.values().stream().mapToLong(Weight::size).sum(); }

    /**
     * A layer's parameter ("kernel", "bias", "gamma", ...): the weight named {@code layer/param}, or one whose
     * name ends with {@code /layer/param} (TF.js may prefix a scope); null when the layer has none.
     */
    public Weight find(String layer, String param) {
        String key = layer + "/" + param;
        Weight w = byName.get(key);
        if (w != null) return w;
        Weight found = null;
        for (Map.Entry<String, Weight> e : byName.entrySet()) {
            if (e.getKey().endsWith("/" + key)) {
                if (found != null) throw new IllegalArgumentException("two weights match " + key + ": " + found.name + " and " + e.getKey());
                found = e.getValue();
            }
        }
        return found;
    }

    static Weights read(ModelFiles files) throws IOException {
        JsonNode manifest = files.model.get("weightsManifest");
        if (manifest == null || !manifest.isArray()) throw new IOException(files.origin + ": model.json has no weightsManifest");
        Map<String, Weight> out = new LinkedHashMap<>();
        int groupNo = 0;
        for (JsonNode group : manifest) {
            groupNo++;
            ByteArrayOutputStream concat = new ByteArrayOutputStream();
            StringBuilder names = new StringBuilder();
            for (JsonNode p : group.path("paths")) {
                concat.writeBytes(files.shard(p.asText()));
                names.append(names.length() == 0 ? "" : ", ").append(p.asText());
            }
            ByteBuffer buf = ByteBuffer.wrap(concat.toByteArray()).order(ByteOrder.LITTLE_ENDIAN);
            long needed = 0;
            for (JsonNode w : group.path("weights")) needed += bytes(w, files.origin);
            if (needed != buf.capacity()) {
                throw new IOException(files.origin + ": corrupt weight shard(s) " + names + ": the manifest's weights need "
                        + needed + " bytes, the shards hold " + buf.capacity());
            }
            for (JsonNode w : group.path("weights")) {
                Weight weight = decode(w, buf, files.origin);
                if (out.put(weight.name, weight) != null) throw new IOException(files.origin + ": weight " + weight.name + " appears twice");
            }
        }
        if (out.isEmpty()) throw new IOException(files.origin + ": the weights manifest lists no weights (group count " + groupNo + ")");
        return new Weights(out);
    }

    /** IEEE 754 half precision to float (Java 17 has no Float.float16ToFloat). */
    static float halfToFloat(short h) {
        int bits = h & 0xFFFF, sign = (bits & 0x8000) << 16, exp = (bits >>> 10) & 0x1F, mant = bits & 0x3FF;
        if (exp == 0x1F) return Float.intBitsToFloat(sign | 0x7F800000 | (mant << 13));
        if (exp == 0) {
            float f = mant * 0x1p-24f; // subnormal: mant * 2^-24
            return sign == 0 ? f : -f;
        }
        return Float.intBitsToFloat(sign | ((exp + 112) << 23) | (mant << 13));
    }

    private static int[] shape(JsonNode w) {
        JsonNode s = w.path("shape");
        int[] shape = new int[s.size()];
        for (int i = 0; i < shape.length; i++) shape[i] = s.get(i).asInt();
        return shape;
    }

    private static long count(int[] shape) {
        long n = 1;
        for (int d : shape) n *= d;
        return n;
    }

    private static long bytes(JsonNode w, String origin) throws IOException {
        long n = count(shape(w));
        JsonNode q = w.get("quantization");
        String dtype = q != null ? q.path("dtype").asText() : w.path("dtype").asText("float32");
        return n * switch (dtype) {
            case "uint8" -> 1;
            case "uint16", "float16" -> 2;
            case "float32", "int32" -> 4;
            default -> throw new IOException(origin + ": weight " + w.path("name").asText() + " has unsupported dtype " + dtype);
        };
    }

    private static Weight decode(JsonNode w, ByteBuffer buf, String origin) throws IOException {
        String name = w.path("name").asText();
        int[] shape = shape(w);
        long n = count(shape);
        if (n > Integer.MAX_VALUE) throw new IOException(origin + ": weight " + name + " is too large (" + Arrays.toString(shape) + ")");
        float[] v = new float[(int) n];
        JsonNode q = w.get("quantization");
        String dtype = w.path("dtype").asText("float32");
        if (q != null) {
            String qtype = q.path("dtype").asText();
            double scale = q.path("scale").asDouble(1), min = q.path("min").asDouble(0);
            for (int i = 0; i < v.length; i++) {
                v[i] = switch (qtype) {
                    case "uint8" -> (float) ((buf.get() & 0xFF) * scale + min);
                    case "uint16" -> (float) ((buf.getShort() & 0xFFFF) * scale + min);
                    default -> halfToFloat(buf.getShort()); // float16: bytes() ruled out the rest
                };
            }
        } else if (dtype.equals("int32")) {
            for (int i = 0; i < v.length; i++) v[i] = buf.getInt();
        } else {
            for (int i = 0; i < v.length; i++) v[i] = buf.getFloat();
        }
        for (float x : v) if (!Float.isFinite(x)) throw new IOException(origin + ": weight " + name + " holds non-finite values (corrupt shard?)");
        return new Weight(name, shape, v);
    }
}
