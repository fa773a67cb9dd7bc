package imagetsne.source.s3;

import com.adobe.testing.s3mock.S3MockApplication;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Adobe's S3Mock, a real S3-protocol server (Spring Boot, Tomcat), started once per test JVM on a free
 * loopback port. Tomcat's own access log counts the requests, so a test asks the server what it served,
 * not our code.
 */
public final class S3TestServer {
    /** Credentials the tests put in the default chain (S3Mock accepts any). */
    public static final String ACCESS_KEY = "test-access-key", SECRET_KEY = "test-secret-key";

    private static S3TestServer instance;
    /** Tomcat logs every start-up step at INFO; held here since java.util.logging keeps loggers weakly. */
    private static final java.util.logging.Logger TOMCAT_LOG = java.util.logging.Logger.getLogger("org.apache");

    private final S3MockApplication app;
    private final Path accessLog;
    private final S3Client client;

    /** One request as the server logged it. */
    public record Request(String method, String path, String query, int status) {
        /** A GET of an object (path /bucket/key), not a listing (path /bucket). */
        public boolean isObjectGet() { return method.equals("GET") && path.indexOf('/', 1) > 0; }
    }

    private S3TestServer() throws IOException {
        Path root = Files.createTempDirectory("s3mock-store");
        Path logs = Files.createTempDirectory("s3mock-logs");
        accessLog = logs.resolve("access.log");
        // Spring Boot would insist on logback, which the tests leave out for slf4j-simple
        System.setProperty("org.springframework.boot.logging.LoggingSystem", "none");
        TOMCAT_LOG.setLevel(java.util.logging.Level.WARNING);
        Map<String, Object> props = new HashMap<>();
        props.put(S3MockApplication.PROP_HTTP_PORT, S3MockApplication.RANDOM_PORT);
        props.put(S3MockApplication.PROP_HTTPS_PORT, S3MockApplication.RANDOM_PORT);
        props.put(S3MockApplication.PROP_SILENT, true);
        props.put("server.address", "127.0.0.1");
        props.put("com.adobe.testing.s3mock.store.root", root.toString());
        props.put("server.tomcat.accesslog.enabled", true);
        props.put("server.tomcat.accesslog.buffered", false);
        props.put("server.tomcat.accesslog.directory", logs.toString());
        props.put("server.tomcat.accesslog.prefix", "access");
        props.put("server.tomcat.accesslog.suffix", ".log");
        props.put("server.tomcat.accesslog.file-date-format", "");
        props.put("server.tomcat.accesslog.rotate", false);
        // method, path, query, status: what the tests count
        props.put("server.tomcat.accesslog.pattern", "%m %U %q %s");
        app = S3MockApplication.start(props);
        client = S3Client.builder()
                .endpointOverride(endpoint())
                .forcePathStyle(true)
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(ACCESS_KEY, SECRET_KEY)))
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .httpClient(UrlConnectionHttpClient.create())
                .build();
        Runtime.getRuntime().addShutdownHook(new Thread(app::stop));
    }

    /**
     * The server, started on first use; its credentials are put in the AWS default chain (system properties,
     * which come first), since the code under test reads them from there as it does for a user.
     */
    public static synchronized S3TestServer get() {
        System.setProperty("aws.accessKeyId", ACCESS_KEY);
        System.setProperty("aws.secretAccessKey", SECRET_KEY);
        if (instance == null) {
            try {
                instance = new S3TestServer();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return instance;
    }

    public URI endpoint() { return URI.create("http://127.0.0.1:" + app.getHttpPort()); }

    /** A client for setting up buckets and objects (the code under test builds its own). */
    public S3Client client() { return client; }

    public void createBucket(String bucket) { client.createBucket(b -> b.bucket(bucket)); }

    public void put(String bucket, String key, byte[] bytes) {
        client.putObject(p -> p.bucket(bucket).key(key), RequestBody.fromBytes(bytes));
    }

    public void put(String bucket, String key, Path file) {
        client.putObject(p -> p.bucket(bucket).key(key), RequestBody.fromFile(file));
    }

    /** Every request the server has logged so far, in order. */
    public List<Request> requests() {
        // Tomcat writes a request's log line after the response has gone out, so the client can be done
        // before the server's log is: read until two reads 150 ms apart agree (at most 5 s)
        List<Request> last = read();
        for (long end = System.nanoTime() + 5_000_000_000L; System.nanoTime() < end; ) {
            try {
                Thread.sleep(150);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            List<Request> now = read();
            if (now.size() == last.size()) return now;
            last = now;
        }
        return last;
    }

    private List<Request> read() {
        List<Request> out = new ArrayList<>();
        if (!Files.exists(accessLog)) return out;
        try (Stream<String> lines = Files.lines(accessLog, StandardCharsets.UTF_8)) {
            lines.forEach(line -> {
                String[] f = line.split(" ");
                if (f.length == 4) out.add(new Request(f[0], f[1], f[2], Integer.parseInt(f[3])));
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    /** The requests logged after the first `from` ones. */
    public List<Request> requestsSince(int from) {
        List<Request> all = requests();
        return all.subList(Math.min(from, all.size()), all.size());
    }

    /** Object GETs (downloads) of this bucket among requests. */
    public static long objectGets(List<Request> requests, String bucket) {
        return requests.stream().filter(r -> r.isObjectGet() && r.path().startsWith("/" + bucket + "/")).count();
    }
}
