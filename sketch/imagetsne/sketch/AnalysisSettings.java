package imagetsne.sketch;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.ObjectMapper;
import imagetsne.analysis.AnalysisOptions;
import imagetsne.features.FeatureKind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The panel's values. Defaults come from data/settings.json when present (so a user can change them
 * without recompiling); unknown or missing fields keep the built-in defaults.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public final class AnalysisSettings {
    /** The engine's defaults, so the panel starts where the CLI does. */
    private static final AnalysisOptions ENGINE = new AnalysisOptions();

    /** The panel caps the sample; the engine's own default is all images. */
    public int maxImages = 5000;
    public double perplexity = ENGINE.tsne.perplexity;
    public double theta = ENGINE.tsne.theta;
    public int iterations = ENGINE.tsne.iterations;
    public double learningRate = ENGINE.tsne.learningRate;
    public int pcaDims = ENGINE.pcaDims;
    public String features = ENGINE.features.kind.name().toLowerCase(java.util.Locale.ROOT);
    public String model = ENGINE.features.model;
    public long seed = ENGINE.seed;
    /** t-SNE dimensions: 2, or 3 for the 3-D view. */
    public int dims = ENGINE.tsne.dims;
    /** Spread of the layout (1 = fits the window). */
    public double scale = 1.0;
    /** Sprite size relative to the automatic size for the number of images (1 = default). */
    public double imageSize = 1.0;

    public static AnalysisSettings load(Path json) {
        AnalysisSettings s = new AnalysisSettings();
        if (json == null || !Files.isRegularFile(json)) return s;
        try {
            new ObjectMapper().readerForUpdating(s).readValue(json.toFile());
        } catch (IOException e) {
            System.err.println("warning: ignoring " + json + ": " + e.getMessage().lines().findFirst().orElse(""));
        }
        return s;
    }

    /** Engine options for one analysis of a folder. */
    public AnalysisOptions toOptions(Path source, double gridAspect) {
        AnalysisOptions where = new AnalysisOptions();
        where.source = source;
        return toOptions(where, gridAspect);
    }

    /** Engine options for one analysis of the source {@code where} names (a folder or a bucket); the worker runs at low priority. */
    public AnalysisOptions toOptions(AnalysisOptions where, double gridAspect) {
        AnalysisOptions o = new AnalysisOptions();
        o.source = where.source;
        o.s3 = where.s3;
        o.s3Config = where.s3Config;
        o.images = where.images;
        o.maxImages = maxImages;
        o.seed = seed;
        o.pcaDims = pcaDims;
        o.gridAspect = gridAspect;
        o.features.kind = FeatureKind.parse(features);
        o.features.model = model;
        // extraction gets all but one core so the render thread keeps one (GUI and analysis share 2 cores)
        o.features.threads = Math.max(1, Runtime.getRuntime().availableProcessors() - 1);
        o.tsne.perplexity = perplexity;
        o.tsne.theta = theta;
        o.tsne.iterations = iterations;
        o.tsne.learningRate = learningRate;
        o.tsne.seed = seed;
        o.tsne.dims = dims;
        return o;
    }

    /** The panel's values for a layout made with these options (view settings kept from {@code view}). */
    static AnalysisSettings from(AnalysisOptions o, AnalysisSettings view) {
        AnalysisSettings s = new AnalysisSettings();
        s.maxImages = o.maxImages;
        s.seed = o.seed;
        s.pcaDims = o.pcaDims;
        s.features = o.features.kind.name().toLowerCase(java.util.Locale.ROOT);
        s.model = o.features.model;
        s.perplexity = o.tsne.perplexity;
        s.theta = o.tsne.theta;
        s.iterations = o.tsne.iterations;
        s.learningRate = o.tsne.learningRate;
        s.dims = o.tsne.dims;
        s.scale = view.scale;
        s.imageSize = view.imageSize;
        return s;
    }

    /** The same images and features: a re-run may reuse the feature set. */
    static boolean sameFeatures(AnalysisOptions a, AnalysisOptions b) {
        return java.util.Objects.equals(a.source, b.source) && java.util.Objects.equals(String.valueOf(a.s3), String.valueOf(b.s3)) && a.maxImages == b.maxImages && a.seed == b.seed && a.features.kind == b.features.kind
                && java.util.Objects.equals(a.features.model, b.features.model);
    }

    /** Nothing a re-run would change. */
    static boolean same(AnalysisOptions a, AnalysisOptions b) {
        return sameFeatures(a, b) && a.pcaDims == b.pcaDims && a.tsne.perplexity == b.tsne.perplexity && a.tsne.theta == b.tsne.theta
                && a.tsne.iterations == b.tsne.iterations && a.tsne.learningRate == b.tsne.learningRate
                && a.tsne.dims == b.tsne.dims;
    }
}
