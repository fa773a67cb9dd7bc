package imagetsne.reduce.tsne;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * A fixed pool that runs loops over [0, n) in chunks whose boundaries depend only on n, never on the
 * thread count or timing. Sums are kept per chunk and added in chunk order, so results are bit-identical
 * for any number of threads.
 *
 * <p>The optimiser runs two loops per iteration, each a millisecond or less. Handing them to an executor
 * put the workers to sleep and woke them twice per loop, and on a virtual machine each wake-up costs tens
 * of microseconds: at 10,000 points the cores stood idle ~10% of the optimisation. So the workers here
 * wait for the next loop spinning for a short while ({@link #SPIN_NANOS}) before they park, and so does
 * the caller for the workers' last chunks.
 */
final class Parallel implements AutoCloseable {
    /** Upper bound of chunks per loop: enough for load balancing, few enough to keep overhead tiny. */
    public static final int MAX_CHUNKS = 64;
    /** How long a waiting thread spins before it parks: longer than the optimiser's gap between loops. */
    static final long SPIN_NANOS = 200_000;

    @FunctionalInterface
    public interface Body { void run(int chunk, int from, int to); }

    @FunctionalInterface
    public interface SumBody { double run(int from, int to); }

    private final int threads;
    private final Thread[] workers;
    /** Checked before every chunk: a raised signal ends the loop with {@link imagetsne.reduce.Cancelled}. */
    private final java.util.function.BooleanSupplier stop;

    /** The loop under way: published by a write of {@link #generation}, read after a worker sees it change. */
    private Runnable job;
    private volatile int generation;
    private volatile boolean closed;
    /** Workers still in the current loop; the last one out wakes the caller. */
    private final AtomicInteger busy = new AtomicInteger();
    private volatile Thread caller;
    private volatile Throwable failure;
    /** Held by the thread whose loop the workers run; a loop started meanwhile (nested) runs on its own thread. */
    private final java.util.concurrent.atomic.AtomicBoolean claimed = new java.util.concurrent.atomic.AtomicBoolean();

    public Parallel(int threads) { this(threads, null); }

    public Parallel(int threads, java.util.function.BooleanSupplier stop) {
        this.stop = stop;
        this.threads = threads <= 0 ? Runtime.getRuntime().availableProcessors() : threads;
        workers = new Thread[Math.max(0, this.threads - 1)];
        for (int t = 0; t < workers.length; t++) {
            workers[t] = new Thread(this::work, "tsne-worker");
            workers[t].setDaemon(true);
            workers[t].start();
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
        if (workers.length == 0 || chunks == 1 || !claimed.compareAndSet(false, true)) {
            for (int c = 0; c < chunks; c++) {
                imagetsne.reduce.Cancelled.check(stop);
                body.run(c, chunkStart(n, chunks, c), chunkStart(n, chunks, c + 1));
            }
            return;
        }
        try {
            runShared(n, chunks, body);
        } finally {
            claimed.set(false);
        }
    }

    private void runShared(int n, int chunks, Body body) {
        AtomicInteger next = new AtomicInteger();
        Runnable loop = () -> {
            for (int c; (c = next.getAndIncrement()) < chunks; ) {
                imagetsne.reduce.Cancelled.check(stop);
                body.run(c, chunkStart(n, chunks, c), chunkStart(n, chunks, c + 1));
            }
        };
        job = loop;
        failure = null;
        caller = Thread.currentThread();
        busy.set(workers.length);
        generation = generation + 1;   // publishes job: the workers read it after they see the new generation
        for (Thread w : workers) java.util.concurrent.locks.LockSupport.unpark(w);
        Throwable mine = null;
        try {
            loop.run();
        } catch (RuntimeException | Error e) {
            mine = e;
            next.set(chunks);   // the workers take no more chunks
        }
        long start = System.nanoTime();
        while (busy.get() > 0) {
            if (System.nanoTime() - start < SPIN_NANOS) Thread.onSpinWait();
            else java.util.concurrent.locks.LockSupport.park(this);
        }
        Throwable theirs = failure;
        if (mine == null) mine = theirs;
        if (mine instanceof RuntimeException re) throw re;
        if (mine instanceof Error er) throw er;
        if (mine != null) throw new IllegalStateException(mine);
    }

    /** A worker: runs each new loop's chunks beside the caller, then waits for the next loop. */
    private void work() {
        int seen = 0;
        while (true) {
            long start = System.nanoTime();
            int g;
            while ((g = generation) == seen) {
                if (closed) return;
                if (System.nanoTime() - start < SPIN_NANOS) Thread.onSpinWait();
                else java.util.concurrent.locks.LockSupport.park(this);
            }
            seen = g;
            try {
                job.run();
            } catch (RuntimeException | Error e) {
                failure = e;
            } finally {
                if (busy.decrementAndGet() == 0) java.util.concurrent.locks.LockSupport.unpark(caller);
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
        for (Thread w : workers) java.util.concurrent.locks.LockSupport.unpark(w);
    }
}
