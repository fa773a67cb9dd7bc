package imagetsne.analysis;

/** Shared flag that lets the UI (Esc, a button) or Ctrl-C stop a running analysis between work items. */
public final class CancelToken {
    private volatile boolean cancelled;

    public void cancel() { cancelled = true; }
    public boolean isCancelled() { return cancelled; }

    public void check() throws CancelledException {
        if (cancelled) throw new CancelledException();
    }

    /** Thrown out of the analyzer when the token was cancelled; the previous layout stays. */
    public static final class CancelledException extends Exception {
        public CancelledException() { super("analysis cancelled"); }
    }
}
