package imagetsne.features;

import imagetsne.io.AtomicFiles;
import imagetsne.source.ImageDecoder;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import javax.imageio.ImageIO;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.CRC32;
import java.util.zip.CheckedInputStream;
import java.util.zip.CheckedOutputStream;

/**
 * On-disk cache of what an analysis computes per image file, keyed by file path, size, mtime and a key
 * naming the computation: feature vectors (the extractor's cache key), so re-running with other t-SNE
 * settings skips extraction, and thumbnails (PNG), so a second analysis of an unchanged folder decodes no
 * image at all. Thread-safe. Writes are atomic ({@link AtomicFiles}). Entries are checked on every read
 * (vectors against the caller's dimension and for finiteness, thumbnails by decoding them), never trusted
 * because the checksum holds.
 *
 * <p>Layout: one binary shard per (key, image folder): {@code dir/<key>/<folder hash>.bin}, holding for
 * every file of that folder its name, size, mtime and data, with a CRC32 at the end. A shard is read on
 * first use and rewritten whole on {@link #flush()} when it changed.
 */
public final class FeatureCache implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(FeatureCache.class);
    private static final int MAGIC = 0x49544643; // "ITFC"
    private static final int VERSION = 2;

    private record Entry(long size, long mtime, byte[] data) {}

    private final class Shard {
        final String key;
        final Path folder, file;
        final Map<String, Entry> entries = new HashMap<>();
        boolean loaded, dirty;

        Shard(String key, Path folder) {
            this.key = key;
            this.folder = folder;
            this.file = dir.resolve(safe(key)).resolve(hash(folder.toString()) + ".bin");
        }
    }

    private final Path dir;
    private final Map<String, Shard> shards = new ConcurrentHashMap<>();
    private final AtomicInteger invalid = new AtomicInteger();

    public FeatureCache(Path dir) {
        this.dir = dir.toAbsolutePath().normalize();
    }

    /** Default location: ~/.cache/image-tsne-live/features (or $XDG_CACHE_HOME). */
    public static Path defaultDir() {
        String xdg = System.getenv("XDG_CACHE_HOME");
        Path base = xdg != null && !xdg.isBlank() && Paths.get(xdg).isAbsolute()
                ? Paths.get(xdg) : Paths.get(System.getProperty("user.home"), ".cache");
        return base.resolve("image-tsne-live").resolve("features");
    }

    public Path dir() { return dir; }

    /** Cached vector for this file under this extractor, or null (also null when the file changed or the entry is not finite). */
    public float[] get(Path file, String extractorKey) {
        return get(file, extractorKey, -1);
    }

    /**
     * As {@link #get(Path, String)}, and null when the entry does not have `dimension` values (when
     * dimension > 0). A valid checksum does not make an entry right (another version, a bug, a hand edit):
     * a bad entry is dropped and counted in {@link #invalidEntries()}, so the caller recomputes it and
     * {@link #put} overwrites it.
     */
    public float[] get(Path file, String extractorKey, int dimension) {
        byte[] b = bytes(file, extractorKey);
        if (b == null) return null;
        float[] v = b.length % 4 == 0 ? new float[b.length / 4] : null;
        if (v != null) ByteBuffer.wrap(b).asFloatBuffer().get(v);
        if (v == null || (dimension > 0 && v.length != dimension) || !allFinite(v)) {
            LOG.debug("cached features of {} are unusable ({} bytes, expected {} values); recomputing", file, b.length, dimension);
            drop(file, extractorKey);
            return null;
        }
        return v;
    }

    /** The cached thumbnail of this file with this longest side, or null (also when the stored PNG does not decode). */
    public BufferedImage thumbnail(Path file, int size) {
        byte[] b = bytes(file, thumbnailKey(size));
        if (b == null) return null;
        try {
            BufferedImage img = ImageIO.read(new ByteArrayInputStream(b));
            if (img != null) return ImageDecoder.toArgb(img);
        } catch (IOException | RuntimeException e) {
            // a broken entry: dropped below and made again
        }
        drop(file, thumbnailKey(size));
        return null;
    }

    /** Stores a thumbnail (as PNG) for this file and longest side. */
    public void putThumbnail(Path file, int size, BufferedImage thumbnail) {
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        try {
            if (!ImageIO.write(thumbnail, "png", png)) return;
        } catch (IOException e) {
            return;
        }
        putBytes(file, thumbnailKey(size), png.toByteArray());
    }

    static String thumbnailKey(int size) { return "thumbnail-v1-" + size; }

    /** The stored data of a file under a key, when the file has the size and mtime it had then; else null. */
    private byte[] bytes(Path file, String key) {
        Path abs = file.toAbsolutePath().normalize();
        BasicFileAttributes a = attributes(abs);
        if (a == null || abs.getParent() == null) return null;
        Shard s = shard(key, abs.getParent());
        synchronized (s) {
            load(s);
            Entry e = s.entries.get(abs.getFileName().toString());
            if (e == null || e.size != a.size() || e.mtime != a.lastModifiedTime().toMillis()) return null;
            return e.data.clone();
        }
    }

    private void drop(Path file, String key) {
        Path abs = file.toAbsolutePath().normalize();
        if (abs.getParent() == null) return;
        Shard s = shard(key, abs.getParent());
        synchronized (s) {
            if (s.entries.remove(abs.getFileName().toString()) != null) s.dirty = true;
        }
        invalid.incrementAndGet();
    }

    /** How many entries {@link #get} found unusable (wrong length or not finite) since this cache was opened. */
    public int invalidEntries() { return invalid.get(); }

    /** Stores a copy. A vector with a non-finite value is not stored, and drops what was stored for the file. */
    public void put(Path file, String extractorKey, float[] vector) {
        if (vector == null) return;
        if (!allFinite(vector)) {
            putBytes(file, extractorKey, null);
            return;
        }
        ByteBuffer b = ByteBuffer.allocate(4 * vector.length);
        b.asFloatBuffer().put(vector);
        putBytes(file, extractorKey, b.array());
    }

    /** Stores data for a file under a key (null: forget what was stored). */
    private void putBytes(Path file, String key, byte[] data) {
        Path abs = file.toAbsolutePath().normalize();
        BasicFileAttributes a = attributes(abs);
        if (a == null || abs.getParent() == null) return; // file gone: nothing to key on
        Shard s = shard(key, abs.getParent());
        synchronized (s) {
            load(s);
            String name = abs.getFileName().toString();
            if (data != null) s.entries.put(name, new Entry(a.size(), a.lastModifiedTime().toMillis(), data));
            else s.entries.remove(name);
            s.dirty = true;
        }
    }

    /** Persists pending entries. */
    public void flush() {
        for (Shard s : shards.values()) {
            synchronized (s) {
                if (!s.dirty) continue;
                try {
                    write(s);
                    s.dirty = false;
                } catch (IOException e) {
                    LOG.warn("could not write feature cache {}: {}", s.file, e.toString());
                }
            }
        }
    }

    @Override public void close() { flush(); }

    private Shard shard(String key, Path folder) {
        return shards.computeIfAbsent(key + "\n" + folder, k -> new Shard(key, folder));
    }

    private static boolean allFinite(float[] v) {
        for (float x : v) if (!Float.isFinite(x)) return false;
        return true;
    }

    private static BasicFileAttributes attributes(Path p) {
        try {
            BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class);
            return a.isRegularFile() ? a : null;
        } catch (IOException e) {
            return null;
        }
    }

    private void load(Shard s) {
        if (s.loaded) return;
        s.loaded = true;
        if (!Files.isRegularFile(s.file)) return;
        Map<String, Entry> read = new HashMap<>();
        try (InputStream raw = new BufferedInputStream(Files.newInputStream(s.file), 1 << 16)) {
            CRC32 crc = new CRC32();
            DataInputStream in = new DataInputStream(new CheckedInputStream(raw, crc));
            if (in.readInt() != MAGIC) throw new IOException("not a feature cache file");
            if (in.readInt() != VERSION) return; // an older layout: rebuilt as the analysis goes
            String key = in.readUTF(), folder = in.readUTF();
            if (!key.equals(s.key) || !folder.equals(s.folder.toString())) return; // hash collision: not ours
            int count = in.readInt();
            if (count < 0) throw new IOException("bad entry count");
            for (int i = 0; i < count; i++) {
                String name = in.readUTF();
                long size = in.readLong(), mtime = in.readLong();
                int len = in.readInt();
                if (len < 0 || len > 1 << 26) throw new IOException("bad entry length " + len);
                byte[] data = new byte[len];
                in.readFully(data);
                read.put(name, new Entry(size, mtime, data));
            }
            long expected = crc.getValue();
            long stored = new DataInputStream(raw).readLong();
            if (stored != expected) throw new IOException("checksum mismatch");
            s.entries.putAll(read);
        } catch (IOException | RuntimeException e) {
            LOG.warn("ignoring corrupt feature cache file {}: {}", s.file, e.toString());
        }
    }

    private void write(Shard s) throws IOException {
        AtomicFiles.write(s.file, raw -> {
            CRC32 crc = new CRC32();
            DataOutputStream out = new DataOutputStream(new CheckedOutputStream(raw, crc));
            out.writeInt(MAGIC);
            out.writeInt(VERSION);
            out.writeUTF(s.key);
            out.writeUTF(s.folder.toString());
            out.writeInt(s.entries.size());
            for (Map.Entry<String, Entry> me : s.entries.entrySet()) {
                Entry e = me.getValue();
                out.writeUTF(me.getKey());
                out.writeLong(e.size);
                out.writeLong(e.mtime);
                out.writeInt(e.data.length);
                out.write(e.data);
            }
            out.flush();
            DataOutputStream tail = new DataOutputStream(raw);
            tail.writeLong(crc.getValue());
            tail.flush();
        });
    }

    /** A file-name-safe form of an extractor key ("cnn-squeezenet-ab12") that stays readable. */
    private static String safe(String key) {
        String s = key.replaceAll("[^A-Za-z0-9._-]", "_");
        return s.equals(key) && s.length() <= 80 ? s : (s.length() > 60 ? s.substring(0, 60) : s) + "-" + hash(key);
    }

    private static String hash(String s) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            return Integer.toHexString(s.hashCode());
        }
    }
}
