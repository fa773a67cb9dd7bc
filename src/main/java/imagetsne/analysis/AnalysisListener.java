package imagetsne.analysis;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;

/**
 * Progress of one analysis. Called on the worker thread: a UI must hand the data over to its own thread.
 * All methods are optional.
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

    /** The images that go into t-SNE, in the row order of {@link #tsneIteration}. */
    default void imagesAccepted(List<Path> files) {}

    /** Current embedding (n x dims row-major, not normalised); copy if kept. */
    default void tsneIteration(int iteration, int total, double[] y, int dims) {}

    /** Free-form information for the status line or log (clamped perplexity, cache hits, ...). */
    default void info(String message) {}

    AnalysisListener NONE = new AnalysisListener() {};
}
