package imagetsne.analysis;

import java.io.IOException;

/**
 * A piece of the engine's long work (analyze a source, load a layout, snap to a grid, draw a poster):
 * it reports through one listener, stops when the token is cancelled, and returns data, never prose
 * for the caller to parse. The command line runs jobs on its own thread, the sketch on a worker thread.
 * Made by {@link Session}.
 */
@FunctionalInterface
public interface Job<T> {
    /**
     * @throws IOException                     one line saying what could not be read or done
     * @throws CancelToken.CancelledException when cancelled; the job changed nothing the caller holds
     */
    T run(AnalysisListener listener, CancelToken cancel) throws IOException, CancelToken.CancelledException;

    /** Runs with no listener and a token nobody cancels (tests, tools). */
    default T run() throws IOException {
        try {
            return run(AnalysisListener.NONE, new CancelToken());
        } catch (CancelToken.CancelledException e) {
            throw new IllegalStateException("cancelled without a cancel", e);
        }
    }
}
