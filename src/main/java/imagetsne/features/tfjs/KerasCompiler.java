package imagetsne.features.tfjs;

import com.fasterxml.jackson.databind.JsonNode;
import imagetsne.features.nn.Activation;
import imagetsne.features.nn.Network;
import imagetsne.features.nn.NetworkBuilder;
import imagetsne.features.nn.Pads;
import imagetsne.features.nn.Value;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns a Keras topology and its weights into a {@link Network} computing the requested layers' outputs,
 * and nothing past them. Patterns are fused where the result is the same: a batch normalisation after a
 * convolution is folded into its weights, a ReLU / ReLU6 / linear activation runs in the convolution's
 * epilogue, and a ZeroPadding2D in front of convolutions becomes their padding. Nothing is fused across a
 * layer whose output was asked for.
 */
final class KerasCompiler {
    static final List<String> SUPPORTED = List.of("InputLayer", "Conv2D", "DepthwiseConv2D", "BatchNormalization", "ReLU",
            "Activation", "ZeroPadding2D", "Add", "Concatenate", "MaxPooling2D", "AveragePooling2D",
            "GlobalAveragePooling2D", "GlobalMaxPooling2D", "Dense", "Dropout", "SpatialDropout2D", "Flatten");

    private final Topology topo;
    private final Weights weights;
    private final String origin;
    private final Set<String> wanted;
    private final Map<String, List<Topology.Layer>> consumers = new HashMap<>();
    private final Map<String, Value> values = new HashMap<>();
    /** A ZeroPadding2D folded into its consumers: the value it pads and by how much. */
    private final Map<String, Pending> pendingPads = new HashMap<>();
    private final Set<String> absorbed = new HashSet<>();
    private final NetworkBuilder nb;

    private record Pending(String source, Pads pads) {}

    private KerasCompiler(Topology topo, Weights weights, String origin, Collection<String> outputs, NetworkBuilder nb) {
        this.topo = topo;
        this.weights = weights;
        this.origin = origin;
        this.wanted = new HashSet<>(outputs);
        this.nb = nb;
    }

    static Network compile(Topology topo, Weights weights, String origin, Collection<String> outputs, NetworkBuilder nb) throws IOException {
        return new KerasCompiler(topo, weights, origin, outputs, nb).run();
    }

    private Network run() throws IOException {
        for (String o : wanted) if (topo.layer(o) == null) throw new IOException(origin + ": no layer named '" + o + "'");
        Set<String> needed = ancestors();
        for (Topology.Layer l : topo.layers()) {
            if (!needed.contains(l.name())) continue;
            for (String in : l.inputs()) consumers.computeIfAbsent(in, k -> new ArrayList<>()).add(l);
        }
        for (Topology.Layer l : topo.layers()) {
            if (!needed.contains(l.name()) || absorbed.contains(l.name())) continue;
            try {
                layer(l);
            } catch (IllegalArgumentException e) {
                throw new IOException(origin + ": layer '" + l.name() + "' (" + l.className() + "): " + e.getMessage(), e);
            }
        }
        Map<String, Value> out = new LinkedHashMap<>();
        for (String o : wanted) out.put(o, value(o));
        return nb.build(out);
    }

    private Set<String> ancestors() {
        Set<String> seen = new HashSet<>();
        List<String> todo = new ArrayList<>(wanted);
        while (!todo.isEmpty()) {
            String n = todo.remove(todo.size() - 1);
            if (!seen.add(n)) continue;
            Topology.Layer l = topo.layer(n);
            if (l != null) todo.addAll(l.inputs());
        }
        return seen;
    }

    private Value value(String name) {
        Value v = values.get(name);
        if (v == null) throw new IllegalStateException("layer " + name + " has no computed value");
        return v;
    }

