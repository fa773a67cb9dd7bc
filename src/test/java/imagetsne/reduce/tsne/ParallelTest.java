package imagetsne.reduce.tsne;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import imagetsne.reduce.Cancelled;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import org.junit.jupiter.api.Test;

/**
 * The pool: every chunk once, sums in chunk order whatever the threads, failures and cancellation surface;
 * its helpers, which spin between loops and then park, wake for the next loop, do their share, leave nested
 * and concurrent loops whole, and end on close.
 */
class ParallelTest {
    @Test void everyChunkRunsOnceAndSumsDoNotDependOnTheThreads() {
        int n = 100_003;
        double[] x = new double[n];
        for (int i = 0; i < n; i++) x[i] = Math.sin(i) * 1e-3 + 1 / (1.0 + i);
        double serial;
        try (Parallel one = new Parallel(1)) {
            serial = one.sum(n, (from, to) -> { double s = 0; for (int i = from; i < to; i++) s += x[i]; return s; });
        }
        for (int threads : new int[] {2, 3, 5}) {
            try (Parallel par = new Parallel(threads)) {
                // many short loops back to back, as the optimiser runs them
                for (int round = 0; round < 2_000; round++) {
                    AtomicIntegerArray seen = new AtomicIntegerArray(Parallel.chunks(n));
                    par.forChunks(n, (c, from, to) -> seen.incrementAndGet(c));
                    for (int c = 0; c < seen.length(); c++) assertEquals(1, seen.get(c), "chunk " + c + " of round " + round);
                }
                double s = par.sum(n, (from, to) -> { double t = 0; for (int i = from; i < to; i++) t += x[i]; return t; });
                assertEquals(Double.doubleToLongBits(serial), Double.doubleToLongBits(s), threads + " threads");
            }
        }
    }

    @Test void aWorkersFailureReachesTheCallerAndThePoolGoesOn() {
        try (Parallel par = new Parallel(2)) {
            String caller = Thread.currentThread().getName();
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> par.forEach(64, i -> {
                // every chunk fails, so whichever thread takes one throws
                throw new IllegalStateException("chunk " + i + " on " + (Thread.currentThread().getName().equals(caller) ? "caller" : "worker"));
            }));
            assertTrue(e.getMessage().startsWith("chunk "), e.getMessage());
            AtomicInteger count = new AtomicInteger();
            par.forEach(64, i -> count.incrementAndGet());
            assertEquals(64, count.get());
        }
    }

    @Test void aRaisedStopEndsTheLoopWithCancelled() {
        AtomicBoolean stop = new AtomicBoolean();
        try (Parallel par = new Parallel(2, stop::get)) {
            AtomicInteger ran = new AtomicInteger();
            assertThrows(Cancelled.class, () -> par.forEach(64, i -> { if (ran.incrementAndGet() == 3) stop.set(true); }));
            assertTrue(ran.get() < 64, "ran " + ran.get() + " of 64 chunks");
        }
    }

    @Test void loopsAfterTheHelpersParkRunWholeAndWakeThem() throws InterruptedException {
        try (Parallel par = new Parallel(2)) {
            int helped = 0;
            for (int round = 0; round < 20; round++) {
                Thread.sleep(3);   // longer than the helpers spin: they park, and the loop must wake them
                AtomicIntegerArray seen = new AtomicIntegerArray(Parallel.MAX_CHUNKS);
                java.util.Set<String> names = java.util.concurrent.ConcurrentHashMap.newKeySet();
                par.forChunks(10_000, (c, from, to) -> {
                    seen.incrementAndGet(c);
                    names.add(Thread.currentThread().getName());
                    long until = System.nanoTime() + 100_000;
                    while (System.nanoTime() < until) Thread.onSpinWait();
                });
                for (int c = 0; c < seen.length(); c++) assertEquals(1, seen.get(c), "chunk " + c + " of round " + round);
                if (names.contains("tsne-worker")) helped++;
            }
            // a parked helper that is never woken leaves every loop to the caller
            assertTrue(helped > 0, "the parked helper never joined a loop");
        }
    }

    @Test void helpersDoTheirShare() {
        try (Parallel par = new Parallel(2)) {
            java.util.Set<String> names = java.util.concurrent.ConcurrentHashMap.newKeySet();
            for (int loop = 0; loop < 50; loop++) {
                par.forChunks(6_400, (c, from, to) -> {
                    names.add(Thread.currentThread().getName());
                    long until = System.nanoTime() + 20_000;
                    while (System.nanoTime() < until) Thread.onSpinWait();
                });
            }
            assertTrue(names.contains("tsne-worker"), "the helper never ran a chunk: " + names);
        }
    }

    @Test void nestedAndConcurrentLoopsRunAndAddUp() throws Exception {
        try (Parallel par = new Parallel(2)) {
            double expected = sum(par, 50_000);
            // a loop inside a chunk runs on that chunk's thread alone
            double[] inner = new double[Parallel.MAX_CHUNKS];
            par.forChunks(10_000, (c, from, to) -> inner[c] = sum(par, 50_000));
            for (double v : inner) assertEquals(expected, v, 0.0);
            // two callers at once: one gets the helpers, the other runs alone; both results are whole
            java.util.concurrent.ExecutorService other = java.util.concurrent.Executors.newSingleThreadExecutor();
            try {
                java.util.concurrent.Future<Boolean> theirs = other.submit(() -> {
                    for (int i = 0; i < 300; i++) if (sum(par, 50_000) != expected) return false;
                    return true;
                });
                for (int i = 0; i < 300; i++) assertEquals(expected, sum(par, 50_000), 0.0);
                assertTrue(theirs.get());
            } finally {
                other.shutdownNow();
            }
        }
    }

    @Test void closeEndsTheHelpers() throws InterruptedException {
        java.util.Set<Thread> before = workerThreads();
        Parallel par = new Parallel(3);
        java.util.Set<Thread> ours = workerThreads();
        ours.removeAll(before);
        assertEquals(2, ours.size(), "helpers of a 3-thread pool");
        par.forChunks(1_000, (c, from, to) -> { });
        par.close();
        for (Thread t : ours) {
            t.join(5_000);
            assertTrue(!t.isAlive(), "helper still alive after close");
        }
        // a closed pool still runs loops, on the caller alone
        AtomicIntegerArray runs = new AtomicIntegerArray(Parallel.MAX_CHUNKS);
        par.forChunks(10_000, (c, from, to) -> runs.incrementAndGet(c));
        for (int c = 0; c < Parallel.MAX_CHUNKS; c++) assertEquals(1, runs.get(c));
    }

    /** A sum whose rounding depends on the order of its terms. */
    private static double sum(Parallel par, int n) {
        return par.sum(n, (from, to) -> {
            double s = 0;
            for (int i = from; i < to; i++) s += 1.0 / (1 + i) * (i % 3 == 0 ? 1e8 : 1e-8);
            return s;
        });
    }

    private static java.util.Set<Thread> workerThreads() {
        java.util.Set<Thread> out = new java.util.HashSet<>();
        for (Thread t : Thread.getAllStackTraces().keySet()) if (t.getName().equals("tsne-worker") && t.isAlive()) out.add(t);
        return out;
    }
}
