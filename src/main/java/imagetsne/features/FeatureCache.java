package imagetsne.features;

import java.nio.file.Path;

/**
 * On-disk feature cache keyed by file path, size, mtime and extractor cache key, so re-running with other
 * t-SNE settings skips extraction. Thread-safe. Writes are atomic.
 */
public final class FeatureCache implements AutoCloseable {
    public FeatureCache(Path dir) { throw new UnsupportedOperationException("TODO features/source helper"); }

    /** Default location: ~/.cache/image-tsne-live/features (or $XDG_CACHE_HOME). */
    public static Path defaultDir() { throw new UnsupportedOperationException("TODO"); }

    /** Cached vector for this file under this extractor, or null (also null when the file changed). */
    public float[] get(Path file, String extractorKey) { throw new UnsupportedOperationException("TODO"); }

    public void put(Path file, String extractorKey, float[] vector) { throw new UnsupportedOperationException("TODO"); }

    /** Persists pending entries. */
    public void flush() { throw new UnsupportedOperationException("TODO"); }

    @Override public void close() { flush(); }
}
