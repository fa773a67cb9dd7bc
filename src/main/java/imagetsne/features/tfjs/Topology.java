package imagetsne.features.tfjs;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A Keras model configuration (the {@code modelTopology} of a TF.js layers model) as a flat list of layers
 * in execution order, each with the names of the layers it reads. Functional models ("Model", "Functional")
 * and "Sequential" ones are read, also nested one inside the other (Teachable Machine exports a Sequential
 * of Sequentials); a nested model's layers take its place in the graph.
 */
public final class Topology {
    /** One layer: its Keras class, its config object, and the layers whose outputs it takes, in order. */
    public record Layer(String name, String className, JsonNode config, List<String> inputs) {}

    private final List<Layer> layers;
    private final String input, output;
    private final int[] inputShape;

    private Topology(List<Layer> layers, String input, String output, int[] inputShape) {
        this.layers = List.copyOf(layers);
        this.input = input;
        this.output = output;
        this.inputShape = inputShape;
    }

    public List<Layer> layers() { return layers; }

    /** The input layer's name. */
    public String input() { return input; }

    /** The model's (last) output layer. */
    public String output() { return output; }

    /** {height, width, channels} of the model's input. */
    public int[] inputShape() { return inputShape.clone(); }

    public Layer layer(String name) {
        for (Layer l : layers) if (l.name.equals(name)) return l;
        return null;
    }

    static Topology parse(JsonNode modelJson, String origin) throws IOException {
        String format = modelJson.path("format").asText("");
        if (format.equals("graph-model") || modelJson.has("modelTopology") && modelJson.get("modelTopology").has("node")) {
            throw new IOException(origin + ": a TF.js graph model; only layers models (format layers-model) can be read");
        }
        JsonNode topo = modelJson.path("modelTopology");
        if (topo.has("model_config")) topo = topo.get("model_config");
        if (!topo.has("class_name")) throw new IOException(origin + ": model.json has no Keras model topology");
        Builder b = new Builder(origin);
        Ends ends = b.model(topo, null);
        if (b.inputName == null) throw new IOException(origin + ": the model has no input layer");
        return new Topology(new ArrayList<>(b.out.values()), b.inputName, ends.output, b.inputShape);
    }

    private record Ends(String input, String output) {}

    private static final class Builder {
        final String origin;
        final Map<String, Layer> out = new LinkedHashMap<>();
        /** A nested model's name or input layer -> the layer whose output stands for it. */
        final Map<String, String> alias = new HashMap<>();
        String inputName;
        int[] inputShape;

        Builder(String origin) { this.origin = origin; }

        String resolve(String name) {
            String n = name;
            for (int guard = 0; alias.containsKey(n) && guard < 100; guard++) n = alias.get(n);
            return n;
        }

        /** Adds a model's layers; {@code feed} is the outer layer that feeds it (null for the outermost model). */
        Ends model(JsonNode m, String feed) throws IOException {
            String cls = m.path("class_name").asText();
            JsonNode cfg = m.path("config");
            return switch (cls) {
                case "Sequential" -> sequential(cfg.isArray() ? cfg : cfg.path("layers"), feed);
                case "Model", "Functional" -> functional(cfg, feed);
                default -> throw new IOException(origin + ": unsupported model class " + cls + " (expected Model, Functional or Sequential)");
            };
        }

        Ends sequential(JsonNode layers, String feed) throws IOException {
            String prev = feed, first = null;
            for (JsonNode l : layers) {
                String name = l.path("config").path("name").asText(l.path("name").asText());
                String cls = l.path("class_name").asText();
                if (isModel(cls)) {
                    Ends e = model(l, prev);
                    alias.put(name, e.output);
                    prev = e.output;
                    if (first == null) first = e.input;
                    continue;
                }
                if (prev == null) {
                    // a Sequential's first layer carries the input shape; give the model an explicit input
                    String in = cls.equals("InputLayer") ? name : name + "_input";
                    addInput(in, l.path("config"));
                    if (cls.equals("InputLayer")) { prev = in; first = in; continue; }
                    prev = in;
                    first = in;
                }
                add(new Layer(name, cls, l.path("config"), List.of(prev)));
                prev = name;
            }
            if (prev == null) throw new IOException(origin + ": an empty Sequential model");
            return new Ends(first, prev);
        }

        Ends functional(JsonNode cfg, String feed) throws IOException {
            String firstInput = null;
            for (JsonNode l : cfg.path("layers")) {
                String name = l.path("name").asText(l.path("config").path("name").asText());
                String cls = l.path("class_name").asText();
                JsonNode nodes = l.path("inbound_nodes");
                if (nodes.size() > 1) throw new IOException(origin + ": layer '" + name + "' is used " + nodes.size() + " times (shared layers are not supported)");
                List<String> inputs = new ArrayList<>();
                if (nodes.size() == 1) for (JsonNode in : nodes.get(0)) inputs.add(resolve(in.isArray() ? in.get(0).asText() : in.asText()));
                if (cls.equals("InputLayer")) {
                    if (firstInput == null) firstInput = name;
                    if (feed != null) alias.put(name, feed);
                    else addInput(name, l.path("config"));
                    continue;
                }
                if (isModel(cls)) {
                    if (inputs.size() != 1) throw new IOException(origin + ": nested model '" + name + "' must have one input");
                    Ends e = model(l, inputs.get(0));
                    alias.put(name, e.output);
                    continue;
                }
                add(new Layer(name, cls, l.path("config"), inputs));
            }
            JsonNode outs = cfg.path("output_layers");
            if (outs.size() != 1) throw new IOException(origin + ": the model must have exactly one output (it has " + outs.size() + ")");
            JsonNode o = outs.get(0);
            return new Ends(firstInput, resolve(o.isArray() ? o.get(0).asText() : o.asText()));
        }

        void addInput(String name, JsonNode config) throws IOException {
            if (inputName != null) throw new IOException(origin + ": the model has more than one input (" + inputName + ", " + name + ")");
            JsonNode s = config.has("batch_input_shape") ? config.get("batch_input_shape") : config.path("batchInputShape");
            if (s.size() != 4 || s.get(1).isNull() || s.get(2).isNull()) {
                throw new IOException(origin + ": the input '" + name + "' is not an image of fixed size (shape " + s + ")");
            }
            inputName = name;
            inputShape = new int[] {s.get(1).asInt(), s.get(2).asInt(), s.get(3).asInt()};
            add(new Layer(name, "InputLayer", config, List.of()));
        }

        void add(Layer l) throws IOException {
            if (out.put(l.name, l) != null) throw new IOException(origin + ": two layers are named '" + l.name + "'");
        }

        static boolean isModel(String cls) {
            return cls.equals("Sequential") || cls.equals("Model") || cls.equals("Functional");
        }
    }
}
