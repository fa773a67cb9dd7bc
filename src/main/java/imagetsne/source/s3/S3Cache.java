package imagetsne.source.s3;

import imagetsne.io.AtomicFiles;
import imagetsne.source.ImageScanner;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.function.BooleanSupplier;
import java.util.regex.Pattern;

/**
 * Downloaded objects on disk, keyed by bucket, key and ETag: {@code DIR/BUCKET/ab/HASH.ETAG.EXT}, where HASH is
 * a digest of the key (keys may be 1,024 bytes of anything) and ETAG the object's ETag when it is a plain token.
 * A changed object has a new ETag, so its old copy is never mistaken for it; the old copy is deleted when the new
 * one is stored. Files are written atomically, so a killed download leaves no half object behind.
 */
public final class S3Cache {
    private static final Pattern PLAIN_ETAG = Pattern.compile("[A-Za-z0-9-]{1,80}");
    private final Path dir;

    public S3Cache(Path dir) { this.dir = dir.toAbsolutePath().normalize(); }

    /** ~/.cache/image-tsne-live/s3, or under $XDG_CACHE_HOME when set: beside the feature cache. */
    public static Path defaultDir() { return S3Config.cacheBase().resolve("image-tsne-live").resolve("s3"); }

    public Path dir() { return dir; }

    /** The file an object's version is (or would be) cached in. */
    public Path pathFor(String bucket, String key, String etag) {
        String h = keyHash(key);
        return folderOf(bucket, h).resolve(h + "." + etagToken(etag) + "." + extension(key));
    }

    /** The cached copy of this version, or null; a copy whose size is not the listed size (when known, >= 0) does not count. */
    public Path find(String bucket, String key, String etag, long size) {
        Path p = pathFor(bucket, key, etag);
        try {
            if (!Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) return null;
            return size < 0 || Files.size(p) == size ? p : null;
        } catch (IOException e) {
            return null;
        }
    }

    /** Some cached version of the object, the newest, or null: for layouts that did not record an ETag. */
    public Path findAny(String bucket, String key) {
        String h = keyHash(key);
        Path best = null;
        long bestTime = Long.MIN_VALUE;
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(folderOf(bucket, h), h + ".*")) {
            for (Path p : ds) {
                if (p.getFileName().toString().endsWith(".tmp") || !Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) continue;
                long t = Files.getLastModifiedTime(p).toMillis();
                if (t > bestTime) { best = p; bestTime = t; }
            }
        } catch (IOException e) {
            return null;
        }
        return best;
    }

    /** Thrown out of {@link #store} when the cancel check said stop; nothing is left on disk. */
    public static final class StoppedException extends IOException {
        StoppedException() { super("stopped"); }
    }

    /**
     * Copies in to the object's cache file atomically, then deletes the object's other (older) versions.
     *
     * @param stop polled between chunks; when true the copy ends with {@link StoppedException} and nothing is kept
     * @return the bytes written
     */
    public long store(String bucket, String key, String etag, InputStream in, BooleanSupplier stop) throws IOException {
        Path target = pathFor(bucket, key, etag);
        long[] n = {0};
        AtomicFiles.write(target, out -> {
            byte[] buf = new byte[1 << 16];
            for (int r; (r = in.read(buf)) >= 0; ) {
                if (stop.getAsBoolean()) throw new StoppedException();
                out.write(buf, 0, r);
                n[0] += r;
            }
        });
        removeOtherVersions(target);
        return n[0];
    }

    private void removeOtherVersions(Path keep) {
        String name = keep.getFileName().toString();
        String h = name.substring(0, name.indexOf('.'));
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(keep.getParent(), h + ".*")) {
            for (Path p : ds) {
                String n = p.getFileName().toString();
                if (!n.equals(name) && !n.endsWith(".tmp")) Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            // an old version left behind costs disk space only; it is never read for the new ETag
        }
    }

    private Path folderOf(String bucket, String keyHash) {
        return dir.resolve(bucket).resolve(keyHash.substring(0, 2));
    }

    /** An ETag without the quotes S3 sends it in ("9b2c..." -> 9b2c...); null stays null. */
    public static String plainEtag(String etag) {
        return etag == null ? null : etag.replace("\"", "").trim();
    }

    /** Plain tokens stay readable in the file name, others are hashed. */
    static String etagToken(String etag) {
        String e = etag == null ? "" : plainEtag(etag);
        if (e.isEmpty()) return "none";
        return PLAIN_ETAG.matcher(e).matches() ? e : "h" + digest(e).substring(0, 32);
    }

    private static String keyHash(String key) { return digest(key).substring(0, 40); }

    private static String extension(String key) {
        int slash = key.lastIndexOf('/'), dot = key.lastIndexOf('.');
        String ext = dot > slash + 1 ? key.substring(dot + 1).toLowerCase(Locale.ROOT) : "";
        return ImageScanner.extensions().contains(ext) ? ext : "img";
    }

    private static String digest(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
