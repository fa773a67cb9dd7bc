package imagetsne.features;

import java.awt.image.BufferedImage;
import java.util.List;

/** Turns decoded images into fixed-length feature vectors. Implementations may batch (CNN). */
public interface FeatureExtractor extends AutoCloseable {
    /** Kind actually used: "cnn", "hog" or "pixels". */
    String kind();

    /** Identifies the extractor and its settings/weights for the feature cache, e.g. "hog-v1" or "cnn-squeezenet-<weights hash>". */
    String cacheKey();

    /** Length of every vector this extractor returns. */
    int dimension();

    /** Preferred batch size for {@link #extract}. */
    default int batchSize() { return 1; }

    /**
     * The longest side an image needs for this extractor (its network's input, say); the analysis shrinks
     * decoded images to twice this before they wait for extraction. 0 = the full image.
     */
    default int inputSide() { return 0; }

    /** One vector per image, in order; every value finite. */
    List<float[]> extract(List<BufferedImage> images);

    @Override default void close() {}
}
