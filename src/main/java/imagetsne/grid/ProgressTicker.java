package imagetsne.grid;

import java.util.concurrent.CancellationException;

/**
 * Counts a solver's work against a planned total and passes it to a {@link GridProgress} at most
 * every {@link #INTERVAL_NANOS}; a "stop" answer becomes a {@link CancellationException}. Work units
 * are roughly equal amounts of time (one window bid, or 64 cells scanned by the exact solver), so the
 * ratio reads as a fraction of the running time.
 */
final class ProgressTicker {
    static final long INTERVAL_NANOS = 50_000_000L;
    /** Steps between clock reads: a few hundred microseconds of work at most. */
    private static final int STEPS_PER_CHECK = 256;

    private final GridProgress progress;
    private long done, total, last;
    private int countdown = STEPS_PER_CHECK;

    ProgressTicker(GridProgress progress) {
        this.progress = progress == null ? GridProgress.NONE : progress;
        this.last = System.nanoTime();
    }

    /** Adds expected work to the total. */
    void plan(long units) { total += Math.max(0, units); }

    /** Records work done; every so often asks the callback whether to go on. */
    void step(long units) {
        done += units;
        if (--countdown > 0) return;
        countdown = STEPS_PER_CHECK;
        long now = System.nanoTime();
        if (now - last >= INTERVAL_NANOS) {
            last = now;
            report();
        }
    }

    /** For loops that do no counted work (sorting, setting up): lets the callback be asked all the same. */
    void poll() { step(0); }

    /** Reports now; throws when the callback says stop. */
    void report() {
        // an estimate that turned out short keeps the bar below 100% until the work really ends
        if (done > total * 0.95) total = (long) (done / 0.95) + 1;
        if (!progress.update(done, total)) throw new CancellationException("grid assignment cancelled");
    }

    /** The final report: everything done. */
    void finish() {
        done = total = Math.max(1, done);
        if (!progress.update(done, total)) throw new CancellationException("grid assignment cancelled");
    }
}
