package imagetsne.features;

import imagetsne.features.nn.Network;
import imagetsne.features.nn.Tensor;
import imagetsne.features.nn.Workspace;
import java.awt.image.BufferedImage;
import java.util.Map;

/**
 * CNN features from an imported TF.js layers model: each image is stretched to the network's input size
 * (transparency composited on grey), scaled to the model's input range, run up to one layer, and that
 * layer's activations are pooled over the image into one vector. Images run in parallel, one per thread,
 * each thread with its own workspace.
 */
public final class TfjsExtractor extends ParallelExtractor {
    /** How a layer's h x w x c activations become c (or 2c) numbers. */
    public enum Pooling {
        AVG, MAX, AVG_MAX;

        /** avg, max or avg-max (case-insensitive). */
        public static Pooling parse(String s) {
            try {
                return valueOf(s.trim().toUpperCase(java.util.Locale.ROOT).replace('-', '_'));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("pooling must be avg, max or avg-max (is '" + s + "')");
            }
        }

        /** The name users type: avg, max, avg-max. */
        public String label() { return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'); }

        float[] apply(Tensor t) {
            return switch (this) {
                case AVG -> t.channelMeans();
                case MAX -> t.channelMaxima();
                case AVG_MAX -> {
                    float[] a = t.channelMeans(), m = t.channelMaxima(), out = new float[2 * a.length];
                    System.arraycopy(a, 0, out, 0, a.length);
                    System.arraycopy(m, 0, out, a.length, m.length);
                    yield out;
                }
            };
        }
    }

    private final Network net;
    private final String model, layer, cacheKey;
    private final Pooling pooling;
    private final float scale, offset;
    private final int dim;
    private final ThreadLocal<Workspace> workspace;

    /**
     * @param inputMin, inputMax the range the model expects its pixels in (nsfwjs feeds 0..1; Keras's
     *                  ImageNet MobileNet and Inception were trained on -1..1)
     */
    public TfjsExtractor(Network net, String model, String layer, Pooling pooling, float inputMin, float inputMax,
                         int threads, String cacheKey) {
        super(threads);
        this.net = net;
        this.model = model;
        this.layer = layer;
        this.pooling = pooling;
        this.scale = (inputMax - inputMin) / 255f;
        this.offset = inputMin;
        this.cacheKey = cacheKey;
        this.workspace = ThreadLocal.withInitial(net::newWorkspace);
        // from the shapes, not from a first run: a run with every vector in the cache needs no inference
        int c = net.outputChannels(layer);
        this.dim = pooling == Pooling.AVG_MAX ? 2 * c : c;
    }

    @Override public String kind() { return "cnn"; }
    @Override public String cacheKey() { return cacheKey; }
    @Override public int dimension() { return dim; }
    @Override public int inputSide() { return Math.max(net.inputHeight(), net.inputWidth()); }
    @Override public int batchSize() { return 16; }

    public String model() { return model; }

    /** The layer whose activations are the features. */
    public String featureLayer() { return layer; }

    public Pooling pooling() { return pooling; }

    /** "simd-16x32" or "scalar": which arithmetic kernels run (see README: the Vector API). */
    public String kernels() { return net.kernelName(); }

    public Network network() { return net; }

    @Override float[] extractOne(BufferedImage img) {
        Map<String, Tensor> out = net.run(input(img), workspace.get());
        float[] v = pooling.apply(out.get(layer));
        for (int i = 0; i < v.length; i++) if (!Float.isFinite(v[i])) v[i] = 0f;
        return v;
    }

    /** The network input for one image: height x width x RGB in the model's range. */
    public float[] input(BufferedImage img) {
        int h = net.inputHeight(), w = net.inputWidth();
        int[] px = ImageArrays.argb(img, w, h);
        float[] x = new float[h * w * 3];
        for (int i = 0; i < px.length; i++) {
            int c = ImageArrays.onGrey(px[i]);
            x[3 * i] = ((c >> 16) & 255) * scale + offset;
            x[3 * i + 1] = ((c >> 8) & 255) * scale + offset;
            x[3 * i + 2] = (c & 255) * scale + offset;
        }
        return x;
    }
}
