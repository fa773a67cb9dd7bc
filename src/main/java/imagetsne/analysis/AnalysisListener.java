package imagetsne.analysis;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;

/**
 * What a job reports while it runs (every job of {@link Session} reports through this one interface).
 * Called on the job's thread: a UI must hand the data over to its own thread. All methods are optional.
 */
public interface AnalysisListener {
    /** A stage starts. */
    default void stage(Stage stage, String message) {}

    /** done of total units of the current stage (files, iterations). */
    default void progress(Stage stage, long done, long total) {}

    /** An input could not be used; the run goes on. {@code path} is what the layout would record: a file path or an s3:// URL. */
    default void skipped(String path, String reason) {}

    /** An input is laid out, but decoded only partly (truncated, damaged): the user should know. */
    default void warning(String path, String warning) {}

    /** Downloads of a remote source: objects done of total, bytes done of total, seconds left (NaN while unknown). */
    default void downloadProgress(long done, long total, long bytes, long bytesTotal, double etaSeconds) {}

    /** Which feature kind is used and why (auto falls back from cnn to hog). */
    default void featuresChosen(String kind, String reason) {}

    /**
     * An image is decoded: the sketch can show its sprite before the layout exists. In the rare case that
     * its features then fail, the image is reported skipped and the layout leaves it out.
     */
    default void imageReady(String path, BufferedImage thumbnail) {}

    /** A loaded layout is read: its items can be drawn (as placeholders) before their thumbnails come. */
    default void layoutRead(imagetsne.layout.Layout layout) {}

    /** The thumbnail of item {@code index} of a loaded layout is ready. */
    default void thumbnailReady(int index, BufferedImage thumbnail) {}

    /** The images that go into t-SNE, in the row order of {@link #tsneIteration}. */
    default void imagesAccepted(List<Path> files) {}

    /** Current embedding (n x dims row-major, not normalised); copy if kept. */
    default void tsneIteration(int iteration, int total, double[] y, int dims) {}

    /** Free-form information for the status line or log (clamped perplexity, cache hits, ...). */
    default void info(String message) {}

    AnalysisListener NONE = new AnalysisListener() {};

    /** Passes everything on to another listener; override what you want to see on the way. */
    class Forwarding implements AnalysisListener {
        private final AnalysisListener to;

        public Forwarding(AnalysisListener to) { this.to = to == null ? NONE : to; }

        @Override public void stage(Stage stage, String message) { to.stage(stage, message); }
        @Override public void progress(Stage stage, long done, long total) { to.progress(stage, done, total); }
        @Override public void skipped(String path, String reason) { to.skipped(path, reason); }
        @Override public void warning(String path, String warning) { to.warning(path, warning); }
        @Override public void downloadProgress(long done, long total, long bytes, long bytesTotal, double eta) {
            to.downloadProgress(done, total, bytes, bytesTotal, eta);
        }
        @Override public void featuresChosen(String kind, String reason) { to.featuresChosen(kind, reason); }
        @Override public void imageReady(String path, BufferedImage thumbnail) { to.imageReady(path, thumbnail); }
        @Override public void imagesAccepted(List<Path> files) { to.imagesAccepted(files); }
        @Override public void layoutRead(imagetsne.layout.Layout layout) { to.layoutRead(layout); }
        @Override public void thumbnailReady(int index, BufferedImage thumbnail) { to.thumbnailReady(index, thumbnail); }
        @Override public void tsneIteration(int iteration, int total, double[] y, int dims) { to.tsneIteration(iteration, total, y, dims); }
        @Override public void info(String message) { to.info(message); }
    }
}
