package imagetsne.cli;

import static org.junit.jupiter.api.Assertions.*;

import imagetsne.analysis.Stage;
import imagetsne.features.CacheShards;
import imagetsne.features.FeatureCache;
import imagetsne.features.PixelsExtractor;
import imagetsne.io.LayoutJson;
import imagetsne.io.RunLog;
import imagetsne.layout.Item;
import imagetsne.source.HostileCorpus;
import imagetsne.source.HostileCorpus.Expect;
import imagetsne.source.HostileCorpus.Outcome;
import imagetsne.source.ImageScanner;
import imagetsne.testing.SharedData;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `analyze` on what real folders hold: every file laid out, laid out with a warning, or skipped with its reason. */
class AnalyzeCommandTest {
    @TempDir Path dir;

    private Path emoji(String folder, int n) throws IOException {
        Path d = Files.createDirectories(dir.resolve(folder));
        try (Stream<Path> s = Files.list(SharedData.emojiDir())) {
            for (Path p : s.sorted().limit(n).toList()) Files.copy(p, d.resolve(p.getFileName()));
        }
        return d;
    }

    @Test void hostileCorpusEveryFileIsNamed() throws IOException {
        Path imgs = emoji("imgs", 20);
        List<Expect> expect = HostileCorpus.write(imgs, true);
        Path json = dir.resolve("out/layout.json");
        CliTest.Run r;
        try {
            // the scan has listed the vanishing files when the features stage starts; delete them then
            r = CliTest.cli("[" + Stage.FEATURES.label() + "]", () -> {
                try { HostileCorpus.vanish(imgs); } catch (IOException e) { throw new UncheckedIOException(e); }
            }, "analyze", imgs.toString(), "-o", json.toString(), "--features", "pixels", "--no-cache");
        } finally {
            HostileCorpus.unlock(imgs);
        }
        Map<Outcome, List<Expect>> by = expect.stream().collect(Collectors.groupingBy(Expect::outcome));
        int laid = 20 + by.get(Outcome.LAID_OUT).size() + by.get(Outcome.WARNED).size(), skipped = by.get(Outcome.SKIPPED).size();
        assertEquals(0, r.code(), r.err());
        assertTrue(r.lastLine().matches("analyze n=" + laid + " skipped=" + skipped + " features=pixels seconds=[0-9.]+"), r.lastLine() + "\n" + r.err());

        Path root = imgs.toAbsolutePath();
        Set<String> inLayout = new TreeSet<>();
        for (Item it : LayoutJson.read(json).layout().items()) inLayout.add(root.relativize(Path.of(it.path())).toString());
        RunLog log = RunLog.read(dir.resolve("out/layout.log.json"));
        assertEquals("ok", log.status());
        assertEquals(laid, log.laidOut());
        Map<String, String> skipReason = new HashMap<>(), warning = new HashMap<>();
        for (RunLog.Skipped s : log.skipped()) assertNull(skipReason.put(root.relativize(Path.of(s.path())).toString(), s.reason()), "listed once: " + s);
        for (RunLog.Warning w : log.warnings()) warning.put(root.relativize(Path.of(w.path())).toString(), w.warning());

        for (Expect e : expect) {
            String what = e.name() + " (" + e.outcome() + ")";
            switch (e.outcome()) {
                case LAID_OUT -> {
                    assertTrue(inLayout.contains(e.name()), what + " in the layout");
                    assertFalse(warning.containsKey(e.name()), what + " without warning: " + warning.get(e.name()));
                }
                case WARNED -> {
                    assertTrue(inLayout.contains(e.name()), what + " in the layout");
                    assertTrue(warning.getOrDefault(e.name(), "").contains(e.reason()), what + ": " + warning.get(e.name()));
                    assertTrue(r.err().contains("warning " + root.resolve(e.name()) + ": "), what + " on stderr");
                }
                case SKIPPED -> {
                    assertFalse(inLayout.contains(e.name()), what);
                    assertTrue(skipReason.getOrDefault(e.name(), "").contains(e.reason()), what + ": " + skipReason.get(e.name()));
                    assertTrue(r.err().contains("skipped " + root.resolve(e.name()) + ": "), what + " on stderr");
                }
            }
        }
        assertEquals(skipped, skipReason.size(), "nothing else skipped: " + skipReason);
        assertEquals(by.get(Outcome.WARNED).size(), warning.size(), "nothing else warned: " + warning);
        // and the other way round: every image-named entry on disk is in the layout or in the log
        try (Stream<Path> s = Files.walk(imgs)) {
            for (Path p : s.filter(p -> ImageScanner.isImageName(p) || Files.isSymbolicLink(p)).toList()) {
                String rel = root.relativize(p.toAbsolutePath()).toString();
                assertTrue(inLayout.contains(rel) || skipReason.containsKey(rel), rel + " is accounted for");
            }
        }
    }

