package imagetsne.bench;

import imagetsne.analysis.AnalysisListener;
import imagetsne.analysis.AnalysisOptions;
import imagetsne.analysis.CancelToken;
import imagetsne.analysis.Session;
import imagetsne.analysis.Stage;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * How long an analysis takes to stop after a cancel, per stage: the cancel comes a set delay after the
 * stage starts (inside its work, not at its door), as the sketch's Esc does. No feature cache.
 * Usage: CancelLatency DIR [delayMs=300] [features=auto]
 */
public final class CancelLatency {
    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        long delay = args.length > 1 ? Long.parseLong(args[1]) : 300;
        String features = args.length > 2 ? args[2] : "auto";
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
        System.out.println("| stage | cancelled after (ms into the stage) | stopped within (ms) |");
        System.out.println("|---|---:|---:|");
        for (Stage at : List.of(Stage.FEATURES, Stage.PCA, Stage.TSNE, Stage.GRID)) {
            AnalysisOptions o = new AnalysisOptions();
            o.source = dir;
            o.noCache = true;
            o.features.kind = imagetsne.features.FeatureKind.valueOf(features.toUpperCase(java.util.Locale.ROOT));
            CancelToken cancel = new CancelToken();
            AtomicLong cancelledAt = new AtomicLong();
            long after = at == Stage.FEATURES || at == Stage.TSNE ? delay : 0;
            try {
                Session.analyze(o).run(new AnalysisListener() {
                    @Override public void stage(Stage stage, String message) {
                        if (stage != at) return;
                        Thread worker = Thread.currentThread();
                        timer.schedule(() -> { cancelledAt.set(System.nanoTime()); cancel.cancel(); }, after, TimeUnit.MILLISECONDS);
                        if (Boolean.getBoolean("trace")) timer.schedule(() -> {
                            StackTraceElement[] st = worker.getStackTrace();
                            System.err.println("2 s after the cancel, " + at + ":");
                            for (int i = 0; i < Math.min(14, st.length); i++) System.err.println("  " + st[i]);
                        }, after + 2000, TimeUnit.MILLISECONDS);
                    }
                }, cancel);
                System.out.printf("| %s | %d | finished before the cancel |%n", at, after);
            } catch (CancelToken.CancelledException e) {
                System.out.printf("| %s | %d | %.0f |%n", at, after, (System.nanoTime() - cancelledAt.get()) / 1e6);
            }
        }
        timer.shutdown();
    }
}
