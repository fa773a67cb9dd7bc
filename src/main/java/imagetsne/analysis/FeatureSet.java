package imagetsne.analysis;

import imagetsne.source.SkippedFile;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;

/**
 * The images of a source and their features, in one order: what t-SNE needs, and all a re-run with
 * other t-SNE or grid settings needs (no file is read again).
 *
 * @param files      the local files (for an S3 source, the cached copies)
 * @param paths      what the layout records for each image: the file path, or its s3:// URL
 * @param labels     each image's folder below the source (null at the top), the sketch's colours
 * @param thumbnails small images for the sprites and posters, longest side the analysis's thumbnail size
 * @param vectors    one feature vector per image, all of {@code info.dimension()} finite values
 * @param skipped    files not laid out, with the reason
 * @param warnings   files laid out though decoded only partly, with what the decoder said
 */
public record FeatureSet(List<Path> files, List<String> paths, List<String> labels, List<BufferedImage> thumbnails,
                         float[][] vectors, FeatureInfo info, List<SkippedFile> skipped, List<FileWarning> warnings,
                         int cacheHits, int cacheRecomputed) {

    public int size() { return files.size(); }

    /** What made the vectors. {@code model} and {@code layer} are null for hog and pixels. */
    public record FeatureInfo(String kind, String model, String layer, int dimension, String reason) {}

    /** A file that is in the layout but decoded only partly (truncated, damaged), and what the decoder said. */
    public record FileWarning(Path file, String warning) {}
}