    private void layer(Topology.Layer l) throws IOException {
        JsonNode c = l.config();
        String n = l.name();
        switch (l.className()) {
            case "InputLayer" -> {
                int[] s = topo.inputShape();
                // only convolutions read a compact input
                boolean compact = consumers.getOrDefault(n, List.of()).stream().allMatch(x -> x.className().equals("Conv2D"));
                values.put(n, nb.input(s[0], s[1], s[2], compact));
            }
            case "Conv2D", "DepthwiseConv2D" -> conv(l);
            case "Dense" -> dense(l);
            case "BatchNormalization" -> {
                float[][] ss = batchNorm(n, c, in(l).c());
                values.put(n, nb.affine(n, in(l), ss[0], ss[1]));
            }
            case "ReLU" -> values.put(n, nb.activation(n, in(l), reluOf(c)));
            case "Activation" -> {
                Activation a = activation(c.path("activation").asText(), n);
                values.put(n, a.kind().equals("linear") ? in(l) : nb.activation(n, in(l), a));
            }
            case "ZeroPadding2D" -> zeroPadding(l);
            case "Add" -> values.put(n, nb.add(n, ins(l)));
            case "Concatenate" -> {
                int axis = c.path("axis").asInt(-1);
                if (axis != -1 && axis != 3) throw new IllegalArgumentException("concatenation along axis " + axis + " (only channels)");
                values.put(n, nb.concat(n, ins(l)));
            }
            case "MaxPooling2D", "AveragePooling2D" -> {
                Value in = in(l);
                int[] k = pair(c, "pool_size", 2), s = c.has("strides") && !c.get("strides").isNull() ? pair(c, "strides", 1) : k;
                Pads p = padding(c, in, k, s);
                values.put(n, nb.pool(n, in, l.className().startsWith("Max"), k[0], k[1], s[0], s[1], p));
            }
            case "GlobalAveragePooling2D", "GlobalMaxPooling2D" -> values.put(n, nb.globalPool(n, in(l), l.className().contains("Max")));
            case "Flatten" -> {
                Value in = in(l);
                values.put(n, in.h() == 1 && in.w() == 1 ? in : nb.flatten(n, in));
            }
            case "Dropout", "SpatialDropout2D" -> values.put(n, in(l));
            default -> throw new IOException(origin + ": layer '" + n + "' is a " + l.className()
                    + ", which the importer does not support (supported: " + String.join(", ", SUPPORTED) + ")");
        }
    }

    private void conv(Topology.Layer l) throws IOException {
        JsonNode c = l.config();
        String n = l.name();
        boolean depthwise = l.className().equals("DepthwiseConv2D");
        requireChannelsLast(c);
        int[] k = pair(c, "kernel_size", 1), s = pair(c, "strides", 1), d = pair(c, "dilation_rate", 1);
        if (d[0] != 1 || d[1] != 1) throw new IllegalArgumentException("dilated convolutions are not supported");
        String src = l.inputs().get(0);
        Pads extra = Pads.NONE;
        Pending pending = pendingPads.get(src);
        if (pending != null) { src = pending.source; extra = pending.pads; }
        Value in = value(src);
        Weights.Weight kernel = need(n, depthwise ? "depthwise_kernel" : "kernel");
        int cout;
        if (depthwise) {
            if (c.path("depth_multiplier").asInt(1) != 1) throw new IllegalArgumentException("depth multiplier other than 1");
            cout = in.c();
        } else {
            cout = c.path("filters").asInt();
        }
        expectShape(kernel, depthwise ? new int[] {k[0], k[1], in.c(), 1} : new int[] {k[0], k[1], in.c(), cout});
        float[] w = kernel.values().clone();
        float[] b = c.path("use_bias").asBoolean(true) ? need(n, "bias").values().clone() : null;
        Pads pads = extra.plus(c.path("padding").asText("valid").equals("same")
                ? Pads.same(in.h() + extra.top() + extra.bottom(), in.w() + extra.left() + extra.right(), k[0], k[1], s[0], s[1]) : Pads.NONE);
        Activation act = activation(c.path("activation").asText("linear"), n);
        String end = n;
        if (act.kind().equals("linear")) {
            // conv -> batch norm -> activation, each the only reader of the one before: one step
            Topology.Layer bn = sole(n, "BatchNormalization");
            if (bn != null) {
                float[][] ss = batchNorm(bn.name(), bn.config(), cout);
                if (b == null) b = new float[cout];
                for (int i = 0; i < w.length; i++) w[i] *= ss[0][i % cout];
                for (int o = 0; o < cout; o++) b[o] = b[o] * ss[0][o] + ss[1][o];
                absorbed.add(bn.name());
                end = bn.name();
            }
            Topology.Layer next = sole(end, "ReLU", "Activation");
            if (next != null) {
                Activation a = next.className().equals("ReLU") ? reluOf(next.config()) : activation(next.config().path("activation").asText(), next.name());
                if (a.kind().equals("linear") || a.kind().equals("relu") && a.negativeSlope() == 0 && a.threshold() == 0) {
                    act = a;
                    absorbed.add(next.name());
                    end = next.name();
                }
            }
        }
        Activation fused = isClamp(act) ? act : Activation.LINEAR;
        Value v = depthwise ? nb.depthwise(n, in, w, k[0], k[1], b, s[0], s[1], pads, fused)
                : nb.conv(n, in, w, k[0], k[1], cout, b, s[0], s[1], pads, fused);
        if (fused != act) v = nb.activation(n + "/activation", v, act);
        values.put(n, v);
        // the folded layers' names stand for the fused value too (only the last one has other readers)
        for (String a : absorbedChain(n, end)) values.put(a, v);
    }

