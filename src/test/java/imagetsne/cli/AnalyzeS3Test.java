package imagetsne.cli;

import static org.junit.jupiter.api.Assertions.*;

import imagetsne.io.LayoutJson;
import imagetsne.io.RunLog;
import imagetsne.layout.Item;
import imagetsne.layout.Layout;
import imagetsne.source.s3.EmojiBucket;
import imagetsne.source.s3.S3Cache;
import imagetsne.source.s3.S3Config;
import imagetsne.source.s3.S3Layouts;
import imagetsne.source.s3.S3TestServer;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `analyze s3://...` end to end, through the CLI, against a real S3-protocol server (S3Mock) on loopback. */
class AnalyzeS3Test {
    static S3TestServer server;
    @TempDir Path dir;

    @BeforeAll static void start() { server = S3TestServer.get(); }

    private static final Pattern SUMMARY = Pattern.compile(
            "analyze n=(\\d+) skipped=(\\d+) features=hog seconds=([0-9.]+) s3_listed=(\\d+) s3_downloaded=(\\d+) s3_bytes=(\\d+) s3_cached=(\\d+) s3_seconds=([0-9.]+)");

    private CliTest.Run analyze(String source, String... more) {
        List<String> args = new ArrayList<>(List.of("analyze", source, "-o", dir.resolve("out/layout.json").toString(),
                "--s3-endpoint", server.endpoint().toString(), "--s3-cache-dir", dir.resolve("s3").toString(),
                "--cache-dir", dir.resolve("features").toString(), "--features", "hog"));
        args.addAll(List.of(more));
        return CliTest.cli(args.toArray(String[]::new));
    }

    @Test void analyzesABucketAndASecondRunWithOtherSettingsFetchesNoObject() throws Exception {
        String bucket = "cli-emoji";
        Map<String, String> keys = EmojiBucket.upload(server, bucket, "emoji/", 40);
        server.put(bucket, "emoji/broken/garbage.jpg", "this is text, not a JPEG".getBytes(StandardCharsets.UTF_8));
        String source = "s3://" + bucket + "/emoji/";

        int before = server.requests().size();
        long t0 = System.nanoTime();
        CliTest.Run first = analyze(source, "--seed", "3");
        double firstWall = (System.nanoTime() - t0) / 1e9;
        assertEquals(0, first.code(), first.err());
        Matcher m = SUMMARY.matcher(first.lastLine());
        assertTrue(m.matches(), first.lastLine() + "\n" + first.err());
        assertEquals(keys.size(), Integer.parseInt(m.group(1)));
        assertEquals(1, Integer.parseInt(m.group(2)), "the corrupt object is skipped");
        assertEquals(keys.size() + 1, Integer.parseInt(m.group(4)));
        assertEquals(keys.size() + 1, Integer.parseInt(m.group(5)));
        long bytes = Long.parseLong(m.group(6));
        List<S3TestServer.Request> firstRequests = server.requestsSince(before);
        assertEquals(keys.size() + 1, S3TestServer.objectGets(firstRequests, bucket), "the server served each object once");

        // the layout records the s3:// URLs, labelled by key prefix, with the version laid out
        Layout layout = LayoutJson.read(dir.resolve("out/layout.json")).layout();
        Map<String, String> labels = new TreeMap<>();
        for (Item it : layout.items()) {
            assertTrue(it.path().startsWith(source), it.path());
            assertNotNull(it.extras().get(S3Layouts.ETAG_FIELD), it.path());
            labels.put(it.path().substring(("s3://" + bucket + "/").length()), it.label());
        }
        assertEquals(new TreeMap<>(keys), labels);
        // the corrupt object is listed like a bad local file, under its s3:// name
        RunLog log = RunLog.read(dir.resolve("out/layout.log.json"));
        assertEquals("ok", log.status());
        assertEquals(source, log.source());
        assertEquals(1, log.skipped().size(), log.skipped().toString());
        assertEquals(source + "broken/garbage.jpg", log.skipped().get(0).path());
        assertTrue(first.err().contains("skipped " + source + "broken/garbage.jpg: "), first.err());
        assertTrue(log.messages().stream().anyMatch(s -> s.startsWith("s3: " + (keys.size() + 1) + " objects ready (" + (keys.size() + 1) + " downloaded")),
                log.messages().toString());

        // other t-SNE settings: the bucket is listed again, no object is downloaded
        before = server.requests().size();
        t0 = System.nanoTime();
        CliTest.Run second = analyze(source, "--seed", "3", "--perplexity", "12", "--iterations", "600");
        double secondWall = (System.nanoTime() - t0) / 1e9;
        assertEquals(0, second.code(), second.err());
        List<S3TestServer.Request> secondRequests = server.requestsSince(before);
        assertEquals(0, S3TestServer.objectGets(secondRequests, bucket), "no object fetched: " + secondRequests);
        assertTrue(secondRequests.stream().anyMatch(r -> r.method().equals("GET") && r.path().equals("/" + bucket)), "the bucket was listed");
        Matcher m2 = SUMMARY.matcher(second.lastLine());
        assertTrue(m2.matches(), second.lastLine());
        assertEquals("0", m2.group(5));
        assertEquals(String.valueOf(keys.size() + 1), m2.group(7));
        assertTrue(second.err().contains(keys.size() + " of " + keys.size() + " feature vectors came from the cache"), second.err());
        System.out.printf(Locale.ROOT, "S3 timing (measured under load): first run %.1f s wall, s3 step %s s, %d objects, %d bytes, %d requests;"
                        + " second run %.1f s wall, s3 step %s s, 0 objects, %d requests%n",
                firstWall, m.group(8), keys.size() + 1, bytes, firstRequests.size(), secondWall, m2.group(8), secondRequests.size());

        reloadingTheLayoutUsesTheCacheAndFetchesWhatIsMissing(bucket);
    }

