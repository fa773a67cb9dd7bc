package imagetsne.source.s3;

import static org.junit.jupiter.api.Assertions.*;

import imagetsne.source.ImageScanner;
import imagetsne.source.SourceImage;
import imagetsne.testing.SharedData;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Listing, sampling, downloading, caching and cancel against a real S3-protocol server (S3Mock) on loopback. */
class S3FetcherTest {
    static S3TestServer server;
    @TempDir Path dir;

    @BeforeAll static void start() { server = S3TestServer.get(); }

    private S3Config config() {
        S3Config c = new S3Config();
        c.endpoint = server.endpoint();
        c.cacheDir = dir.resolve("s3cache");
        return c;
    }

    private static byte[] bytesOf(String bucket, String key) {
        return server.client().getObjectAsBytes(b -> b.bucket(bucket).key(key)).asByteArray();
    }

    @Test void samplesTheListingBeforeDownloadingWithTheFolderScannersSeed() throws Exception {
        String bucket = "fetcher-sample";
        Map<String, String> keys = EmojiBucket.upload(server, bucket, "emoji/", 5);
        // what a folder scan leaves out, a listing leaves out too
        server.put(bucket, "emoji/notes.txt", "not an image".getBytes());
        server.put(bucket, "emoji/.thumbs/hidden.png", Files.readAllBytes(SharedData.emojiDir().resolve("1f600.png")));
        server.put(bucket, "emoji/folder-marker/", new byte[0]);
        server.put(bucket, "elsewhere/not-under-the-prefix.png", Files.readAllBytes(SharedData.emojiDir().resolve("1f600.png")));
        S3Config c = config();
        c.maxImages = 10;
        c.seed = 7;
        int before = server.requests().size();
        S3Fetcher.Fetched f;
        try (S3Fetcher fetcher = new S3Fetcher(c)) {
            f = fetcher.fetch(S3Location.parse("s3://" + bucket + "/emoji/"), null);
        }
        assertEquals(keys.size(), f.listed());
        List<String> expected = ImageScanner.sample(new ArrayList<>(keys.keySet()), 10, 7);
        assertEquals(expected, f.images().stream().map(s -> s.url().substring(("s3://" + bucket + "/").length())).toList());
        assertEquals(10, S3TestServer.objectGets(server.requestsSince(before), bucket), "only the sample is downloaded");
        assertEquals(10, f.downloaded());
        for (SourceImage s : f.images()) {
            String key = s.url().substring(("s3://" + bucket + "/").length());
            assertArrayEquals(bytesOf(bucket, key), Files.readAllBytes(s.file()), key);
            assertEquals(keys.get(key), s.label(), "label = the key's folder below the prefix");
            assertNotNull(s.etag());
        }
    }

    @Test void aSecondFetchDownloadsNothingAndAChangedObjectIsFetchedAgain() throws Exception {
        String bucket = "fetcher-etag";
        Map<String, String> keys = EmojiBucket.upload(server, bucket, "", 3);
        S3Location where = S3Location.parse("s3://" + bucket);
        int before = server.requests().size();
        try (S3Fetcher fetcher = new S3Fetcher(config())) {
            S3Fetcher.Fetched first = fetcher.fetch(where, null);
            assertEquals(keys.size(), first.downloaded());
            assertEquals(keys.size(), S3TestServer.objectGets(server.requestsSince(before), bucket));

            before = server.requests().size();
            S3Fetcher.Fetched second = fetcher.fetch(where, null);
            assertEquals(0, S3TestServer.objectGets(server.requestsSince(before), bucket), "the cache serves every object");
            assertEquals(keys.size(), second.fromCache());
            assertEquals(first.images(), second.images());

            // overwrite one object with other bytes: a new ETag, so that one object is downloaded again
            String changed = keys.keySet().iterator().next();
            byte[] other = Files.readAllBytes(SharedData.emojiDir().resolve("1f4a9.png"));
            server.put(bucket, changed, other);
            Path oldCopy = first.images().stream().filter(s -> s.url().endsWith("/" + changed)).findFirst().orElseThrow().file();
            before = server.requests().size();
            S3Fetcher.Fetched third = fetcher.fetch(where, null);
            List<S3TestServer.Request> gets = server.requestsSince(before).stream().filter(S3TestServer.Request::isObjectGet).toList();
            assertEquals(1, gets.size(), gets.toString());
            assertEquals("/" + bucket + "/" + changed, gets.get(0).path());
            SourceImage now = third.images().stream().filter(s -> s.url().endsWith("/" + changed)).findFirst().orElseThrow();
            assertArrayEquals(other, Files.readAllBytes(now.file()));
            assertNotEquals(oldCopy, now.file());
            assertFalse(Files.exists(oldCopy), "the old version's copy is deleted");
        }
    }

