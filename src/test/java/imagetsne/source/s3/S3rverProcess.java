package imagetsne.source.s3;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;

/**
 * s3rver (npm, installed by .ci/run into src/test/s3) as a child process on a free loopback port. Unlike
 * S3Mock it checks the access key of each request and answers an unknown one as S3 does (InvalidAccessKeyId).
 * (It checks the secret only for V2 signatures, which SDK v2 does not send.) Its one account is S3RVER / S3RVER.
 */
public final class S3rverProcess implements AutoCloseable {
    public static final String ACCESS_KEY = "S3RVER", SECRET_KEY = "S3RVER";
    private static final Path HOME = Path.of("src/test/s3/node_modules/s3rver/bin/s3rver.js");
    private static final Pattern LISTENING = Pattern.compile("S3rver listening on ([0-9.]+):([0-9]+)");

    private final Process process;
    private final URI endpoint;

    private S3rverProcess(Process process, URI endpoint) {
        this.process = process;
        this.endpoint = endpoint;
    }

    /** Starts s3rver with the given buckets; skips the test when it is not installed, unless CI says it must be. */
    public static S3rverProcess start(Path dataDir, String... buckets) throws IOException, InterruptedException {
        if (!Files.isRegularFile(HOME)) {
            // .ci/run installs it and sets this, so CI cannot skip the credential checks
            if (System.getenv("IMAGETSNE_REQUIRE_S3RVER") != null) throw new AssertionError("s3rver not installed at " + HOME.toAbsolutePath());
            Assumptions.abort("s3rver not installed; run: npm ci --prefix src/test/s3");
        }
        java.util.List<String> cmd = new java.util.ArrayList<>(java.util.List.of("node", HOME.toString(), "-d", dataDir.toString(), "-a", "127.0.0.1", "-p", "0"));
        for (String b : buckets) { cmd.add("--configure-bucket"); cmd.add(b); }
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        CompletableFuture<URI> port = CompletableFuture.supplyAsync(() -> {
            try {
                for (String line; (line = out.readLine()) != null; ) {
                    Matcher m = LISTENING.matcher(line);
                    if (m.find()) return URI.create("http://" + m.group(1) + ":" + m.group(2));
                }
                return null;
            } catch (IOException e) {
                return null;
            }
        });
        URI endpoint;
        try {
            endpoint = port.get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            p.destroyForcibly();
            throw new IOException("s3rver did not start", e);
        }
        if (endpoint == null) {
            p.destroyForcibly();
            throw new IOException("s3rver exited with " + p.waitFor() + " before listening");
        }
        // keep reading its log so a full pipe never blocks it
        Thread drain = new Thread(() -> { try { while (out.readLine() != null) { } } catch (IOException e) { } });
        drain.setDaemon(true);
        drain.start();
        return new S3rverProcess(p, endpoint);
    }

    public URI endpoint() { return endpoint; }

    public void put(String bucket, String key, Path file) {
        try (S3Client c = S3Client.builder().endpointOverride(endpoint).forcePathStyle(true).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(ACCESS_KEY, SECRET_KEY)))
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                // s3rver stores an aws-chunked body as it comes, chunk signatures and all
                .serviceConfiguration(S3Configuration.builder().chunkedEncodingEnabled(false).build())
                .httpClient(UrlConnectionHttpClient.create()).build()) {
            c.putObject(r -> r.bucket(bucket).key(key), RequestBody.fromFile(file));
        }
    }

    @Override public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(5, TimeUnit.SECONDS)) process.destroyForcibly();
    }
}
