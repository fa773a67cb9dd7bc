package imagetsne.analysis;

import imagetsne.features.FeatureOptions;
import imagetsne.reduce.tsne.TsneOptions;
import imagetsne.source.SourceImage;
import imagetsne.source.s3.S3Config;
import imagetsne.source.s3.S3Location;
import java.nio.file.Path;
import java.util.List;

/**
 * Everything an analysis is told: the one home of these settings' defaults and of what values are valid
 * ({@link #checkValidity()}), which the command line and the panel read; t-SNE and feature settings live
 * in their own option objects, held here.
 */
public final class AnalysisOptions {
    /** A folder of images (or null for an S3 bucket). */
    public Path source;
    /** An S3 bucket and prefix to analyze instead of a folder, with how to reach it; null for a folder. */
    public S3Location s3;
    public S3Config s3Config = new S3Config();
    /**
     * Images a source step has already listed, sampled and fetched (an S3 bucket): analysed as given, in this
     * order, instead of scanning {@link #source}; the layout records their URLs. null = scan source.
     */
    public List<SourceImage> images;
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

    /** A copy holding the same option objects, for a stage that changes what the source is. */
    AnalysisOptions withImages(List<SourceImage> fetched) {
        AnalysisOptions o = new AnalysisOptions();
        o.source = source;
        o.s3 = null;
        o.images = fetched;
        o.maxImages = 0; // sampled already, before the download
        o.seed = seed;
        o.pcaDims = pcaDims;
        o.thumbnailSize = thumbnailSize;
        o.cacheDir = cacheDir;
        o.noCache = noCache;
        o.gridAspect = gridAspect;
        o.features.kind = features.kind;
        o.features.model = features.model;
        o.features.weights = features.weights;
        o.features.layer = features.layer;
        o.features.pooling = features.pooling;
        o.features.threads = features.threads;
        o.features.downloadTimeoutSeconds = features.downloadTimeoutSeconds;
        o.tsne.copyFrom(tsne);
        return o;
    }

    /** Worker threads for decoding and t-SNE: tsne.threads, or every core. */
    public int threads() {
        return tsne.threads > 0 ? tsne.threads : Runtime.getRuntime().availableProcessors();
    }

    /**
     * @throws IllegalArgumentException naming the first setting out of range ("PCA dimensions must be >= 0 (is -1)")
     */
    public AnalysisOptions checkValidity() {
        check(source != null || s3 != null || images != null, "no source to analyze");
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