    private List<String> absorbedChain(String from, String to) {
        List<String> chain = new ArrayList<>();
        String cur = from;
        while (!cur.equals(to)) {
            Topology.Layer next = consumers.get(cur).get(0);
            chain.add(next.name());
            cur = next.name();
        }
        return chain;
    }

    private void dense(Topology.Layer l) {
        JsonNode c = l.config();
        String n = l.name();
        Value in = in(l);
        int units = c.path("units").asInt();
        Weights.Weight kernel = need(n, "kernel");
        expectShape(kernel, new int[] {in.c(), units});
        float[] b = c.path("use_bias").asBoolean(true) ? need(n, "bias").values() : null;
        Activation act = activation(c.path("activation").asText("linear"), n);
        Value v = nb.dense(n, in, kernel.values(), units, b, isClamp(act) ? act : Activation.LINEAR);
        if (!isClamp(act)) v = nb.activation(n + "/activation", v, act);
        values.put(n, v);
    }

    private void zeroPadding(Topology.Layer l) {
        JsonNode p = l.config().path("padding");
        requireChannelsLast(l.config());
        Pads pads;
        if (p.isInt()) pads = new Pads(p.asInt(), p.asInt(), p.asInt(), p.asInt());
        else if (p.size() == 2 && p.get(0).isInt()) pads = new Pads(p.get(0).asInt(), p.get(0).asInt(), p.get(1).asInt(), p.get(1).asInt());
        else pads = new Pads(p.get(0).get(0).asInt(), p.get(0).get(1).asInt(), p.get(1).get(0).asInt(), p.get(1).get(1).asInt());
        List<Topology.Layer> readers = consumers.getOrDefault(l.name(), List.of());
        boolean foldable = !wanted.contains(l.name()) && !readers.isEmpty() && pendingPads.get(l.inputs().get(0)) == null
                && readers.stream().allMatch(r -> r.className().equals("Conv2D") || r.className().equals("DepthwiseConv2D"));
        if (foldable) pendingPads.put(l.name(), new Pending(l.inputs().get(0), pads));
        else values.put(l.name(), nb.pad(l.name(), in(l), pads));
    }

    /** The only reader of {@code name}, when it is of one of these classes and its input was not asked for. */
    private Topology.Layer sole(String name, String... classes) {
        if (wanted.contains(name)) return null;
        List<Topology.Layer> r = consumers.getOrDefault(name, List.of());
        if (r.size() != 1 || r.get(0).inputs().size() != 1) return null;
        for (String cls : classes) if (r.get(0).className().equals(cls)) return r.get(0);
        return null;
    }

