package imagetsne.cli;

import imagetsne.analysis.AnalysisListener;
import imagetsne.analysis.Stage;
import imagetsne.io.RunLog;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * Progress on stderr: a progress bar per stage in a terminal, plain lines every 10% otherwise (logs, CI),
 * and skipped files and warnings as they happen, kept for the run's log.
 */
final class Progress implements AnalysisListener, AutoCloseable {
    private final PrintStream err;
    private final boolean terminal;
    private final boolean quiet;
    private ProgressBar bar;
    private Stage barStage;
    private long lastDecile = -1;
    private final List<RunLog.Skipped> skipped = new ArrayList<>();
    private final List<RunLog.Warning> warnings = new ArrayList<>();
    private final List<String> messages = new ArrayList<>();

    Progress(PrintStream err, boolean quiet) {
        this.err = err;
        this.quiet = quiet;
        this.terminal = System.console() != null && !"dumb".equals(System.getenv("TERM"));
    }

    @Override public synchronized void stage(Stage stage, String message) {
        closeBar();
        if (!quiet) err.println("[" + stage.label() + "] " + message);
        lastDecile = -1;
    }

    @Override public synchronized void progress(Stage stage, long done, long total) {
        if (quiet || total <= 0 || stage == Stage.DOWNLOAD && !terminal) return; // downloads: downloadProgress prints bytes too
        if (terminal) {
            if (bar == null || barStage != stage) {
                closeBar();
                bar = new ProgressBarBuilder().setTaskName(stage.label()).setInitialMax(total).setStyle(ProgressBarStyle.ASCII)
                        .setConsumer(new me.tongfei.progressbar.ConsoleProgressBarConsumer(err)).setUpdateIntervalMillis(200).build();
                barStage = stage;
            }
            bar.stepTo(done);
        } else {
            long decile = done * 10 / total;
            if (decile != lastDecile && (decile > 0 || done == total)) {
                lastDecile = decile;
                err.println("  " + stage.label() + " " + done + "/" + total);
            }
        }
    }

    @Override public synchronized void skipped(String name, String reason) {
        closeBar();
        skipped.add(new RunLog.Skipped(name, reason));
        err.println("skipped " + name + ": " + reason);
    }

    @Override public synchronized void warning(String name, String warning) {
        closeBar();
        warnings.add(new RunLog.Warning(name, warning));
        err.println("warning " + name + ": " + warning);
    }

    /** Download progress: objects in the bar (bytes beside them), or a line every 10% with bytes and ETA. */
    @Override public synchronized void downloadProgress(long done, long total, long bytes, long bytesTotal, double eta) {
        if (quiet || total <= 0) return;
        String extra = mb(bytes) + "/" + mb(bytesTotal) + " MB";
        if (terminal) {
            if (bar != null) bar.setExtraMessage(extra);
            return;
        }
        long decile = done * 10 / total;
        if (decile != lastDecile && (decile > 0 || done == total)) {
            lastDecile = decile;
            err.println("  " + Stage.DOWNLOAD.label() + " " + done + "/" + total + " objects, " + extra
                    + (done < total && Double.isFinite(eta) ? String.format(Locale.ROOT, ", ETA %.0f s", eta) : ""));
        }
    }

    private static String mb(long bytes) { return String.format(Locale.ROOT, "%.1f", bytes / 1e6); }

    @Override public synchronized void featuresChosen(String kind, String reason) {
        if (!quiet) err.println("features: " + reason);
    }

    @Override public synchronized void info(String message) {
        messages.add(message);
        closeBar();
        if (!quiet) err.println(message);
    }

    synchronized int skippedCount() { return skipped.size(); }

    /** Every message of the run so far (listing, sampling, cache hits, t-SNE's summary), for the run's log. */
    synchronized List<String> messages() { return List.copyOf(messages); }

    /** Every file skipped so far, in the order reported, for the run's log. */
    synchronized List<RunLog.Skipped> skippedFiles() { return List.copyOf(skipped); }

    /** Every file laid out with a warning so far. */
    synchronized List<RunLog.Warning> warnings() { return List.copyOf(warnings); }

    private void closeBar() {
        if (bar != null) { bar.close(); bar = null; barStage = null; }
    }

    @Override public synchronized void close() { closeBar(); }
}
