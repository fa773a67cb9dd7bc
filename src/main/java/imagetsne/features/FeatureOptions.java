package imagetsne.features;

import java.nio.file.Path;

/** How to choose and build a feature extractor. */
public final class FeatureOptions {
    public FeatureKind kind = FeatureKind.AUTO;
    /** A name of {@link CnnModels#NAMES}: mobilenet-v2 (bundled), inception-v3, or a DL4J zoo model. */
    public String model = CnnModels.DEFAULT;
    /**
     * A model to use instead of the named one's own files: a TF.js layers model (folder, model.json, nsfwjs
     * bundle or npm tarball) or a saved DL4J ComputationGraph; null = the named model.
     */
    public Path weights;
    /** The layer whose activations are the features; null = the model's own choice (measured, see CnnModels). */
    public String layer;
    /** How a spatial layer is pooled; null = the model's own choice. */
    public TfjsExtractor.Pooling pooling;
    /** Threads for ND4J / extraction; <= 0 = automatic. */
    public int threads = 0;
    /** How long to wait for a pretrained-weights download before giving up (offline machines). */
    public int downloadTimeoutSeconds = 20;

    /** @throws IllegalArgumentException naming a model that does not exist, or another setting out of range */
    public FeatureOptions checkValidity() {
        String m = CnnModels.normalise(model);
        if (!CnnModels.NAMES.contains(m)) throw new IllegalArgumentException("unknown model '" + model + "' (models: " + String.join(", ", CnnModels.NAMES) + ")");
        if (downloadTimeoutSeconds < 0) throw new IllegalArgumentException("download timeout must be >= 0 (is " + downloadTimeoutSeconds + ")");
        return this;
    }
}
