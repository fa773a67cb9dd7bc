package imagetsne.features;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/** Base of the per-image extractors: a batch is spread over a small daemon pool, results kept in input order. */
abstract class ParallelExtractor implements FeatureExtractor {
    private final int threads;
    private ExecutorService pool;

    ParallelExtractor(int threads) {
        this.threads = Math.max(1, threads);
    }

    /** The vector of one image; called concurrently from pool threads. */
    abstract float[] extractOne(BufferedImage img);

    @Override public int batchSize() { return 32 * threads; }

    @Override public List<float[]> extract(List<BufferedImage> images) {
        List<float[]> out = new ArrayList<>(images.size());
        if (threads == 1 || images.size() < 2) {
            for (BufferedImage img : images) out.add(extractOne(img));
            return out;
        }
        List<Future<float[]>> futures = new ArrayList<>(images.size());
        ExecutorService p = pool();
        for (BufferedImage img : images) futures.add(p.submit(() -> extractOne(img)));
        try {
            for (Future<float[]> f : futures) out.add(f.get());
        } catch (InterruptedException e) {
            futures.forEach(f -> f.cancel(true));
            Thread.currentThread().interrupt();
            throw new IllegalStateException("feature extraction interrupted", e);
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            if (c instanceof RuntimeException re) throw re;
            if (c instanceof Error err) throw err;
            throw new IllegalStateException(c);
        }
        return out;
    }

    private synchronized ExecutorService pool() {
        if (pool == null) {
            AtomicInteger n = new AtomicInteger();
            pool = Executors.newFixedThreadPool(threads, r -> {
                Thread t = new Thread(r, kind() + "-features-" + n.incrementAndGet());
                t.setDaemon(true); // never keep the JVM alive for an extractor someone forgot to close
                return t;
            });
        }
        return pool;
    }

    @Override public synchronized void close() {
        if (pool != null) pool.shutdownNow();
        pool = null;
    }
}
