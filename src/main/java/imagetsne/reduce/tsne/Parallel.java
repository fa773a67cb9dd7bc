package imagetsne.reduce.tsne;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A fixed pool that runs loops over [0, n) in chunks whose boundaries depend only on n, never on the
 * thread count or timing. Sums are kept per chunk and added in chunk order, so results are bit-identical
 * for any number of threads.
 */
final class Parallel implements AutoCloseable {
    /** Upper bound of chunks per loop: enough for load balancing, few enough to keep overhead tiny. */
    public static final int MAX_CHUNKS = 64;

    @FunctionalInterface
    public interface Body { void run(int chunk, int from, int to); }

    @FunctionalInterface
    public interface SumBody { double run(int from, int to); }

    private final int threads;
    private final ExecutorService pool;
    /** Checked before every chunk: a raised signal ends the loop with {@link imagetsne.reduce.Cancelled}. */
    private final java.util.function.BooleanSupplier stop;

    public Parallel(int threads) { this(threads, null); }

    public Parallel(int threads, java.util.function.BooleanSupplier stop) {
        this.stop = stop;
        this.threads = threads <= 0 ? Runtime.getRuntime().availableProcessors() : threads;
        this.pool = this.threads > 1 ? Executors.newFixedThreadPool(this.threads - 1, r -> {
            Thread t = new Thread(r, "tsne-worker");
            t.setDaemon(true);
            return t;
        }) : null;
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
        if (pool == null || chunks == 1) {
            for (int c = 0; c < chunks; c++) {
                imagetsne.reduce.Cancelled.check(stop);
                body.run(c, chunkStart(n, chunks, c), chunkStart(n, chunks, c + 1));
            }
            return;
        }
        AtomicInteger next = new AtomicInteger();
        Runnable worker = () -> {
            for (int c; (c = next.getAndIncrement()) < chunks; ) {
                imagetsne.reduce.Cancelled.check(stop);
                body.run(c, chunkStart(n, chunks, c), chunkStart(n, chunks, c + 1));
            }
        };
        List<Future<?>> futures = new ArrayList<>(threads - 1);
        for (int t = 0; t < threads - 1; t++) futures.add(pool.submit(worker));
        Throwable failure = null;
        try {
            worker.run();
        } catch (RuntimeException | Error e) {
            failure = e;
        }
        for (Future<?> f : futures) {
            try {
                f.get();
            } catch (ExecutionException e) {
                if (failure == null) failure = e.getCause();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                if (failure == null) failure = e;
            }
        }
        if (failure instanceof RuntimeException re) throw re;
        if (failure instanceof Error er) throw er;
        if (failure != null) throw new IllegalStateException(failure);
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
        if (pool != null) pool.shutdownNow();
    }
}
