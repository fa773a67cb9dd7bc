package imagetsne.sketch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import imagetsne.analysis.AnalysisListener;
import imagetsne.analysis.Stage;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Jobs off the animation thread: results arrive as tasks, a cancel answers at once and a late result is dropped. */
class JobRunnerTest {
    /** The animation thread's task queue, run by hand. */
    final LinkedBlockingQueue<Runnable> ui = new LinkedBlockingQueue<>();
    final List<String> events = new CopyOnWriteArrayList<>();

    void runTasks(long waitMs) throws InterruptedException {
        Runnable r = ui.poll(waitMs, TimeUnit.MILLISECONDS);
        while (r != null) { r.run(); r = ui.poll(); }
    }

    static void await(CountDownLatch l) {
        try {
            l.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test void aResultReachesTheUiThreadAndTheProgressIsReported() throws Exception {
        JobRunner jr = new JobRunner(ui::add);
        CountDownLatch reported = new CountDownLatch(1), go = new CountDownLatch(1);
        jr.start("count", (l, c) -> {
            l.stage(Stage.TSNE, "counting");
            l.progress(Stage.TSNE, 40, 100);
            reported.countDown();
            await(go);
            return 42;
        }, live -> AnalysisListener.NONE, v -> events.add("done " + v), m -> events.add("failed " + m), () -> events.add("cancelled"));
        assertTrue(jr.busy());
        assertThrows(IllegalStateException.class, () -> jr.start("second", (l, c) -> 1, live -> AnalysisListener.NONE, v -> {}, m -> {}, () -> {}));
        reported.await(5, TimeUnit.SECONDS);
        assertEquals(0.4, jr.fraction(), 1e-9);
        assertTrue(jr.statusText().startsWith("t-SNE  40/100  40%"), jr.statusText());
        go.countDown();
        while (jr.busy()) runTasks(50);
        assertEquals(List.of("done 42"), events);
    }

    @Test void cancelAnswersAtOnceAndDropsTheLateResult() throws Exception {
        JobRunner jr = new JobRunner(ui::add);
        CountDownLatch started = new CountDownLatch(1), release = new CountDownLatch(1);
        jr.start("slow", (l, c) -> {
            started.countDown();
            await(release); // a stage that does not look at the token for a while
            return "late";
        }, live -> AnalysisListener.NONE, v -> events.add("done " + v), m -> events.add("failed " + m), () -> events.add("cancelled"));
        started.await(5, TimeUnit.SECONDS);
        long t0 = System.nanoTime();
        jr.cancel();
        runTasks(100);
        assertEquals(List.of("cancelled"), events);
        assertFalse(jr.busy());
        assertTrue((System.nanoTime() - t0) / 1e9 < 0.5, "the sketch hears of the cancel at once");
        release.countDown();
        runTasks(300);
        assertEquals(List.of("cancelled"), events, "the worker's late result is dropped");
    }

    @Test void aFailureIsOneLine() throws Exception {
        JobRunner jr = new JobRunner(ui::add);
        jr.start("bad", (l, c) -> { throw new java.io.IOException("no images found in /x\nsecond line"); },
                live -> AnalysisListener.NONE, v -> events.add("done"), m -> events.add("failed " + m), () -> events.add("cancelled"));
        while (jr.busy()) runTasks(50);
        assertEquals(List.of("failed no images found in /x"), events);
    }

    @Test void whatACancelledJobReportsAfterTheCancelIsDropped() throws Exception {
        JobRunner jr = new JobRunner(ui::add);
        CountDownLatch cancelled = new CountDownLatch(1), reported = new CountDownLatch(1);
        jr.start("chatty", (l, c) -> {
            l.info("before");
            await(cancelled);
            l.info("after"); // the worker has not looked at its token yet
            reported.countDown();
            return 1;
        }, live -> new AnalysisListener() {
            @Override public void info(String message) { live.execute(() -> events.add(message)); }
        }, v -> events.add("done"), m -> events.add("failed " + m), () -> events.add("cancelled"));
        while (events.isEmpty()) runTasks(50);
        jr.cancel();
        cancelled.countDown();
        reported.await(5, TimeUnit.SECONDS);
        runTasks(300);
        assertEquals(List.of("before", "cancelled"), events);
    }
}
