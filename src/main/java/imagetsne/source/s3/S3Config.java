package imagetsne.source.s3;

import java.net.URI;
import java.nio.file.Path;
import java.nio.file.Paths;

/** Where and how to read a bucket: one home for the defaults and their checks; the CLI and the sketch fill it. */
public final class S3Config {
    /** An S3-compatible store (MinIO, Ceph, a test server), or null for AWS itself. */
    public URI endpoint;
    /** Path-style addressing (endpoint/bucket/key), which S3-compatible stores need; null = on exactly when an endpoint is given. */
    public Boolean pathStyle;
    /** AWS region; null = the default chain (AWS_REGION, ~/.aws/config), else us-east-1 when an endpoint is given. */
    public String region;
    /** Downloaded objects; null = {@link S3Cache#defaultDir()}. */
    public Path cacheDir;
    /** Parallel downloads: a few are enough to hide the latency of small objects. */
    public int threads = 8;
    /** At most this many images, drawn from the listing with the seed before anything is downloaded; <= 0 = all. */
    public int maxImages = 0;
    public long seed = 42;

    /** The same set-up sampling {@code maxImages} of the listing with {@code seed} (an analysis's own). */
    public S3Config sampling(int maxImages, long seed) {
        S3Config c = new S3Config();
        c.endpoint = endpoint;
        c.pathStyle = pathStyle;
        c.region = region;
        c.cacheDir = cacheDir;
        c.threads = threads;
        c.maxImages = maxImages;
        c.seed = seed;
        return c;
    }

    /** @throws IllegalArgumentException a one-line message naming the setting */
    public void checkValidity() {
        if (endpoint != null) {
            String s = endpoint.getScheme();
            if (s == null || !(s.equalsIgnoreCase("http") || s.equalsIgnoreCase("https")) || endpoint.getHost() == null)
                throw new IllegalArgumentException("the S3 endpoint must be an http:// or https:// URL with a host, got " + endpoint);
        }
        if (threads < 1 || threads > 64) throw new IllegalArgumentException("S3 download threads must be 1..64, got " + threads);
    }

    public boolean usePathStyle() { return pathStyle != null ? pathStyle : endpoint != null; }

    public Path cacheDirOrDefault() { return cacheDir != null ? cacheDir : S3Cache.defaultDir(); }

    /** Parses an endpoint flag: a URL, or host:port taken as http. */
    public static URI parseEndpoint(String text) {
        if (text == null || text.isBlank()) return null;
        String t = text.trim();
        if (!t.contains("://")) t = "http://" + t;
        try {
            return new URI(t);
        } catch (java.net.URISyntaxException e) {
            throw new IllegalArgumentException("the S3 endpoint is not a URL: " + text);
        }
    }

    /** Where XDG says caches go: $XDG_CACHE_HOME when absolute, else ~/.cache. */
    static Path cacheBase() {
        String xdg = System.getenv("XDG_CACHE_HOME");
        return xdg != null && !xdg.isBlank() && Paths.get(xdg).isAbsolute() ? Paths.get(xdg) : Paths.get(System.getProperty("user.home"), ".cache");
    }
}
