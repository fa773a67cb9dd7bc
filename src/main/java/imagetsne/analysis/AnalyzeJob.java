package imagetsne.analysis;

import imagetsne.grid.GridAssigner;
import imagetsne.grid.GridAssignment;
import imagetsne.grid.GridShape;
import imagetsne.layout.Layout;
import java.io.IOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * source -> features -> PCA -> t-SNE -> grid, the analysis of ml4a's app, as one job; or, given the
 * features of an earlier run, only PCA -> t-SNE -> grid (a re-run with other settings reads no file).
 */
final class AnalyzeJob implements Job<AnalysisResult> {
    private final AnalysisOptions o;
    private final FeatureSet reuse;

    /** @param reuse the features of an earlier run of the same source, or null to read the source */
    AnalyzeJob(AnalysisOptions options, FeatureSet reuse) {
        this.o = options;
        this.reuse = reuse;
    }

    @Override public AnalysisResult run(AnalysisListener listener, CancelToken c) throws IOException, CancelToken.CancelledException {
        Map<Stage, Double> seconds = new EnumMap<>(Stage.class);
        List<String> messages = new ArrayList<>();
        AnalysisListener l = new AnalysisListener.Forwarding(listener) {
            @Override public void info(String message) {
                messages.add(message);
                super.info(message);
            }
        };
        long t0 = System.nanoTime();
        FeatureSet fs;
        if (reuse != null) {
            fs = reuse;
            l.featuresChosen(fs.info().kind(), fs.info().reason());
            l.imagesAccepted(fs.files());
        } else {
            fs = new FeatureJob(o).run(l, c);
        }
        seconds.put(Stage.FEATURES, since(t0));
        c.check();

        t0 = System.nanoTime();
        Embedding e = new EmbedJob(fs.vectors(), o.pcaDims, o.tsne).run(l, c);
        seconds.put(Stage.PCA, e.pcaSeconds());
        seconds.put(Stage.TSNE, since(t0) - e.pcaSeconds());

        Layout layout = Layout.of(fs.paths(), fs.labels(), e.tsne().y(), e.dims());
        layout.setFeatures(fs.info().kind(), fs.info().reason());
        t0 = System.nanoTime();
        GridAssignment g = new GridJob(layout, GridShape.choose(layout.size(), o.gridAspect), GridAssigner.Mode.AUTO).run(l, c);
        seconds.put(Stage.GRID, since(t0));
        l.stage(Stage.DONE, layout.size() + " images laid out");
        return new AnalysisResult(layout.withGrid(g), fs, e, g, seconds, List.copyOf(messages));
    }

    private static double since(long t0) { return (System.nanoTime() - t0) / 1e9; }
}
