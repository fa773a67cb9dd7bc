package imagetsne.source.s3;

import imagetsne.source.ImageScanner;
import imagetsne.source.SourceImage;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * Lists the images under an {@code s3://bucket/prefix}, draws {@link S3Config#maxImages} of them with the seed
 * (before anything is downloaded), and brings each into the {@link S3Cache} with a small pool of parallel
 * downloads. Objects already cached under their current ETag cost no request. Progress and cancel go through an
 * {@link S3Listener}, polled on the caller's thread every {@value #TICK_MS} ms, so a stop answers at once even
 * while a request hangs.
 */
public final class S3Fetcher implements AutoCloseable {
    static final long TICK_MS = 100;

    private final S3Config config;
    private final S3Cache cache;
    private S3Client client;

    /** One listed object. size < 0 and etag null when unknown (a layout names a URL only). */
    public record Listed(String key, long size, String etag) implements Comparable<Listed> {
        @Override public int compareTo(Listed o) { return key.compareTo(o.key); }
    }

    /** An object in the cache: its file and the version it holds. */
    public record Cached(String bucket, Listed object, java.nio.file.Path file, String etag, boolean downloaded) {}

    /** An object that could not be fetched, and why (one line). */
    public record Failed(String url, String reason) {}

    /** What a download round did: objects in the cache (in input order), failures, and its costs. */
    public record Downloads(List<Cached> cached, List<Failed> failed, int downloaded, int fromCache, long bytes, double seconds) {}

    /** The images ready to decode, and what listing and downloading them took. */
    public record Fetched(List<SourceImage> images, List<Failed> failed, int listed, int downloaded, int fromCache, long bytes,
                          double listSeconds, double downloadSeconds) {}

    /** The listener asked to stop; nothing half-written is left in the cache. */
    public static final class CancelledException extends Exception {
        public CancelledException() { super("S3 download cancelled"); }
    }

    public S3Fetcher(S3Config config) {
        config.checkValidity();
        this.config = config;
        this.cache = new S3Cache(config.cacheDirOrDefault());
    }

    public S3Cache cache() { return cache; }

    /** The client is built on first use: a job that finds everything in the cache needs no credentials. */
    private synchronized S3Client client() {
        if (client == null) client = S3Clients.build(config);
        return client;
    }

    /**
     * List, sample, download: the whole S3 step of an analysis.
     *
     * @throws IOException a one-line reason (no credentials, access denied, no such bucket, endpoint unreachable, no images)
     */
    public Fetched fetch(S3Location where, S3Listener listener) throws IOException, CancelledException {
        S3Listener l = listener == null ? S3Listener.NONE : listener;
        long t0 = System.nanoTime();
        List<Listed> all = list(where, l);
        double listSeconds = secs(t0);
        if (all.isEmpty())
            throw new IOException("no images found in " + where + " (looked for keys ending in " + String.join(", ", ImageScanner.extensions()) + ")");
        List<Listed> pick = ImageScanner.sample(all, config.maxImages, config.seed);
        if (pick.size() < all.size()) l.info("using " + pick.size() + " of " + all.size() + " images in " + where + " (random subset, seed " + config.seed + ")");
        Downloads d = download(where.bucket(), pick, l);
        String root = rootOf(where.prefix(), all);
        List<SourceImage> images = new ArrayList<>(d.cached().size());
        for (Cached c : d.cached())
            images.add(new SourceImage(c.file(), where.url(c.object().key()), labelOf(root, c.object().key()), c.etag()));
        return new Fetched(images, d.failed(), all.size(), d.downloaded(), d.fromCache(), d.bytes(), listSeconds, d.seconds());
    }

    /** Image keys under the prefix, sorted; hidden names (a part starting with a dot) and folder markers left out, as a folder scan does. */
    public List<Listed> list(S3Location where, S3Listener l) throws IOException, CancelledException {
        AtomicLong seen = new AtomicLong();
        ExecutorService one = Executors.newSingleThreadExecutor(daemon("s3-list"));
        try {
            Future<List<Listed>> f = one.submit(() -> {
                List<Listed> out = new ArrayList<>();
                for (S3Object o : client().listObjectsV2Paginator(r -> r.bucket(where.bucket()).prefix(where.prefix())).contents()) {
                    seen.incrementAndGet();
                    if (isImageKey(where.prefix(), o.key())) out.add(new Listed(o.key(), o.size() == null ? -1 : o.size(), S3Cache.plainEtag(o.eTag())));
                }
                return out;
            });
            while (true) {
                try {
                    List<Listed> out = f.get(TICK_MS, TimeUnit.MILLISECONDS);
                    out.sort(null);
                    l.info("listed " + seen.get() + " keys in " + where + ", " + out.size() + " of them images");
                    return out;
                } catch (TimeoutException e) {
                    if (!l.progress(new S3Listener.S3Progress(S3Listener.Phase.LISTING, seen.get(), -1, 0, 0, Double.NaN)))
                        throw new CancelledException();
                } catch (ExecutionException e) {
                    throw new IOException(S3Errors.describe(e.getCause(), where.toString(), config), e.getCause());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new CancelledException();
                }
            }
        } finally {
            one.shutdownNow();
        }
    }

    /**
     * Brings objects of one bucket into the cache: a copy under the listed ETag (and size) is used as it is;
     * others are downloaded, {@link S3Config#threads} at a time. An object without a listed ETag uses any cached
     * version. Errors about one object are listed in {@link Downloads#failed}; errors every request would repeat
     * (credentials, access, bucket, connection) end the round with their one-line message.
     */
    public Downloads download(String bucket, List<Listed> objects, S3Listener listener) throws IOException, CancelledException {
        S3Listener l = listener == null ? S3Listener.NONE : listener;
        long t0 = System.nanoTime();
        int n = objects.size();
        Cached[] done = new Cached[n];
        List<Failed> failed = new ArrayList<>();
        List<Integer> misses = new ArrayList<>();
        long bytesTotal = 0;
        for (int i = 0; i < n; i++) {
            Listed o = objects.get(i);
            java.nio.file.Path hit = o.etag() != null ? cache.find(bucket, o.key(), o.etag(), o.size()) : cache.findAny(bucket, o.key());
            if (hit != null) done[i] = new Cached(bucket, o, hit, o.etag() != null ? o.etag() : etagOf(hit), false);
            else { misses.add(i); bytesTotal += Math.max(0, o.size()); }
        }
        int fromCache = n - misses.size();
        if (fromCache > 0) l.info(fromCache + " of " + n + " objects are in the cache (" + cache.dir() + ")");
        AtomicLong bytes = new AtomicLong();
        int finished = fromCache, downloaded = 0;
        if (!misses.isEmpty()) {
            Transfers transfers = new Transfers(bytes);
            ExecutorService pool = Executors.newFixedThreadPool(Math.min(config.threads, misses.size()), daemon("s3-get"));
            ExecutorCompletionService<Result> ecs = new ExecutorCompletionService<>(pool);
            long tGet = System.nanoTime();
            try {
                for (int i : misses) {
                    Listed o = objects.get(i);
                    ecs.submit(() -> transfers.fetch(bucket, o, i));
                }
                for (int left = misses.size(); left > 0; ) {
                    Future<Result> f = ecs.poll(TICK_MS, TimeUnit.MILLISECONDS);
                    if (f != null) {
                        left--;
                        finished++;
                        Result r = f.get();
                        if (r.cached != null) {
                            done[r.index] = r.cached;
                            downloaded++;
                        } else {
                            String url = S3Location.SCHEME + bucket + "/" + objects.get(r.index).key();
                            if (r.error instanceof S3Cache.StoppedException) throw new CancelledException();
                            // a disk that cannot take the object will not take the next one either
                            if (r.error instanceof IOException io && !(io instanceof BrokenDownload))
                                throw new IOException("cannot store " + url + " in the cache " + cache.dir() + ": " + io.getMessage(), io);
                            if (S3Errors.isFatal(r.error)) throw new IOException(S3Errors.describe(r.error, url, config), r.error);
                            String why = r.error instanceof BrokenDownload ? r.error.getMessage() : S3Errors.describe(r.error, url, config);
                            failed.add(new Failed(url, why));
                            l.skipped(url, why);
                        }
                    }
                    double elapsed = secs(tGet);
                    long b = bytes.get();
                    double eta = b > 0 && bytesTotal > 0 ? elapsed * (bytesTotal - b) / b
                            : finished > fromCache ? elapsed * left / (finished - fromCache) : Double.NaN;
                    if (!l.progress(new S3Listener.S3Progress(S3Listener.Phase.DOWNLOADING, finished, n, b, bytesTotal, Math.max(0, eta)))) {
                        throw new CancelledException();
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CancelledException();
            } catch (ExecutionException e) {
                throw new IllegalStateException(e.getCause());
            } finally {
                transfers.stop();
                pool.shutdownNow();
            }
        } else if (!l.progress(new S3Listener.S3Progress(S3Listener.Phase.DOWNLOADING, n, n, 0, 0, 0))) {
            throw new CancelledException();
        }
        List<Cached> out = new ArrayList<>(n);
        for (Cached c : done) if (c != null) out.add(c);
        return new Downloads(out, failed, downloaded, fromCache, bytes.get(), secs(t0));
    }

    /** One download's outcome: the cached object, or the error. */
    private record Result(int index, Cached cached, Exception error) {}

    /** The connection broke off in the middle of an object (twice): that object is skipped, the run goes on. */
    private static final class BrokenDownload extends IOException {
        BrokenDownload(String message, Throwable cause) { super(message, cause); }
    }

    /** The downloads in flight: a stop aborts their connections, so no thread is left reading. */
    private final class Transfers {
        private final AtomicLong bytes;
        private final Set<ResponseInputStream<GetObjectResponse>> open = ConcurrentHashMap.newKeySet();
        private volatile boolean stopped;

        Transfers(AtomicLong bytes) { this.bytes = bytes; }

        /** Never throws: the outcome goes back to the polling thread. A download that broke off is tried once more. */
        Result fetch(String bucket, Listed o, int index) {
            for (int attempt = 1; ; attempt++) {
                try {
                    return new Result(index, get(bucket, o), null);
                } catch (BrokenDownload e) {
                    if (attempt >= 2 || stopped) return new Result(index, null, e);
                } catch (Exception e) {
                    return new Result(index, null, e);
                }
            }
        }

        private Cached get(String bucket, Listed o) throws IOException {
            if (stopped) throw new S3Cache.StoppedException();
            ResponseInputStream<GetObjectResponse> in = client().getObject(r -> r.bucket(bucket).key(o.key()));
            open.add(in);
            try {
                if (stopped) throw new S3Cache.StoppedException();
                // stored under the ETag the server sent with these bytes: the object may have changed since the listing
                String etag = in.response().eTag() != null ? S3Cache.plainEtag(in.response().eTag()) : o.etag();
                long n = cache.store(bucket, o.key(), etag, new CountingStream(in, bytes), () -> stopped);
                Listed got = new Listed(o.key(), n, etag);
                return new Cached(bucket, got, cache.pathFor(bucket, o.key(), etag), etag, true);
            } finally {
                open.remove(in);
                // after a stop, drop the connection rather than drain the rest of the object
                if (stopped) in.abort();
                else in.close();
            }
        }

        void stop() {
            stopped = true;
            for (ResponseInputStream<GetObjectResponse> in : open) in.abort();
        }
    }

    /** Counts bytes as they arrive, for the progress bar, and tells a broken connection from a failing disk. */
    private static final class CountingStream extends java.io.FilterInputStream {
        private final AtomicLong bytes;
        CountingStream(java.io.InputStream in, AtomicLong bytes) { super(in); this.bytes = bytes; }
        @Override public int read(byte[] b, int off, int len) throws IOException {
            int r;
            try {
                r = super.read(b, off, len);
            } catch (IOException | RuntimeException e) {
                throw new BrokenDownload("the download broke off: " + S3Errors.oneLine(String.valueOf(e.getMessage())), e);
            }
            if (r > 0) bytes.addAndGet(r);
            return r;
        }
    }

    private static String etagOf(java.nio.file.Path cached) {
        String name = cached.getFileName().toString();
        String[] parts = name.split("\\.");
        return parts.length >= 3 ? parts[1] : null;
    }

    /** An image name, not a folder marker, and no hidden part below the prefix's folder. */
    static boolean isImageKey(String prefix, String key) {
        if (key.endsWith("/") || !ImageScanner.isImageName(key.substring(key.lastIndexOf('/') + 1))) return false;
        String below = key.substring(prefixFolder(prefix).length());
        for (String part : below.split("/")) if (part.startsWith(".")) return false;
        return true;
    }

    /**
     * The "folder" the labels are relative to: the prefix when it ends with a slash, or names a folder all keys
     * are in ({@code s3://b/emoji} as {@code s3://b/emoji/}); else the part of it up to its last slash.
     */
    static String rootOf(String prefix, List<Listed> keys) {
        if (prefix.isEmpty() || prefix.endsWith("/")) return prefix;
        String asFolder = prefix + "/";
        return keys.stream().allMatch(k -> k.key().startsWith(asFolder)) ? asFolder : prefixFolder(prefix);
    }

    /** The key's folder below root, so key prefixes become labels as sub-folders do; null at the top. */
    static String labelOf(String root, String key) {
        String below = key.startsWith(root) ? key.substring(root.length()) : key;
        int slash = below.lastIndexOf('/');
        return slash > 0 ? below.substring(0, slash) : null;
    }

    /** The part of a prefix up to its last slash: "photos/2024" lists "photos/2024-x/..." whose folder root is "photos/". */
    private static String prefixFolder(String prefix) {
        return prefix.substring(0, prefix.lastIndexOf('/') + 1);
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        };
    }

    private static double secs(long t0) { return (System.nanoTime() - t0) / 1e9; }

    @Override public synchronized void close() {
        if (client != null) client.close();
        client = null;
    }
}
