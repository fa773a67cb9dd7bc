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

    /** A file could not be used; the run goes on. */
    default void skipped(Path file, String reason) {}

    /** A file is laid out, but decoded only partly (truncated, damaged): the user should know. */
    default void warning(Path file, String warning) {}

    /** Which feature kind is used and why (auto falls back from cnn to hog). */
    default void featuresChosen(String kind, String reason) {}

    /** A thumbnail is ready: the sketch can show the sprite before the layout exists. */
    default void imageReady(Path file, BufferedImage thumbnail) {}

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
        @Override public void skipped(Path file, String reason) { to.skipped(file, reason); }
        @Override public void warning(Path file, String warning) { to.warning(file, warning); }
        @Override public void featuresChosen(String kind, String reason) { to.featuresChosen(kind, reason); }
        @Override public void imageReady(Path file, BufferedImage thumbnail) { to.imageReady(file, thumbnail); }
        @Override public void imagesAccepted(List<Path> files) { to.imagesAccepted(files); }
        @Override public void layoutRead(imagetsne.layout.Layout layout) { to.layoutRead(layout); }
        @Override public void thumbnailReady(int index, BufferedImage thumbnail) { to.thumbnailReady(index, thumbnail); }
        @Override public void tsneIteration(int iteration, int total, double[] y, int dims) { to.tsneIteration(iteration, total, y, dims); }
        @Override public void info(String message) { to.info(message); }
    }
}
