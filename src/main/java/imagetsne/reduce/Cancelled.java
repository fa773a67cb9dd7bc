package imagetsne.reduce;

import java.util.function.BooleanSupplier;

/**
 * Thrown out of PCA, the neighbour search and t-SNE when the caller's stop signal is raised: the work is
 * abandoned between two of its steps (a block of rows, an iteration, a chunk of a parallel loop), so a
 * cancel is answered in a fraction of a second even in the middle of a long phase.
 */
public final class Cancelled extends RuntimeException {
    public Cancelled() { super("cancelled", null, false, false); }

    /** Throws when {@code stop} says so; a null signal never stops. */
    public static void check(BooleanSupplier stop) {
        if (stop != null && stop.getAsBoolean()) throw new Cancelled();
    }
}
