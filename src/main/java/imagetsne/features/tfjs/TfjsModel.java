package imagetsne.features.tfjs;

import imagetsne.features.nn.Network;
import imagetsne.features.nn.NetworkBuilder;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;

/**
 * A TensorFlow.js layers model read into memory: its Keras topology and its (dequantised) weights, ready
 * to compile into a {@link Network} that computes any of its layers. Reads TF.js's own format (what
 * tfjs-converter, Keras's tensorflowjs exporter and Teachable Machine write) and nsfwjs's bundles, from
 * a folder, a file, an npm tarball or the class path.
 */
public final class TfjsModel {
    private final String origin;
    private final Topology topology;
    private final Weights weights;
    private final String fingerprint;

    private TfjsModel(String origin, Topology topology, Weights weights, String fingerprint) {
        this.origin = origin;
        this.topology = topology;
        this.weights = weights;
        this.fingerprint = fingerprint;
    }

    /**
     * @param source    a folder, model.json, model.min.js or npm tarball
     * @param modelName the model inside a package of several (nsfwjs: mobilenet_v2 or inception_v3), or null
     * @throws IOException one line naming the file and what is wrong with it
     */
    public static TfjsModel open(Path source, String modelName) throws IOException {
        return read(ModelFiles.open(source, modelName));
    }

    /** A model on the class path, e.g. "/models/mobilenet-v2". */
    public static TfjsModel resource(String dir) throws IOException {
        return read(ModelFiles.resource(dir));
    }

    private static TfjsModel read(ModelFiles files) throws IOException {
        Topology t = Topology.parse(files.model, files.origin);
        Weights w = Weights.read(files);
        return new TfjsModel(files.origin, t, w, files.fingerprint());
    }

    public String origin() { return origin; }

    /** 12 hex digits of a hash of the model's JSON and weight shards: the feature cache tells models apart by it. */
    public String fingerprint() { return fingerprint; }

    public Topology topology() { return topology; }

    public Weights weights() { return weights; }

    public List<String> layerNames() { return topology.layers().stream().map(Topology.Layer::name).toList(); }

    /** {height, width, channels} of the input. */
    public int[] inputShape() { return topology.inputShape(); }

    /**
     * A network computing the named layers' outputs (and only what they need).
     * @throws IOException naming the first layer that cannot be imported (unsupported class, missing weight, bad shape)
     */
    public Network compile(Collection<String> outputs) throws IOException {
        return compile(outputs, new NetworkBuilder());
    }

    /** As {@link #compile(Collection)} with a given builder (tests compare the scalar and SIMD kernels). */
    public Network compile(Collection<String> outputs, NetworkBuilder builder) throws IOException {
        return KerasCompiler.compile(topology, weights, origin, outputs, builder);
    }
}
