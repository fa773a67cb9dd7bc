package imagetsne.analysis;

import imagetsne.features.FeatureOptions;
import imagetsne.reduce.TsneOptions;
import java.nio.file.Path;

/** Everything one analysis needs; the CLI flags and the sketch's panel both fill this. */
public final class AnalysisOptions {
    /** A folder of images. */
    public Path source;
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
