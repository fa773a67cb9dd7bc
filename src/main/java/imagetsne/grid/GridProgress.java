package imagetsne.grid;

/**
 * Progress of a grid assignment, called from the solving thread often enough (several times a second)
 * that returning false stops the solver within a fraction of a second at any size.
 */
@FunctionalInterface
public interface GridProgress {
    /** Never stops, reports nothing. */
    GridProgress NONE = (done, total) -> true;

    /**
     * @param done  work units done so far (never decreases)
     * @param total the current estimate of all work units (may be revised upwards or downwards)
     * @return true to continue, false to stop: the solver then throws {@link java.util.concurrent.CancellationException}
     */
    boolean update(long done, long total);
}