    @Test void cacheEntriesOfTheWrongLengthOrNaNAreRecomputed() throws IOException {
        Path imgs = emoji("imgs", 30), cache = dir.resolve("cache"), json = dir.resolve("l.json");
        String[] args = {"analyze", imgs.toString(), "-o", json.toString(), "--features", "pixels", "--cache-dir", cache.toString()};
        assertEquals(0, CliTest.cli(args).code());
        List<Path> files = ImageScanner.scan(imgs);
        String key = new PixelsExtractor(1).cacheKey();
        float[] marked = new float[PixelsExtractor.SIDE * PixelsExtractor.SIDE * 3];
        java.util.Arrays.fill(marked, 0.123f);
        try (FeatureCache c = new FeatureCache(cache)) {
            c.put(files.get(3), key, new float[10]); // a valid shard, a vector of the wrong length
            c.put(files.get(7), key, marked);
        }
        CacheShards.replaceFloatKeepingChecksum(CacheShards.onlyShard(cache), 0.123f, Float.NaN);

        CliTest.Run again = CliTest.cli(args);
        assertEquals(0, again.code(), again.err());
        assertTrue(again.lastLine().startsWith("analyze n=30 skipped=0 "), again.lastLine());
        assertTrue(again.err().contains("28 of 30 feature vectors came from the cache"), again.err());
        assertTrue(again.err().contains("2 cached entries were unusable (wrong length, not finite or not decodable) and were recomputed"), again.err());
        CliTest.Run third = CliTest.cli(args);
        assertTrue(third.err().contains("30 of 30 feature vectors came from the cache"), "overwritten on disk: " + third.err());
    }

    @Test void outputLocationIsCheckedBeforeTheWork() throws IOException {
        Path imgs = emoji("imgs", 12);
        Path file = Files.writeString(dir.resolve("ok_three.json"), "[]");
        CliTest.Run r = CliTest.cli("analyze", imgs.toString(), "-o", file.resolve("out.json").toString(), "--features", "pixels", "--no-cache");
        assertEquals(1, r.code());
        assertEquals("error: cannot write " + file.resolve("out.json") + ": " + file + " is a file, not a folder", r.err().strip());
        Path ok = dir.resolve("fine/l.json");
        r = CliTest.cli("analyze", imgs.toString(), "-o", ok.toString(), "--grid-screenshot", file.resolve("g.png").toString(), "--no-cache");
        assertEquals(1, r.code());
        assertTrue(r.err().strip().endsWith("is a file, not a folder") && !r.err().contains("[" + Stage.SCAN.label() + "]"),
                "fails before the scan: " + r.err());
        assertFalse(Files.exists(dir.resolve("fine")), "nothing written");

        Path ro = Files.createDirectories(dir.resolve("ro"));
        Files.setPosixFilePermissions(ro, PosixFilePermissions.fromString("r-xr-xr-x"));
        try {
            r = CliTest.cli("analyze", imgs.toString(), "-o", ro.resolve("l.json").toString(), "--features", "pixels", "--no-cache");
            if (Files.isWritable(ro)) {
                System.err.println("running as root: a r-x folder stays writable, checking the run succeeds");
                assertEquals(0, r.code(), r.err());
            } else {
                assertEquals(1, r.code());
                assertEquals("error: cannot write " + ro.resolve("l.json") + ": folder " + ro + " is not writable (permission denied)", r.err().strip());
            }
        } finally {
            Files.setPosixFilePermissions(ro, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
        for (String cmd : new String[] {"tsne", "grid"}) {
            Path csv = Files.writeString(dir.resolve(cmd + ".csv"), "1,2\n3,4\n5,6\n");
            CliTest.Run t = CliTest.cli(cmd, csv.toString(), "-o", file.resolve("x.csv").toString());
            assertEquals(1, t.code(), cmd);
            assertEquals("error: cannot write " + file.resolve("x.csv") + ": " + file + " is a file, not a folder", t.err().strip(), cmd);
        }
    }

    @Test void nothingAnalyzableStillWritesTheLog() throws IOException {
        Path bad = Files.createDirectories(dir.resolve("bad"));
        Files.createFile(bad.resolve("zero.jpg"));
        Files.writeString(bad.resolve("letter.png"), "not a PNG");
        Files.createSymbolicLink(bad.resolve("gone.gif"), Path.of("nowhere.gif"));
        Path json = dir.resolve("l.json");
        Files.writeString(json, "[]");
        CliTest.Run r = CliTest.cli("analyze", bad.toString(), "-o", json.toString(), "--no-cache");
        assertEquals(1, r.code());
        assertTrue(r.lastLine().startsWith("analyze n=0 skipped=3 "), r.lastLine());
        assertEquals("[]", Files.readString(json), "a failed run leaves the previous layout alone");
        RunLog log = RunLog.read(dir.resolve("l.log.json"));
        assertEquals("failed", log.status());
        assertTrue(log.error().contains("could be analyzed"), log.error());
        assertEquals(Set.of("empty file (0 bytes)", "not an image (unknown format)", "broken symbolic link: nowhere.gif does not exist"),
                log.skipped().stream().map(RunLog.Skipped::reason).collect(Collectors.toSet()));
    }
}
