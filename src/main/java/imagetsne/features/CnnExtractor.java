package imagetsne.features;

import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * CNN features: a DL4J ComputationGraph (zoo SqueezeNet, ResNet50, VGG16 or a saved graph) run in batches on
 * images filled into NCHW float arrays by hand (no JavaCV; BGR minus the ImageNet means); the vector is the
 * activation of the penultimate layer, global-average-pooled when it is spatial.
 */
public final class CnnExtractor implements FeatureExtractor {
    /**
     * The zoo weights were converted from Caffe-style Keras models: BGR planes (what DL4J's NativeImageLoader
     * yields) minus these ImageNet means, exactly VGG16ImagePreProcessor's VGG_MEAN_OFFSET_BGR (0..255 scale).
     */
    static final float[] MEAN_BGR = {103.939f, 116.779f, 123.68f};

    private final ComputationGraph graph;
    private final String model, layer, cacheKey;
    private final int height, width, batch, dim;

    /**
     * @param model  squeezenet, resnet50, vgg16 (decides the preferred feature layer) or any name
     * @param height input height the graph expects, width likewise
     */
    public CnnExtractor(ComputationGraph graph, String model, int height, int width, int batch, String cacheKey) {
        this.graph = graph;
        this.model = model.toLowerCase(Locale.ROOT);
        this.height = height;
        this.width = width;
        this.batch = Math.max(1, batch);
        this.cacheKey = cacheKey;
        this.layer = featureLayer(graph, this.model);
        // one black probe image both checks the input shape and tells the dimension
        float[] probe;
        try {
            probe = run(new float[3 * height * width], 1).get(0);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("the " + model + " graph does not accept 3x" + height + "x" + width
                    + " input: " + e.getMessage(), e);
        }
        this.dim = probe.length;
    }

    /** The vertex whose activations are the features: the model's known penultimate layer, else the input of the output layer. */
    static String featureLayer(ComputationGraph graph, String model) {
        String[] preferred = switch (model) {
            case "squeezenet" -> new String[] {"drop9", "fire9"};
            case "resnet50" -> new String[] {"avgpool", "avg_pool", "flatten_1"};
            case "vgg16" -> new String[] {"fc2"};
            default -> new String[0];
        };
        for (String p : preferred) if (graph.getVertex(p) != null) return p;
        // generic rule: walk back from the output past parameter-free vertices (loss, softmax, pooling,
        // activation) to the first layer with weights, the classifier; its input is the penultimate layer
        var conf = graph.getConfiguration();
        String cur = conf.getNetworkOutputs().get(0);
        for (int guard = 0; guard < 50; guard++) {
            List<String> inputs = conf.getVertexInputs().get(cur);
            if (inputs == null || inputs.size() != 1 || conf.getNetworkInputs().contains(inputs.get(0))) break;
            boolean classifier = graph.getVertex(cur).numParams() > 0;
            cur = inputs.get(0);
            if (classifier) break;
        }
        return cur;
    }

    @Override public String kind() { return "cnn"; }
    @Override public String cacheKey() { return cacheKey; }
    @Override public int dimension() { return dim; }
    @Override public int inputSide() { return Math.max(height, width); }
    @Override public int batchSize() { return batch; }

    /** Name of the vertex used as features (for reports). */
    public String featureLayer() { return layer; }

    public String model() { return model; }

    public int inputHeight() { return height; }

    public int inputWidth() { return width; }

    @Override public List<float[]> extract(List<BufferedImage> images) {
        List<float[]> out = new ArrayList<>(images.size());
        int plane = height * width;
        for (int start = 0; start < images.size(); start += batch) {
            int n = Math.min(batch, images.size() - start);
            float[] data = new float[n * 3 * plane];
            for (int i = 0; i < n; i++) fill(images.get(start + i), data, i * 3 * plane);
            out.addAll(run(data, n));
        }
        return out;
    }

    /** The network input for one image: 3 planes of height x width (package-private for tests). */
    float[] input(BufferedImage img) {
        float[] d = new float[3 * height * width];
        fill(img, d, 0);
        return d;
    }

    /** B, G, R planes in 0..255 minus the ImageNet mean; transparent pixels composited on grey (close to the mean). */
    private void fill(BufferedImage img, float[] data, int off) {
        int[] px = ImageArrays.argb(img, width, height);
        int plane = height * width;
        for (int i = 0; i < plane; i++) {
            int c = ImageArrays.onGrey(px[i]);
            data[off + i] = (c & 255) - MEAN_BGR[0];
            data[off + plane + i] = ((c >> 8) & 255) - MEAN_BGR[1];
            data[off + 2 * plane + i] = ((c >> 16) & 255) - MEAN_BGR[2];
        }
    }

    private List<float[]> run(float[] data, int n) {
        INDArray input = Nd4j.create(data, new long[] {n, 3, height, width}, DataType.FLOAT);
        INDArray act;
        synchronized (graph) { // a ComputationGraph is not safe for concurrent use
            // only the feature vertex's activations, in inference workspaces; the classifier is not needed
            act = graph.output(List.of(layer), false, new INDArray[] {input}, null)[0];
            if (act.rank() == 4) act = act.mean(2, 3); // global average pooling of spatial maps
            else if (act.rank() != 2) act = act.reshape(n, act.length() / n);
            act = act.castTo(DataType.FLOAT).dup();
        }
        List<float[]> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            float[] v = act.getRow(i).toFloatVector();
            for (int j = 0; j < v.length; j++) if (!Float.isFinite(v[j])) v[j] = 0f;
            out.add(v);
        }
        return out;
    }
}
