package imagetsne.reduce.tsne;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * A fixed pool that runs loops over [0, n) in chunks whose boundaries depend only on n, never on the
 * thread count or timing. Sums are kept per chunk and added in chunk order, so results are bit-identical
 * for any number of threads.
 *
 * <p>The optimiser hands the pool two loops of about a millisecond per iteration, a thousand iterations
 * in a row, so a hand-off through an executor (a queue, a future, a futex wake-up each way) is a sizeable
 * part of each loop. The helpers spin for a short while after each loop before they park instead: the
 * next loop usually comes within microseconds. A helper that has not woken by the time the caller runs out of
 * chunks is not waited for.
 */
final class Parallel implements AutoCloseable {
    /** Upper bound of chunks per loop: enough for load balancing, few enough to keep overhead tiny. */
    public static final int MAX_CHUNKS = 64;
    /** How long a helper, or a caller waiting for its helpers, spins before it parks. */
    private static final long SPIN_NANOS = 200_000;

    @FunctionalInterface
    public interface Body { void run(int chunk, int from, int to); }

    @FunctionalInterface
    public interface SumBody { double run(int from, int to); }

    private final int threads;
    private final Helper[] helpers;
    /** Checked before every chunk: a raised signal ends the loop with {@link imagetsne.reduce.Cancelled}. */
    private final java.util.function.BooleanSupplier stop;
    /** The loop under way, or the last one; helpers compare it with the one they last took part in. */
    private volatile Job current;
    /** Held by the thread whose loop the helpers serve; others (nested or concurrent loops) run alone. */
    private final java.util.concurrent.atomic.AtomicBoolean owned = new java.util.concurrent.atomic.AtomicBoolean();
    private volatile boolean closed;

    public Parallel(int threads) { this(threads, null); }

    public Parallel(int threads, java.util.function.BooleanSupplier stop) {
        this.stop = stop;
        this.threads = threads <= 0 ? Runtime.getRuntime().availableProcessors() : threads;
        this.helpers = new Helper[this.threads - 1];
        for (int t = 0; t < helpers.length; t++) {
            helpers[t] = new Helper();
            helpers[t].thread.start();
        }
    }

    public int threads() { return threads; }

    /** Number of chunks used for a loop of length n (depends on n only). */
    public static int chunks(int n) {
        return Math.max(1, Math.min(MAX_CHUNKS, n / 16));
    }

    public static int chunkStart(int n, int chunks, int c) {
        return (int) ((long) n * c / chunks);
    }

    /** Runs body over every chunk of [0, n); the calling thread works too. */
    public void forChunks(int n, Body body) {
        run(n, chunks(n), body);
    }

    /** Runs f(i) for i in [0, count), one task each (for a few big independent jobs). */
    public void forEach(int count, java.util.function.IntConsumer f) {
        run(count, Math.max(1, count), (c, from, to) -> { for (int i = from; i < to; i++) f.accept(i); });
    }

    private void run(int n, int chunks, Body body) {
        Job job = new Job(n, chunks, body);
        if (helpers.length == 0 || chunks == 1 || closed || !owned.compareAndSet(false, true)) {
            job.work();   // the caller alone
            job.rethrow();
            return;
        }
        try {
            current = job;
            for (Helper h : helpers) if (h.parked) LockSupport.unpark(h.thread);
            job.work();
            job.finish();
            job.rethrow();
        } finally {
            owned.set(false);
        }
    }

    /**
     * Waits up to {@link #SPIN_NANOS} for done to hold; true if it did. Every few microseconds it yields,
     * so that a compiler thread waiting for the core gets it (two cores, and the JIT busy early on).
     */
    private static boolean spin(java.util.function.BooleanSupplier done) {
        long start = System.nanoTime();
        for (int i = 1; ; i++) {
            if (done.getAsBoolean()) return true;
            if ((i & 63) == 0) {
                if (System.nanoTime() - start > SPIN_NANOS) return done.getAsBoolean();
                Thread.yield();
            } else {
                Thread.onSpinWait();
            }
        }
    }

    /** One loop: its chunks are claimed one at a time by the caller and whichever helpers join. */
    private final class Job {
        /** Added to {@link #state} when the caller has run out of chunks: no helper may join after that. */
        private static final int CLOSED = 1 << 30;
        final int n, chunks;
        final Body body;
        final AtomicInteger next = new AtomicInteger();
        /** Helpers at work on this loop, plus {@link #CLOSED} once the caller is done. */
        final AtomicInteger state = new AtomicInteger();
        final Thread caller = Thread.currentThread();
        volatile boolean callerParked;
        volatile Throwable failure;

        Job(int n, int chunks, Body body) {
            this.n = n;
            this.chunks = chunks;
            this.body = body;
        }

        void work() {
            try {
                for (int c; (c = next.getAndIncrement()) < chunks; ) {
                    imagetsne.reduce.Cancelled.check(stop);
                    body.run(c, chunkStart(n, chunks, c), chunkStart(n, chunks, c + 1));
                }
            } catch (RuntimeException | Error e) {
                if (failure == null) failure = e;
                next.set(chunks);   // the others stop at their next chunk
            }
        }

        /** A helper's part: nothing once the caller has closed the loop. */
        void join() {
            for (int s; ((s = state.get()) & CLOSED) == 0; ) {
                if (state.compareAndSet(s, s + 1)) {
                    work();
                    if (state.decrementAndGet() == CLOSED && callerParked) LockSupport.unpark(caller);
                    return;
                }
            }
        }

        /** The caller's end: closes the loop and waits for the helpers that joined it. */
        void finish() {
            if (state.addAndGet(CLOSED) == CLOSED) return;
            if (spin(() -> state.get() == CLOSED)) return;
            callerParked = true;
            while (state.get() != CLOSED) LockSupport.park(this);
            callerParked = false;
        }

        void rethrow() {
            Throwable f = failure;
            if (f instanceof RuntimeException re) throw re;
            if (f instanceof Error er) throw er;
        }
    }

    /** A helper thread: takes part in each new loop, spinning a little between loops, then parking. */
    private final class Helper implements Runnable {
        final Thread thread = new Thread(this, "tsne-worker");
        volatile boolean parked;
        /** The last loop this helper looked at (its own thread's). */
        private Job seen;

        Helper() { thread.setDaemon(true); }

        @Override public void run() {
            while (!closed) {
                Job job = current;
                if (job != seen) {
                    seen = job;
                    job.join();
                    continue;
                }
                if (spin(() -> current != seen || closed)) continue;
                parked = true;
                while (current == seen && !closed) LockSupport.park(this);
                parked = false;
            }
        }
    }

    /** Sum of body over the chunks of [0, n), added in chunk order (deterministic). */
    public double sum(int n, SumBody body) {
        double[] partial = new double[chunks(n)];
        forChunks(n, (c, from, to) -> partial[c] = body.run(from, to));
        double s = 0;
        for (double p : partial) s += p;
        return s;
    }

    @Override
    public void close() {
        closed = true;
        for (Helper h : helpers) LockSupport.unpark(h.thread);
    }
}
