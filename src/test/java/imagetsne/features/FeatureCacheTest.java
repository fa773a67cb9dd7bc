package imagetsne.features;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.*;

class FeatureCacheTest {
    @TempDir Path tmp;

    private Path image(String name) throws Exception {
        Path dir = tmp.resolve("images");
        Files.createDirectories(dir);
        // real image bytes: the cache keys on them even though it never decodes
        return Files.copy(EmojiData.DIR.resolve("1f600.png"), dir.resolve(name));
    }

    @Test void hitAfterPutMissAfterTouchAndSurvivesReopen() throws Exception {
        Path cacheDir = tmp.resolve("cache");
        Path a = image("a.png"), b = image("b.png");
        float[] va = {1f, 2.5f, -3f, Float.MIN_VALUE}, vb = new float[2008];
        for (int i = 0; i < vb.length; i++) vb[i] = (float) Math.sin(i);
        try (FeatureCache c = new FeatureCache(cacheDir)) {
            assertNull(c.get(a, "hog-v1"));
            c.put(a, "hog-v1", va);
            c.put(b, "hog-v1", vb);
            assertArrayEquals(va, c.get(a, "hog-v1"));
            assertNull(c.get(a, "pixels-v1"), "other extractor key misses");
            va[0] = 99; // the cache keeps its own copy
            assertEquals(1f, c.get(a, "hog-v1")[0]);
        }
        try (Stream<Path> s = Files.walk(cacheDir)) {
            assertTrue(s.noneMatch(p -> p.toString().endsWith(".tmp")), "no temp files left");
        }
        try (FeatureCache c = new FeatureCache(cacheDir)) {
            assertArrayEquals(new float[] {1f, 2.5f, -3f, Float.MIN_VALUE}, c.get(a, "hog-v1"), "survives reopen");
            assertArrayEquals(vb, c.get(b, "hog-v1"));
            // the same file through another path spelling still hits
            assertNotNull(c.get(tmp.resolve("images/../images/a.png"), "hog-v1"));
            Files.setLastModifiedTime(a, FileTime.fromMillis(Files.getLastModifiedTime(a).toMillis() + 5000));
            assertNull(c.get(a, "hog-v1"), "touched file misses");
            Files.write(b, new byte[] {1, 2, 3}, java.nio.file.StandardOpenOption.APPEND);
            assertNull(c.get(b, "hog-v1"), "changed size misses");
            assertNull(c.get(tmp.resolve("images/none.png"), "hog-v1"), "missing file misses");
        }
    }

    @Test void corruptCacheFileIsIgnored() throws Exception {
        Path cacheDir = tmp.resolve("cache");
        Path a = image("a.png");
        try (FeatureCache c = new FeatureCache(cacheDir)) {
            c.put(a, "hog-v1", new float[] {1, 2, 3});
        }
        List<Path> shards;
        try (Stream<Path> s = Files.walk(cacheDir)) {
            shards = s.filter(p -> p.toString().endsWith(".bin")).toList();
        }
        assertEquals(1, shards.size());
        byte[] bytes = Files.readAllBytes(shards.get(0));
        bytes[bytes.length - 12] ^= 0x55; // flip bits inside a vector: the checksum catches it
        Files.write(shards.get(0), bytes);
        try (FeatureCache c = new FeatureCache(cacheDir)) {
            assertNull(c.get(a, "hog-v1"));
            c.put(a, "hog-v1", new float[] {4, 5});
        }
        try (FeatureCache c = new FeatureCache(cacheDir)) {
            assertArrayEquals(new float[] {4, 5}, c.get(a, "hog-v1"), "rewritten after corruption");
        }
        Files.write(shards.get(0), new byte[] {1, 2, 3}); // truncated to nothing useful
        try (FeatureCache c = new FeatureCache(cacheDir)) {
            assertNull(c.get(a, "hog-v1"));
        }
    }

    /**
     * A shard whose checksum holds can still carry entries this extractor cannot use: a vector of another
     * length (another version, a bug) or NaN. They must read as misses, so they are recomputed and overwritten.
     */
    @Test void entriesWithAValidChecksumAreStillCheckedAndRecomputed() throws Exception {
        Path cacheDir = tmp.resolve("cache");
        Path a = image("a.png"), b = image("b.png"), c = image("c.png");
        try (FeatureCache cache = new FeatureCache(cacheDir)) {
            cache.put(a, "hog-v1", new float[] {1, 2, 3, 4});
            cache.put(b, "hog-v1", new float[10]);
            cache.put(c, "hog-v1", new float[] {7.25f, 7.25f, 7.25f, 7.25f});
        }
        CacheShards.replaceFloatKeepingChecksum(CacheShards.onlyShard(cacheDir), 7.25f, Float.NaN);
        try (FeatureCache cache = new FeatureCache(cacheDir)) {
            assertArrayEquals(new float[] {1, 2, 3, 4}, cache.get(a, "hog-v1", 4), "the shard still loads: its checksum is valid");
            assertNull(cache.get(b, "hog-v1", 4), "10 values where the extractor makes 4");
            assertNull(cache.get(c, "hog-v1", 4), "NaN");
            assertNull(cache.get(c, "hog-v1"), "NaN, also without a dimension to check");
            assertEquals(2, cache.invalidEntries());
            cache.put(b, "hog-v1", new float[] {5, 6, 7, 8});
            cache.put(c, "hog-v1", new float[] {9, 10, 11, 12});
        }
        try (FeatureCache cache = new FeatureCache(cacheDir)) {
            assertArrayEquals(new float[] {5, 6, 7, 8}, cache.get(b, "hog-v1", 4), "overwritten on disk");
            assertArrayEquals(new float[] {9, 10, 11, 12}, cache.get(c, "hog-v1", 4));
            assertEquals(0, cache.invalidEntries());
            cache.put(a, "hog-v1", new float[] {Float.NaN, 0, 0, 0});
            assertNull(cache.get(a, "hog-v1", 4), "a non-finite vector is not stored and replaces the old entry");
        }
        try (Stream<Path> s = Files.walk(cacheDir)) {
            assertTrue(s.noneMatch(p -> p.toString().endsWith(".tmp")), "no temp files left");
        }
    }

    @Test void concurrentUse() throws Exception {
        Path cacheDir = tmp.resolve("cache");
        List<Path> files = new ArrayList<>();
        for (int i = 0; i < 120; i++) files.add(image("f" + i + ".png"));
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try (FeatureCache c = new FeatureCache(cacheDir)) {
            List<Future<?>> fs = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                int tt = t;
                fs.add(pool.submit(() -> {
                    for (int i = tt; i < files.size(); i += 4) {
                        c.put(files.get(i), "cnn-x", new float[] {i, -i});
                        assertArrayEquals(new float[] {i, -i}, c.get(files.get(i), "cnn-x"));
                        if (i % 30 == 0) c.flush();
                    }
                    return null;
                }));
            }
            for (Future<?> f : fs) f.get();
        } finally {
            pool.shutdownNow();
        }
        try (FeatureCache c = new FeatureCache(cacheDir)) {
            for (int i = 0; i < files.size(); i++) assertArrayEquals(new float[] {i, -i}, c.get(files.get(i), "cnn-x"));
        }
    }

    @Test void defaultDirIsUnderACacheFolder() {
        Path d = FeatureCache.defaultDir();
        assertTrue(d.isAbsolute());
        assertTrue(d.endsWith(Path.of("image-tsne-live", "features")), d.toString());
    }
}
