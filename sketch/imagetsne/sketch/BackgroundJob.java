package imagetsne.sketch;

import imagetsne.analysis.CancelToken;
import java.util.Locale;
import java.util.concurrent.Executor;

/**
 * Long work off the render thread: analysis of a folder, or loading a layout's thumbnails. Progress
 * fields are volatile and read by draw(); results reach the sketch only as tasks on its animation
 * thread (the Executor), so the render loop never waits and never sees half-built state.
 */
abstract class BackgroundJob {
    final CancelToken cancel = new CancelToken();
    final Executor ui;
    final String title;
    private volatile String stage = "starting";
    private volatile double fraction = -1;
    private volatile long stageStart = System.nanoTime();
    private final long started = System.nanoTime();

    BackgroundJob(String title, Executor ui) {
        this.title = title;
        this.ui = ui;
    }

    /** The work; report with {@link #stage} and {@link #progress}; hand results over with ui.execute. */
    abstract void work() throws Exception;

    /** Runs on the animation thread when work() threw (not for a cancel). */
    abstract void failed(String message);

    /** Runs on the animation thread after a cancel. */
    abstract void cancelled();

    void start() {
        Thread thread = new Thread(() -> {
            try {
                work();
            } catch (CancelToken.CancelledException e) {
                ui.execute(this::cancelled);
            } catch (Exception | OutOfMemoryError e) {
                String msg = e.getMessage() == null || e.getMessage().isBlank() ? e.getClass().getSimpleName() : e.getMessage().lines().findFirst().orElse("");
                if (!(e instanceof java.io.IOException)) e.printStackTrace();
                ui.execute(() -> failed(msg));
            }
        }, "background: " + title);
        thread.setDaemon(true);
        // below the animation thread: on 2 cores the view stays responsive while t-SNE runs
        thread.setPriority(Thread.MIN_PRIORITY);
        thread.start();
    }

    void cancel() { cancel.cancel(); }
    boolean isCancelled() { return cancel.isCancelled(); }

    void stage(String name) {
        stage = name;
        fraction = -1;
        stageStart = System.nanoTime();
    }

    void progress(long done, long total) { fraction = total > 0 ? Math.min(1, done / (double) total) : -1; }

    String stageName() { return stage; }

    /** 0..1 within the current stage, or -1 when unknown. */
    double fraction() { return fraction; }

    /** e.g. "t-SNE 40%  ETA 12 s  (31 s)": the ETA extrapolates the current stage's own rate. */
    String statusText() {
        double f = fraction;
        double inStage = (System.nanoTime() - stageStart) / 1e9, total = (System.nanoTime() - started) / 1e9;
        StringBuilder sb = new StringBuilder(stage);
        if (f >= 0) sb.append(String.format(Locale.ROOT, "  %d%%", Math.round(f * 100)));
        if (f > 0.02 && f < 1 && inStage > 0.5) sb.append("  ETA ").append(Math.round(inStage * (1 - f) / f)).append(" s");
        sb.append(String.format(Locale.ROOT, "  (%.0f s)", total));
        return sb.toString();
    }
}
