package imagetsne.analysis;

import imagetsne.features.FeatureOptions;
import imagetsne.reduce.tsne.TsneOptions;
import java.nio.file.Path;

/**
 * Everything an analysis is told: the one home of these settings' defaults and of what values are valid
 * ({@link #checkValidity()}), which the command line and the panel read; t-SNE and feature settings live
 * in their own option objects, held here.
 */
public final class AnalysisOptions {
    /** A folder of images. */
    public Path source;
    /** At most this many images, drawn at random with the seed; 0 = all. */
    public int maxImages = 0;
    public long seed = 42;
    /** PCA dimensions before t-SNE; 0 = no PCA (also when the features have no more dimensions). */
    public int pcaDims = 50;
    /** Longest side of the thumbnails kept for the sketch and posters. */
    public int thumbnailSize = 64;
    /** Feature cache folder; null = default location; use {@link #noCache} to disable. */
    public Path cacheDir;
    public boolean noCache = false;
    /** Aspect ratio (width/height) the grid shape should approach. */
    public double gridAspect = 1.5;
    public final FeatureOptions features = new FeatureOptions();
    public final TsneOptions tsne = new TsneOptions();

    /** Worker threads for decoding and t-SNE: tsne.threads, or every core. */
    public int threads() {
        return tsne.threads > 0 ? tsne.threads : Runtime.getRuntime().availableProcessors();
    }

    /**
     * @throws IllegalArgumentException naming the first setting out of range ("PCA dimensions must be >= 0 (is -1)")
     */
    public AnalysisOptions checkValidity() {
        check(source != null, "no source to analyze");
        check(maxImages >= 0, "max images must be >= 0, 0 for all (is " + maxImages + ")");
        check(pcaDims >= 0, "PCA dimensions must be >= 0, 0 for none (is " + pcaDims + ")");
        check(thumbnailSize >= 8 && thumbnailSize <= 1024, "thumbnail size must be 8..1024 pixels (is " + thumbnailSize + ")");
        check(gridAspect > 0 && Double.isFinite(gridAspect), "grid aspect must be > 0 (is " + gridAspect + ")");
        tsne.checkValidity();
        features.checkValidity();
        return this;
    }

    private static void check(boolean ok, String message) {
        if (!ok) throw new IllegalArgumentException(message);
    }
}
