package imagetsne.analysis;

import imagetsne.features.FeatureOptions;
import imagetsne.reduce.TsneOptions;
import imagetsne.source.SourceImage;
import java.nio.file.Path;
import java.util.List;

/** Everything one analysis needs; the CLI flags and the sketch's panel both fill this. */
public final class AnalysisOptions {
    /** A folder of images. */
    public Path source;
    /**
     * Images a source step has already listed, sampled and fetched (an S3 bucket): analysed as given, in this
     * order, instead of scanning {@link #source}; the layout records their URLs. null = scan source.
     */
    public List<SourceImage> images;
    /** At most this many images, drawn at random with the seed; <= 0 = all. */
    public int maxImages = 0;
    public long seed = 42;
    public int pcaDims = 50;
    /** Longest side of the thumbnails kept for the sketch and posters. */
    public int thumbnailSize = 64;
    /** Feature cache folder; null = default location; use {@link #noCache} to disable. */
    public Path cacheDir;
    public boolean noCache = false;
    /** Aspect ratio (width/height) the grid shape should approach. */
    public double gridAspect = 1.0;
    public final FeatureOptions features = new FeatureOptions();
    public final TsneOptions tsne = new TsneOptions();
}
