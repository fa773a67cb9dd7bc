package imagetsne.features;

import java.nio.file.Path;

/** How to choose and build a feature extractor. */
public final class FeatureOptions {
    public FeatureKind kind = FeatureKind.AUTO;
    /** squeezenet, resnet50 or vgg16 */
    public String model = "squeezenet";
    /** A saved ComputationGraph (ModelSerializer) to use instead of pretrained weights; null = pretrained. */
    public Path weights;
    /** Threads for ND4J / extraction; <= 0 = automatic. */
    public int threads = 0;
    /** How long to wait for a pretrained-weights download before giving up (offline machines). */
    public int downloadTimeoutSeconds = 20;
}