    @Test void cancelAnswersWithinASecondAndLeavesOnlyWholeObjects() throws Exception {
        String bucket = "fetcher-cancel";
        Map<String, String> keys = EmojiBucket.upload(server, bucket, "", 40);
        S3Config c = config();
        c.threads = 2;
        long[] stopAt = {0};
        S3Listener stopAfter20 = p -> {
            if (p.phase() != S3Listener.Phase.DOWNLOADING || p.done() < 20) return true;
            stopAt[0] = System.nanoTime();
            return false;
        };
        try (S3Fetcher fetcher = new S3Fetcher(c)) {
            assertThrows(S3Fetcher.CancelledException.class, () -> fetcher.fetch(S3Location.parse("s3://" + bucket), stopAfter20));
            double answered = (System.nanoTime() - stopAt[0]) / 1e9;
            assertTrue(answered < 1.0, "cancel took " + answered + " s");
        }
        Thread.sleep(300); // downloads that were in flight end (aborted) on their own threads
        List<Path> files;
        try (Stream<Path> s = Files.walk(c.cacheDir)) {
            files = s.filter(Files::isRegularFile).toList();
        }
        assertTrue(files.size() >= 20 && files.size() < keys.size(), files.size() + " objects cached of " + keys.size());
        assertTrue(files.stream().noneMatch(p -> p.getFileName().toString().endsWith(".tmp")), "no temp file left: " + files);
        S3Cache cache = new S3Cache(c.cacheDir);
        int whole = 0;
        for (String key : keys.keySet()) {
            Path p = cache.findAny(bucket, key);
            if (p == null) continue;
            assertArrayEquals(bytesOf(bucket, key), Files.readAllBytes(p), "a cached object is whole: " + key);
            whole++;
        }
        assertEquals(files.size(), whole);
        // the next run downloads what the cancelled one did not
        int before = server.requests().size();
        try (S3Fetcher fetcher = new S3Fetcher(c)) {
            S3Fetcher.Fetched f = fetcher.fetch(S3Location.parse("s3://" + bucket), null);
            assertEquals(keys.size(), f.images().size());
            assertEquals(keys.size() - whole, f.downloaded());
        }
        assertEquals(keys.size() - whole, S3TestServer.objectGets(server.requestsSince(before), bucket));
    }

    @Test void cancelAnswersWhileTheServerSaysNothing() throws Exception {
        List<Socket> accepted = new CopyOnWriteArrayList<>();
        try (ServerSocket silent = new ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress())) {
            Thread acceptor = new Thread(() -> {
                try {
                    while (true) accepted.add(silent.accept());
                } catch (IOException e) {
                    // closed: the test is over
                }
            });
            acceptor.setDaemon(true);
            acceptor.start();
            S3Config c = config();
            c.endpoint = java.net.URI.create("http://127.0.0.1:" + silent.getLocalPort());
            long t0 = System.nanoTime();
            long[] stopAt = {0};
            try (S3Fetcher fetcher = new S3Fetcher(c)) {
                assertThrows(S3Fetcher.CancelledException.class, () -> fetcher.fetch(S3Location.parse("s3://silent/"), p -> {
                    if (System.nanoTime() - t0 < 300_000_000L) return true;
                    stopAt[0] = System.nanoTime();
                    return false;
                }));
            }
            double answered = (System.nanoTime() - stopAt[0]) / 1e9;
            assertTrue(answered < 1.0, "cancel took " + answered + " s");
            assertFalse(accepted.isEmpty(), "the request reached the silent server");
        } finally {
            for (Socket s : accepted) s.close();
        }
    }

    @Test void errorsAreOneLineEach() throws Exception {
        try (S3Fetcher fetcher = new S3Fetcher(config())) {
            IOException e = assertThrows(IOException.class, () -> fetcher.fetch(S3Location.parse("s3://no-such-bucket-here/x/"), null));
            assertEquals("no such bucket: no-such-bucket-here (at " + server.endpoint() + ")", e.getMessage());
        }
        int closed;
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closed = s.getLocalPort();
        }
        S3Config c = config();
        c.endpoint = java.net.URI.create("http://127.0.0.1:" + closed);
        try (S3Fetcher fetcher = new S3Fetcher(c)) {
            IOException e = assertThrows(IOException.class, () -> fetcher.fetch(S3Location.parse("s3://any-bucket/"), null));
            assertEquals("cannot reach the S3 endpoint http://127.0.0.1:" + closed + ": connection refused", e.getMessage());
        }
        server.createBucket("fetcher-empty");
        server.put("fetcher-empty", "readme.txt", "no images here".getBytes());
        try (S3Fetcher fetcher = new S3Fetcher(config())) {
            IOException e = assertThrows(IOException.class, () -> fetcher.fetch(S3Location.parse("s3://fetcher-empty/"), null));
            assertTrue(e.getMessage().startsWith("no images found in s3://fetcher-empty/ (looked for keys ending in "), e.getMessage());
        }
    }
}
