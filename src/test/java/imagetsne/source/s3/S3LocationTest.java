package imagetsne.source.s3;

import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.api.Test;

class S3LocationTest {
    @Test void parsesBucketAndPrefix() {
        assertEquals(new S3Location("my-bucket", ""), S3Location.parse("s3://my-bucket"));
        assertEquals(new S3Location("my-bucket", ""), S3Location.parse("s3://my-bucket/"));
        assertEquals(new S3Location("my.bucket-1", "photos/2024/"), S3Location.parse("s3://my.bucket-1/photos/2024/"));
        assertEquals(new S3Location("b12", "a b/ü.png"), S3Location.parse("S3://b12/a b/ü.png"));
        assertEquals("s3://b12/k/x.png", S3Location.parse("s3://b12/k/").url("k/x.png"));
        assertTrue(S3Location.isS3("S3://x"));
        assertFalse(S3Location.isS3("/data/s3://x"));
    }

    @Test void badAddressesAreUsageErrorsNamingTheProblem() {
        assertUsage("no bucket", "s3://");
        assertUsage("no bucket", "s3:///prefix");
        assertUsage("lower case", "s3://MyBucket/x");
        assertUsage("not a valid S3 bucket name", "s3://ab/x");
        assertUsage("not a valid S3 bucket name", "s3://bad!name/x");
        assertUsage("query or fragment", "s3://bucket/x?versionId=1");
        assertUsage("names no object", () -> S3Location.ofObjectUrl("s3://bucket/folder/"));
    }

    private static void assertUsage(String expected, String text) { assertUsage(expected, () -> S3Location.parse(text)); }

    private static void assertUsage(String expected, org.junit.jupiter.api.function.Executable e) {
        IllegalArgumentException ex = assertThrows(IllegalArgumentException.class, e);
        assertTrue(!ex.getMessage().startsWith("usage: ") && !ex.getMessage().contains("\n"), ex.getMessage());
        assertTrue(ex.getMessage().contains(expected), ex.getMessage());
        assertEquals(1, ex.getMessage().lines().count());
    }
}