    private void reloadingTheLayoutUsesTheCacheAndFetchesWhatIsMissing(String bucket) throws Exception {
        S3Config c = new S3Config();
        c.endpoint = server.endpoint();
        c.cacheDir = dir.resolve("s3");
        LayoutJson.Loaded loaded = LayoutJson.read(dir.resolve("out/layout.json"));
        assertEquals(loaded.layout().size(), loaded.missing().size(), "s3:// items have no local copy until resolved");
        int before = server.requests().size();
        S3Layouts.Resolved r = S3Layouts.resolve(loaded.layout(), c, null);
        assertEquals(loaded.layout().size(), r.localised());
        assertEquals(0, S3TestServer.objectGets(server.requestsSince(before), bucket), "all cached: no download");
        for (Item it : loaded.layout().items()) {
            assertFalse(it.missing());
            assertTrue(Files.isRegularFile(it.imageFile()), it.path());
        }

        // five objects gone from the cache: exactly those are fetched, into the same version's place
        S3Cache cache = new S3Cache(c.cacheDir);
        Map<Path, String> deleted = new HashMap<>();
        for (Item it : loaded.layout().items().subList(0, 5)) {
            deleted.put(it.imageFile(), it.path());
            Files.delete(it.imageFile());
        }
        Layout again = LayoutJson.read(dir.resolve("out/layout.json")).layout();
        before = server.requests().size();
        r = S3Layouts.resolve(again, c, null);
        assertEquals(again.size(), r.localised());
        assertEquals(5, r.downloaded());
        assertEquals(5, S3TestServer.objectGets(server.requestsSince(before), bucket));
        for (Path p : deleted.keySet()) assertTrue(Files.isRegularFile(p), "fetched again: " + deleted.get(p));
        assertNotNull(cache.dir());
        // a re-save keeps the URLs and versions
        LayoutJson.write(again, dir.resolve("resaved.json"));
        assertEquals(Files.readString(dir.resolve("out/layout.json")), Files.readString(dir.resolve("resaved.json")));
    }

    @Test void errorsAreOneLineAndTheRunIsLogged() throws IOException {
        CliTest.Run r = analyze("s3://no-such-bucket-cli/x/");
        assertEquals(1, r.code(), r.err());
        assertErrorLine(r, "error: no such bucket: no-such-bucket-cli (at " + server.endpoint() + ")");
        assertTrue(r.lastLine().startsWith("analyze n=0 skipped=0 "), r.lastLine());
        RunLog log = RunLog.read(dir.resolve("out/layout.log.json"));
        assertEquals("failed", log.status());
        assertEquals("no such bucket: no-such-bucket-cli (at " + server.endpoint() + ")", log.error());

        int closed;
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closed = s.getLocalPort();
        }
        r = CliTest.cli("analyze", "s3://some-bucket/", "-o", dir.resolve("out/l.json").toString(), "--s3-endpoint", "127.0.0.1:" + closed,
                "--s3-cache-dir", dir.resolve("s3").toString(), "--features", "hog");
        assertEquals(1, r.code(), r.err());
        assertErrorLine(r, "error: cannot reach the S3 endpoint http://127.0.0.1:" + closed + ": connection refused");

        r = analyze("s3://Upper/x");
        assertEquals(2, r.code(), r.err());
        assertErrorLine(r, "error: S3 bucket names are lower case: \"Upper\" in s3://Upper/x");
        r = CliTest.cli("analyze", dir.toString(), "-o", dir.resolve("l.json").toString(), "--s3-endpoint", "http://127.0.0.1:1");
        assertEquals(2, r.code(), r.err());
        assertErrorLine(r, "error: the --s3-* flags are for an s3:// source, and " + dir + " is not one");
    }

    /** No credentials anywhere in the default chain: a child process with a clean environment and an empty home. */
    @Test void noCredentialsIsOneLine() throws Exception {
        Path home = Files.createDirectories(dir.resolve("home"));
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder(java, "-Duser.home=" + home, "-Daws.disableEc2Metadata=true", "-cp", System.getProperty("java.class.path"),
                "imagetsne.cli.Cli", "analyze", "s3://any-bucket/", "-o", dir.resolve("l.json").toString(),
                "--s3-endpoint", server.endpoint().toString(), "--s3-cache-dir", dir.resolve("s3").toString(), "--features", "hog");
        pb.environment().keySet().removeIf(k -> k.startsWith("AWS_"));
        pb.environment().put("HOME", home.toString());
        pb.redirectErrorStream(false);
        Process p = pb.start();
        byte[] out = p.getInputStream().readAllBytes();
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(1, p.exitValue(), err);
        CliTest.Run r = new CliTest.Run(1, new String(out, StandardCharsets.UTF_8), err);
        assertErrorLine(r, "error: no AWS credentials found: set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, or AWS_PROFILE with a profile in ~/.aws/credentials");
    }

    private static void assertErrorLine(CliTest.Run r, String expected) {
        List<String> errors = r.err().lines().filter(l -> l.startsWith("error: ")).toList();
        assertEquals(List.of(expected), errors, r.err());
        assertTrue(r.err().lines().noneMatch(l -> l.startsWith("\tat ")), "no stack trace: " + r.err());
    }
}
