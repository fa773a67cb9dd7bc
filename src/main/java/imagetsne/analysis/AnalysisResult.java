package imagetsne.analysis;

import imagetsne.grid.GridAssignment;
import imagetsne.layout.Layout;
import imagetsne.source.s3.S3Fetcher;
import java.util.List;
import java.util.Map;

/**
 * A finished analysis: the layout (normalised points and grid cells, in the order of the feature set)
 * and the results it was made of, each with the settings it actually used; {@code download} is what an
 * S3 source's download stage fetched (null for a folder or a re-run).
 */
public record AnalysisResult(Layout layout, S3Fetcher.Fetched download, FeatureSet features, Embedding embedding, GridAssignment grid,
                             Map<Stage, Double> seconds, List<String> messages) {

    /** Seconds of all stages together. */
    public double totalSeconds() { return seconds.values().stream().mapToDouble(Double::doubleValue).sum(); }
}
