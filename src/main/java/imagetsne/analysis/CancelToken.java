package imagetsne.analysis;

/** A flag the UI (Esc, a button) or Ctrl-C sets to stop a running job at its next check. */
public final class CancelToken {
    private volatile boolean cancelled;

    public void cancel() { cancelled = true; }

    public boolean isCancelled() { return cancelled; }

    public void check() throws CancelledException {
        if (cancelled) throw new CancelledException();
    }

    /** Thrown out of a job when its token was cancelled. */
    public static final class CancelledException extends Exception {
        public CancelledException() { super("cancelled"); }
    }
}
