package imagetsne.analysis;

import imagetsne.grid.GridAssignment;
import imagetsne.layout.Layout;
import java.util.List;
import java.util.Map;

/**
 * A finished analysis: the layout (normalised points and grid cells, in the order of the feature set)
 * and the three results it was made of, each with the settings it actually used.
 */
public record AnalysisResult(Layout layout, FeatureSet features, Embedding embedding, GridAssignment grid,
                             Map<Stage, Double> seconds, List<String> messages) {

    /** Seconds of all stages together. */
    public double totalSeconds() { return seconds.values().stream().mapToDouble(Double::doubleValue).sum(); }
}
