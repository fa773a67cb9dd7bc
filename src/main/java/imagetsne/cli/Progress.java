package imagetsne.cli;

import imagetsne.analysis.AnalysisListener;
import imagetsne.analysis.Stage;
import java.io.PrintStream;
import java.nio.file.Path;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * Progress on stderr: a progress bar per stage in a terminal, plain lines every 10% otherwise (logs, CI),
 * and skipped files as they happen.
 */
final class Progress implements AnalysisListener, AutoCloseable {
    private final PrintStream err;
    private final boolean terminal;
    private final boolean quiet;
    private ProgressBar bar;
    private Stage barStage;
    private long lastDecile = -1;
    private int skippedCount;

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
        if (quiet || total <= 0) return;
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

    @Override public synchronized void skipped(Path file, String reason) {
        closeBar();
        skippedCount++;
        err.println("skipped " + file + ": " + reason);
    }

    @Override public synchronized void featuresChosen(String kind, String reason) {
        if (!quiet) err.println("features: " + reason);
    }

    @Override public synchronized void info(String message) {
        closeBar();
        if (!quiet) err.println(message);
    }

    synchronized int skippedCount() { return skippedCount; }

    private void closeBar() {
        if (bar != null) { bar.close(); bar = null; barStage = null; }
    }

    @Override public synchronized void close() { closeBar(); }
}
