package imagetsne.analysis;

import imagetsne.layout.Layout;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A finished analysis. thumbnails and features are parallel to layout.items(); the layout carries the
 * normalised t-SNE points and the grid cells.
 */
public record AnalysisResult(
        Layout layout,
        List<BufferedImage> thumbnails,
        float[][] features,
        List<Skipped> skipped,
        List<Warning> warnings,
        String featureKind,
        String featureReason,
        /** the CNN model and layer that made the features; null for hog and pixels */
        String featureModel,
        String featureLayer,
        double kl,
        double gridCost,
        Map<Stage, Double> seconds,
        List<String> messages) {

    /** A file that is not in the layout, and why. */
    public record Skipped(Path file, String reason) {}

    /** A file that is in the layout but decoded only partly (truncated, damaged), and what the decoder said. */
    public record Warning(Path file, String warning) {}
}
