package imagetsne.sketch;

import imagetsne.analysis.AnalysisListener;
import imagetsne.analysis.CancelToken;
import imagetsne.analysis.Job;
import imagetsne.analysis.Stage;
import java.util.Locale;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Runs the engine's jobs one at a time on a low-priority worker thread, so the render loop never waits.
 * Progress is kept in volatile fields for draw(); results reach the sketch only as tasks on its animation
 * thread (the Executor). A cancel answers at once: the sketch is told right away, and whatever the worker
 * still finishes afterwards is dropped.
 */
final class JobRunner {
    private final Executor ui;
    private volatile Running current;
    /** A result is being put in place on the animation thread: still busy to whoever asks from elsewhere. */
    private volatile boolean applying;

    JobRunner(Executor ui) { this.ui = ui; }

    /** What the worker reports, for the progress bar. */
    private static final class Running {
        final String title;
        final CancelToken cancel = new CancelToken();
        final long started = System.nanoTime();
        volatile String stage = "starting";
        volatile long done, total, stageStart = System.nanoTime();
        volatile boolean over;
        Runnable onCancel = () -> {};

        Running(String title) { this.title = title; }
    }

    /** True while a job runs or its result is being applied (a callback may start the next job). */
    boolean busy() { return current != null || applying; }

    String title() { Running r = current; return r == null ? "" : r.title; }

    /**
     * Starts a job (the caller checks {@link #busy()} first). The listener that {@code events} makes sees
     * everything the job reports, on the worker thread; it hands work to the animation thread through the
     * executor it is given, which drops whatever arrives there after the job ended (a cancel must not be
     * followed by the cancelled job's messages or scenes). Exactly one of the three callbacks runs at the end,
     * on the animation thread.
     */
    <T> void start(String title, Job<T> job, Function<Executor, AnalysisListener> events, Consumer<T> done, Consumer<String> failed,
            Runnable cancelled) {
        if (current != null) throw new IllegalStateException("a job is running: " + current.title);
        Running r = new Running(title);
        r.onCancel = cancelled;
        current = r;
        Executor live = task -> ui.execute(() -> { if (!r.over) task.run(); });
        AnalysisListener l = new AnalysisListener.Forwarding(events.apply(live)) {
            @Override public void stage(Stage stage, String message) {
                r.stage = stage.label();
                r.done = r.total = 0;
                r.stageStart = System.nanoTime();
                super.stage(stage, message);
            }

            @Override public void progress(Stage stage, long d, long t) {
                r.done = d;
                r.total = t;
                super.progress(stage, d, t);
            }
        };
        Thread thread = new Thread(() -> {
            try {
                T result = job.run(l, r.cancel);
                finish(r, () -> done.accept(result));
            } catch (CancelToken.CancelledException e) {
                finish(r, cancelled);
            } catch (Exception | OutOfMemoryError e) {
                String msg = e instanceof OutOfMemoryError ? "out of memory: analyze fewer images (max num images)"
                        : e.getMessage() == null || e.getMessage().isBlank() ? e.getClass().getSimpleName() : e.getMessage().lines().findFirst().orElse("");
                if (!(e instanceof java.io.IOException) && !(e instanceof IllegalArgumentException)) e.printStackTrace();
                finish(r, () -> failed.accept(msg));
            }
        }, "job: " + title);
        thread.setDaemon(true);
        // below the animation thread: on 2 cores the view stays responsive while t-SNE runs
        thread.setPriority(Thread.MIN_PRIORITY);
        thread.start();
    }

    /** Stops the job: the sketch hears of it at once, the worker stops at its next check. */
    void cancel() {
        Running r = current;
        if (r == null) return;
        r.cancel.cancel();
        finish(r, r.onCancel);
    }

    private void finish(Running r, Runnable onUi) {
        ui.execute(() -> {
            if (r.over) return; // cancelled already: a late result of the worker is dropped
            r.over = true;
            // busy until the result is in place: whoever sees the runner idle sees the new state
            applying = true;
            if (current == r) current = null;
            try {
                onUi.run();
            } finally {
                applying = false;
            }
        });
    }

    /** 0..1 within the current stage, or -1 when unknown. */
    double fraction() {
        Running r = current;
        return r == null || r.total <= 0 ? -1 : Math.min(1, r.done / (double) r.total);
    }

    /** e.g. "t-SNE 400/1000  40%  ETA 12 s  (31 s)": the ETA extrapolates the current stage's own rate. */
    String statusText() {
        Running r = current;
        if (r == null) return "";
        long d = r.done, t = r.total;
        double inStage = (System.nanoTime() - r.stageStart) / 1e9, all = (System.nanoTime() - r.started) / 1e9;
        StringBuilder sb = new StringBuilder(r.stage);
        if (t > 0) {
            double f = Math.min(1, d / (double) t);
            sb.append(String.format(Locale.ROOT, "  %d/%d  %d%%", d, t, Math.round(f * 100)));
            if (f > 0.02 && f < 1 && inStage > 0.5) sb.append("  ETA ").append(Math.round(inStage * (1 - f) / f)).append(" s");
        }
        sb.append(String.format(Locale.ROOT, "  (%.0f s)", all));
        return sb.toString();
    }
}
