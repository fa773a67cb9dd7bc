package imagetsne.io;

import static org.junit.jupiter.api.Assertions.*;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {
    @TempDir Path dir;

    private List<Path> temps() throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().endsWith(".tmp")).toList();
        }
    }

    @Test void checkWritableNamesThePathAndTheReason() throws IOException {
        Path file = Files.writeString(dir.resolve("ok_three.json"), "[]");
        IOException e = assertThrows(IOException.class, () -> AtomicFiles.checkWritable(file.resolve("sub/out.json")));
        assertEquals("cannot write " + file.resolve("sub/out.json") + ": " + file + " is a file, not a folder", e.getMessage());
        e = assertThrows(IOException.class, () -> AtomicFiles.checkWritable(dir));
        assertTrue(e.getMessage().endsWith("it is a folder, not a file"), e.getMessage());

        // folders that do not exist yet are fine, and the check creates nothing
        AtomicFiles.checkWritable(dir.resolve("new/deeper/out.json"));
        assertFalse(Files.exists(dir.resolve("new")));
        AtomicFiles.checkWritable(file);
        try (Stream<Path> s = Files.list(dir)) {
            assertEquals(List.of(file), s.toList(), "no probe file left");
        }
    }

    @Test void readOnlyFolderIsFoundBeforeAnyWrite() throws IOException {
        Path ro = Files.createDirectories(dir.resolve("ro"));
        Files.setPosixFilePermissions(ro, PosixFilePermissions.fromString("r-xr-xr-x"));
        try {
            if (Files.isWritable(ro)) {
                // root ignores the mode bits: the folder really is writable, and the check must agree
                System.err.println("running as root: a r-x folder stays writable, checking that it is accepted");
                AtomicFiles.checkWritable(ro.resolve("out.json"));
            } else {
                IOException e = assertThrows(IOException.class, () -> AtomicFiles.checkWritable(ro.resolve("sub/out.json")));
                assertEquals("cannot write " + ro.resolve("sub/out.json") + ": folder " + ro + " is not writable (permission denied)", e.getMessage());
                e = assertThrows(IOException.class, () -> AtomicFiles.writeString(ro.resolve("out.json"), "x"));
                assertTrue(e.getMessage().contains("not writable (permission denied)"), e.getMessage());
            }
        } finally {
            Files.setPosixFilePermissions(ro, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
    }

    @Test void staleTempFilesGoOnTheNextWriteLockedOnesStay() throws IOException {
        Path stale = Files.writeString(dir.resolve(".layout.json.8812345678901234.tmp"), "[{\"half");
        Path otherName = Files.writeString(dir.resolve(".tsne.png.42.tmp"), "x");
        Path notOurs = Files.writeString(dir.resolve("notes.tmp"), "keep me");
        Path locked = Files.writeString(dir.resolve(".grid.csv.77.tmp"), "being written");
        try (FileChannel ch = FileChannel.open(locked, StandardOpenOption.WRITE); FileLock lock = ch.lock()) {
            AtomicFiles.writeString(dir.resolve("layout.json"), "[]");
            assertFalse(Files.exists(stale), "a killed write's temp file is removed");
            assertFalse(Files.exists(otherName), "also for other targets in the same folder");
            assertTrue(Files.exists(locked), "a temp file someone holds locked is left alone");
            assertTrue(Files.exists(notOurs), "files outside the .NAME.<n>.tmp pattern are left alone");
        }
        assertEquals("[]", Files.readString(dir.resolve("layout.json")));
    }

    @Test void aLiveWriterInAnotherProcessKeepsItsTemp() throws Exception {
        Process child = child("hold", dir.resolve("slow.json").toString());
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
            assertEquals("holding", out.readLine());
            assertEquals(1, temps().size(), "the child's temp file exists");
            AtomicFiles.writeString(dir.resolve("other.json"), "{}");
            assertEquals(1, temps().size(), "another process's live temp file survives our write");
        } finally {
            child.destroyForcibly().waitFor();
        }
        assertEquals(1, temps().size(), "kill -9 mid-write leaves the temp file");
        AtomicFiles.writeString(dir.resolve("other.json"), "{}");
        assertEquals(List.of(), temps(), "the next write to the folder removes it");
        assertFalse(Files.exists(dir.resolve("slow.json")), "the killed write never showed a half file");
    }

    /**
     * Kills a child JVM that saves a 20,000-item layout again and again, at random moments (from JVM start-up
     * on, or inside a save), many times. After every kill the file must be a whole save, the last one confirmed or the
     * one after it; and after the next run, no temp file may be left.
     */
    @Test void killMinus9DuringSavesLeavesOldOrNewAndTheNextRunCleansUp() throws Exception {
        Path file = dir.resolve("layout.json");
        LayoutJson.write(SaveLoop.layout(0), file);
        int runs = 32, leftAfterKill = 0, killedMidRun = 0;
        long last = 0;
        Random rnd = new Random(13);
        ObjectMapper json = new ObjectMapper();
        for (int run = 1; run <= runs; run++) {
            long first = run * 1_000_000L;
            Process child = child("loop", file.toString(), Long.toString(first));
            AtomicLong confirmed = new AtomicLong(-1);
            java.util.concurrent.LinkedBlockingQueue<long[]> events = new java.util.concurrent.LinkedBlockingQueue<>(); // {saving 0 / saved 1, n, nanos}
            Thread reader = new Thread(() -> {
                try (BufferedReader r = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
                    for (String l; (l = r.readLine()) != null; ) {
                        boolean done = l.startsWith("saved ");
                        long n = Long.parseLong(l.substring(l.indexOf(' ') + 1));
                        if (done) confirmed.set(n);
                        events.add(new long[] {done ? 1 : 0, n, System.nanoTime()});
                    }
                } catch (IOException e) {
                    // the child was killed
                }
            });
            reader.start();
            if (run % 2 == 1) {
                Thread.sleep(300 + rnd.nextInt(1500)); // anywhere from JVM start-up through the first saves
            } else {
                // inside a streaming save (odd numbers), at a random point of its duration as measured on the one before
                long began = 0, took = 0;
                while (true) {
                    long[] e = events.poll(60, TimeUnit.SECONDS);
                    assertNotNull(e, "run " + run + ": the child saves");
                    boolean streaming = e[1] % 2 == 1;
                    if (streaming && e[0] == 0) {
                        if (took > 0) break; // a streaming save has just begun
                        began = e[2];
                    } else if (streaming && began > 0) {
                        took = e[2] - began;
                    }
                }
                Thread.sleep(rnd.nextInt((int) Math.max(1, took / 1_000_000)));
            }
            child.destroyForcibly(); // SIGKILL on Unix: no shutdown hooks, no finally blocks
            assertTrue(child.waitFor(20, TimeUnit.SECONDS));
            reader.join();

            JsonNode root = json.readTree(file.toFile());
            assertEquals(SaveLoop.ITEMS, root.size(), "run " + run + ": all items");
            long saved = root.get(0).get("save").asLong();
            for (JsonNode it : root) assertEquals(saved, it.get("save").asLong(), "run " + run + ": one save, not a mix");
            long c = confirmed.get();
            if (c < 0) assertTrue(saved == last || saved == first, "run " + run + ": killed before its first confirmed save: old " + last + " or its first, got " + saved);
            else assertTrue(saved == c || saved == c + 1, "run " + run + ": last confirmed " + c + ", file has " + saved);
            assertTrue(saved >= last, "never older than before");
            last = saved;
            int t = temps().size();
            leftAfterKill += t;
            if (t > 0) killedMidRun++;
        }
        Process once = child("once", file.toString(), "99");
        assertEquals(0, once.waitFor());
        assertEquals(99, json.readTree(file.toFile()).get(0).get("save").asLong());
        List<Path> left = temps();
        System.err.println("kill -9 during saves: " + runs + " runs, 0 broken files, " + killedMidRun + " kills left "
                + leftAfterKill + " temp files, " + left.size() + " left after the next run");
        assertEquals(List.of(), left, "no temp files after the next run");
    }

    private static Process child(String... args) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> cmd = new ArrayList<>(List.of(java, "-XX:TieredStopAtLevel=1", "-Xshare:auto", "-cp", System.getProperty("java.class.path"),
                SaveLoop.class.getName()));
        cmd.addAll(List.of(args));
        return new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    }
}
