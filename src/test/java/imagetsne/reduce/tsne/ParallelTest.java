package imagetsne.reduce.tsne;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import imagetsne.reduce.Cancelled;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import org.junit.jupiter.api.Test;

/** The pool: every chunk once, sums in chunk order whatever the threads, failures and cancellation surface. */
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
}