    /** {scale, shift} per channel: gamma / sqrt(var + eps) and beta - mean * scale. */
    private float[][] batchNorm(String n, JsonNode c, int channels) {
        int axis = c.path("axis").isArray() ? c.path("axis").get(0).asInt() : c.path("axis").asInt(-1);
        if (axis != -1 && axis != 3) throw new IllegalArgumentException("batch normalisation over axis " + axis + " (only channels)");
        double eps = c.path("epsilon").asDouble(1e-3);
        float[] mean = need(n, "moving_mean").values(), var = need(n, "moving_variance").values();
        Weights.Weight gamma = c.path("scale").asBoolean(true) ? need(n, "gamma") : null;
        Weights.Weight beta = c.path("center").asBoolean(true) ? need(n, "beta") : null;
        if (mean.length != channels || var.length != channels) throw new IllegalArgumentException("statistics for " + mean.length + " channels, the input has " + channels);
        float[] scale = new float[channels], shift = new float[channels];
        for (int i = 0; i < channels; i++) {
            double s = (gamma == null ? 1 : gamma.values()[i]) / Math.sqrt(var[i] + eps);
            scale[i] = (float) s;
            shift[i] = (float) ((beta == null ? 0 : beta.values()[i]) - mean[i] * s);
        }
        return new float[][] {scale, shift};
    }

    private Pads padding(JsonNode c, Value in, int[] k, int[] s) {
        return c.path("padding").asText("valid").equals("same") ? Pads.same(in.h(), in.w(), k[0], k[1], s[0], s[1]) : Pads.NONE;
    }

    private static Activation reluOf(JsonNode c) {
        JsonNode max = c.get("max_value");
        return Activation.relu(max == null || max.isNull() ? Float.POSITIVE_INFINITY : (float) max.asDouble(),
                (float) c.path("negative_slope").asDouble(0), (float) c.path("threshold").asDouble(0));
    }

    private static Activation activation(String name, String layer) {
        Activation a = Activation.named(name);
        if (a == null) throw new IllegalArgumentException("activation '" + name + "' is not supported");
        return a;
    }

    private static boolean isClamp(Activation a) {
        return a.kind().equals("linear") || a.kind().equals("relu") && a.negativeSlope() == 0 && a.threshold() == 0;
    }

    private Weights.Weight need(String layer, String param) {
        Weights.Weight w = weights.find(layer, param);
        if (w == null) throw new IllegalArgumentException("weight " + layer + "/" + param + " is missing from the weights manifest");
        return w;
    }

    private static void expectShape(Weights.Weight w, int[] shape) {
        if (!java.util.Arrays.equals(w.shape(), shape))
            throw new IllegalArgumentException("weight " + w.name() + " has shape " + java.util.Arrays.toString(w.shape()) + ", expected " + java.util.Arrays.toString(shape));
    }

    private static void requireChannelsLast(JsonNode c) {
        String f = c.path("data_format").asText("channels_last");
        if (!f.equals("channels_last")) throw new IllegalArgumentException("data format " + f + " (only channels_last)");
    }

    private static int[] pair(JsonNode c, String key, int dflt) {
        JsonNode v = c.get(key);
        if (v == null || v.isNull()) return new int[] {dflt, dflt};
        if (v.isInt()) return new int[] {v.asInt(), v.asInt()};
        return new int[] {v.get(0).asInt(), v.get(1).asInt()};
    }

    private Value in(Topology.Layer l) {
        if (l.inputs().size() != 1) throw new IllegalArgumentException("expects one input, has " + l.inputs().size());
        return value(l.inputs().get(0));
    }

    private Value[] ins(Topology.Layer l) {
        Value[] v = new Value[l.inputs().size()];
        for (int i = 0; i < v.length; i++) v[i] = value(l.inputs().get(i));
        return v;
    }
}
