package imagetsne.analysis;

import java.io.IOException;

/** Runs source -> features -> PCA -> t-SNE -> grid as one job with progress and cancel. */
public final class Analyzer {
    private Analyzer() {}

    /**
     * @throws IOException when the source cannot be read or nothing could be analysed (one-line message)
     * @throws CancelToken.CancelledException when cancelled; nothing is changed
     */
    public static AnalysisResult run(AnalysisOptions options, AnalysisListener listener, CancelToken cancel)
            throws IOException, CancelToken.CancelledException {
        throw new UnsupportedOperationException("TODO lead");
    }
}
