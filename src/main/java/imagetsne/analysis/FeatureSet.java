package imagetsne.analysis;

import imagetsne.source.SkippedFile;
import imagetsne.source.SourceImage;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;

/**
 * The images of a source and their features, in one order: what t-SNE needs, and all a re-run with
 * other t-SNE or grid settings needs (no file is read again).
 *
 * @param images     each image: its local file (for an S3 source, the cached copy), what the layout records
 *                   for it (the file path, or its s3:// URL), its folder below the source (null at the top:
 *                   the sketch's colours) and, for an S3 object, its ETag
 * @param thumbnails small images for the sprites and posters, longest side the analysis's thumbnail size
 * @param vectors    one feature vector per image, all of {@code info.dimension()} finite values
 * @param skipped    files not laid out, with the reason
 * @param warnings   files laid out though decoded only partly, with what the decoder said
 */
public record FeatureSet(List<SourceImage> images, List<BufferedImage> thumbnails,
                         float[][] vectors, FeatureInfo info, List<SkippedFile> skipped, List<FileWarning> warnings,
                         int cacheHits, int cacheRecomputed) {

    public int size() { return images.size(); }

    public List<Path> files() { return images.stream().map(SourceImage::file).toList(); }

    public List<String> paths() { return images.stream().map(SourceImage::url).toList(); }

    public List<String> labels() { return images.stream().map(SourceImage::label).toList(); }

    /** What made the vectors. {@code model} and {@code layer} are null for hog and pixels. */
    public record FeatureInfo(String kind, String model, String layer, int dimension, String reason) {}

    /** An image that is in the layout but decoded only partly (truncated, damaged), and what the decoder said. */
    public record FileWarning(String path, String warning) {}
}
