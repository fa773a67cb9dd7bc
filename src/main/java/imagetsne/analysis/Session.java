package imagetsne.analysis;

import imagetsne.grid.GridAssigner;
import imagetsne.grid.GridAssignment;
import imagetsne.grid.GridShape;
import imagetsne.layout.Layout;
import imagetsne.reduce.Rows;
import imagetsne.reduce.tsne.TsneOptions;
import imagetsne.source.s3.S3Config;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;

/**
 * The engine's front door: every long piece of work the command line and the sketch do, as a {@link Job}
 * (cancellable, reporting through one {@link AnalysisListener}, returning data). Its stages can also be
 * run one by one, as openTSNE's can: features, then an embedding of them, then a grid.
 */
public final class Session {
    private Session() {}

    /** Scan, features, PCA, t-SNE and grid of a folder. Options are checked here (IllegalArgumentException). */
    public static Job<AnalysisResult> analyze(AnalysisOptions options) {
        return new AnalyzeJob(options.checkValidity(), null);
    }

    /** PCA, t-SNE and grid again with other settings, on the features of an earlier analysis (no file is read). */
    public static Job<AnalysisResult> rerun(FeatureSet features, AnalysisOptions options) {
        options.tsne.checkValidity();
        return new AnalyzeJob(options, features);
    }

    /** Scan and features only: thumbnails and vectors of a folder's images. */
    public static Job<FeatureSet> features(AnalysisOptions options) {
        return new FeatureJob(options.checkValidity());
    }

    /**
     * Numeric vectors (CSV, Projector TSV, IDX images) with their labels as a feature set; lay them out with
     * {@link #rerun}. {@code labels}, {@code labelColumn} and {@code shape} may be null (see {@link imagetsne.io.Vectors#read}).
     */
    public static Job<FeatureSet> vectors(Path data, Path labels, String labelColumn, String shape, int limit) {
        return new VectorsJob(data, labels, labelColumn, shape, limit);
    }

    /** PCA to {@code pcaDims} (when the rows have more; 0 = none), then t-SNE, of any numeric rows. */
    public static Job<Embedding> embed(Rows rows, int pcaDims, TsneOptions tsne) {
        return new EmbedJob(rows, pcaDims, tsne);
    }

    /** A layout JSON, its thumbnails, and a grid for the aspect when the file has none; s3:// items through the default S3 set-up. */
    public static Job<LoadedLayout> load(Path file, double gridAspect, int thumbnailSize, int threads) {
        return load(file, gridAspect, thumbnailSize, threads, new S3Config());
    }

    /** As {@link #load(Path, double, int, int)}, reaching S3 (for the layout's s3:// items) as {@code s3} says. */
    public static Job<LoadedLayout> load(Path file, double gridAspect, int thumbnailSize, int threads, S3Config s3) {
        return new LoadJob(file, gridAspect, thumbnailSize, threads, s3);
    }

    /** The grid assignment of a layout's points for a shape; {@link Layout#withGrid} applies it. */
    public static Job<GridAssignment> grid(Layout layout, GridShape shape, GridAssigner.Mode mode) {
        return new GridJob(layout, shape, mode);
    }

    /** A PNG poster of the whole layout, t-SNE or grid view, its long side {@code longSide} pixels. */
    public static Job<Path> poster(Layout layout, List<BufferedImage> thumbnails, boolean grid, int longSide, Path file) {
        return new PosterJob(layout, thumbnails, grid, longSide, file);
    }
}
