package imagetsne.cli;

import static org.junit.jupiter.api.Assertions.*;

import imagetsne.source.s3.S3rverProcess;
import imagetsne.testing.SharedData;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Wrong credentials against a server that checks them (s3rver): one line, and the right ones work. */
class AnalyzeS3CredentialsTest {
    @TempDir Path dir;

    @Test void anUnknownAccessKeyIsOneLine() throws Exception {
        String oldKey = System.getProperty("aws.accessKeyId"), oldSecret = System.getProperty("aws.secretAccessKey");
        try (S3rverProcess s3 = S3rverProcess.start(dir.resolve("data"), "auth-bucket")) {
            for (String f : List.of("1f600.png", "1f431.png", "1f697.png")) s3.put("auth-bucket", "e/" + f, SharedData.emojiDir().resolve(f));

            System.setProperty("aws.accessKeyId", "NOSUCHKEY");
            System.setProperty("aws.secretAccessKey", S3rverProcess.SECRET_KEY);
            CliTest.Run r = analyze(s3);
            assertEquals(1, r.code(), r.err());
            assertEquals(List.of("error: bad credentials: " + s3.endpoint() + " does not know the access key ID (InvalidAccessKeyId); check AWS_ACCESS_KEY_ID or the profile"),
                    errors(r), r.err());

            // the same run with the right key lays the images out: the failure above was the credentials
            System.setProperty("aws.accessKeyId", S3rverProcess.ACCESS_KEY);
            r = analyze(s3);
            assertEquals(0, r.code(), r.err());
            assertTrue(r.lastLine().startsWith("analyze n=3 skipped=0 features=hog "), r.lastLine());
        } finally {
            restore("aws.accessKeyId", oldKey);
            restore("aws.secretAccessKey", oldSecret);
        }
    }

    private CliTest.Run analyze(S3rverProcess s3) {
        return CliTest.cli("analyze", "s3://auth-bucket/e/", "-o", dir.resolve("l.json").toString(), "--s3-endpoint", s3.endpoint().toString(),
                "--s3-cache-dir", dir.resolve("s3").toString(), "--features", "hog");
    }

    private static List<String> errors(CliTest.Run r) { return r.err().lines().filter(l -> l.startsWith("error: ")).toList(); }

    private static void restore(String key, String value) {
        if (value == null) System.clearProperty(key);
        else System.setProperty(key, value);
    }
}
