package imagetsne.analysis;

import imagetsne.grid.GridAssigner;
import imagetsne.grid.GridAssignment;
import imagetsne.grid.GridShape;
import imagetsne.layout.Layout;
import imagetsne.reduce.Rows;
import imagetsne.source.SourceImage;
import imagetsne.source.s3.S3Fetcher;
import java.io.IOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * source -> features -> PCA -> t-SNE -> grid, the analysis of ml4a's app, as one job (an S3 source is
 * downloaded first, into the cache that makes a second run fetch nothing); or, given the
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
        S3Fetcher.Fetched download = null;
        AnalysisOptions opts = o;
        if (reuse == null && o.s3 != null) {
            // the analysis's own sample: drawn from the listing, before anything is downloaded
            download = new DownloadJob(o.s3, o.s3Config.sampling(o.maxImages, o.seed)).run(l, c);
            seconds.put(Stage.DOWNLOAD, since(t0));
            opts = o.withImages(download.images());
            t0 = System.nanoTime();
        }
        FeatureSet fs;
        if (reuse != null) {
            fs = reuse;
            l.featuresChosen(fs.info().kind(), fs.info().reason());
            l.imagesAccepted(fs.files());
        } else {
            fs = new FeatureJob(opts).run(l, c);
        }
        seconds.put(Stage.FEATURES, since(t0));
        c.check();

        t0 = System.nanoTime();
        Embedding e = new EmbedJob(Rows.of(fs.vectors()), o.pcaDims, o.tsne).run(l, c);
        seconds.put(Stage.PCA, e.pcaSeconds());
        seconds.put(Stage.TSNE, since(t0) - e.pcaSeconds());

        Layout layout = Layout.of(fs.paths(), fs.labels(), e.tsne().y(), e.dims());
        layout.setFeatures(fs.info().kind(), fs.info().reason());
        for (int i = 0; i < layout.size(); i++) {
            SourceImage img = fs.images().get(i);
            if (!img.url().equals(img.file().toString())) layout.get(i).setLocalCopy(img.file()); // a downloaded object
            if (img.etag() != null) layout.get(i).extras().put("etag", img.etag());
        }
        t0 = System.nanoTime();
        GridAssignment g = new GridJob(layout, GridShape.choose(layout.size(), o.gridAspect), GridAssigner.Mode.AUTO).run(l, c);
        seconds.put(Stage.GRID, since(t0));
        l.stage(Stage.DONE, layout.size() + " images laid out");
        return new AnalysisResult(layout.withGrid(g), download, fs, e, g, seconds, List.copyOf(messages));
    }

    private static double since(long t0) { return (System.nanoTime() - t0) / 1e9; }
}
