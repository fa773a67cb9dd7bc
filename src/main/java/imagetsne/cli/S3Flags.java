package imagetsne.cli;

import imagetsne.source.s3.S3Config;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Flags of an s3:// source. Credentials are not flags: they come from the AWS default chain (environment, profile, SSO, instance role). */
public final class S3Flags {
    @Option(names = "--s3-endpoint", paramLabel = "URL", description = "an S3-compatible store (MinIO, Ceph, ...) instead of AWS, e.g. http://localhost:9000; uses path-style addressing and, without AWS_REGION, the region us-east-1")
    String endpoint;
    @Option(names = "--s3-region", paramLabel = "REGION", description = "AWS region of the bucket (default: AWS_REGION or ~/.aws/config; else us-east-1, following S3's redirect on AWS)")
    String region;
    @Option(names = "--s3-path-style", negatable = true, description = "path-style addresses (endpoint/bucket/key) rather than bucket.endpoint/key (default: on with --s3-endpoint, off on AWS)")
    Boolean pathStyle;
    @Option(names = "--s3-cache-dir", paramLabel = "DIR", description = "where downloaded objects are kept, keyed by bucket, key and ETag (default: ~/.cache/image-tsne-live/s3, or under $XDG_CACHE_HOME)")
    Path cacheDir;
    @Option(names = "--s3-threads", description = "parallel downloads (default: ${DEFAULT-VALUE})", defaultValue = "8")
    int threads;

    public S3Config toConfig(int maxImages, long seed) {
        S3Config c = new S3Config();
        c.endpoint = S3Config.parseEndpoint(endpoint);
        c.region = region;
        c.pathStyle = pathStyle;
        c.cacheDir = cacheDir;
        c.threads = threads;
        c.maxImages = maxImages;
        c.seed = seed;
        c.checkValidity();
        return c;
    }

    /** True when a flag of this group was given: they make no sense for a folder. */
    public boolean any() { return endpoint != null || region != null || pathStyle != null || cacheDir != null; }
}
