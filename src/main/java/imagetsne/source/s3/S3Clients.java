package imagetsne.source.s3;

import java.time.Duration;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.providers.AwsProfileRegionProvider;
import software.amazon.awssdk.regions.providers.AwsRegionProviderChain;
import software.amazon.awssdk.regions.providers.DefaultAwsRegionProviderChain;
import software.amazon.awssdk.regions.providers.SystemSettingsRegionProvider;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;

/** Builds the S3 client a {@link S3Config} describes: credentials and region from the default chains. */
final class S3Clients {
    private S3Clients() {}

    /** Without a configured region: the one AWS falls back to for global requests, and the one S3-compatible stores expect. */
    static final Region FALLBACK_REGION = Region.US_EAST_1;

    static S3Client build(S3Config c) {
        Region configured = c.region != null && !c.region.isBlank() ? Region.of(c.region.trim()) : defaultChainRegion(c.endpoint == null);
        S3ClientBuilder b = S3Client.builder()
                .credentialsProvider(DefaultCredentialsProvider.builder().build())
                .region(configured != null ? configured : FALLBACK_REGION)
                .forcePathStyle(c.usePathStyle())
                // the JDK's own HTTP stack: small, no native code; timeouts so a silent server cannot hold a thread forever
                .httpClient(UrlConnectionHttpClient.builder()
                        .connectionTimeout(Duration.ofSeconds(10))
                        .socketTimeout(Duration.ofSeconds(60))
                        .build());
        if (c.endpoint != null) b.endpointOverride(c.endpoint);
        // on AWS, a guessed region must not stop a bucket that lives elsewhere: follow S3's redirect to its region
        else if (configured == null) b.crossRegionAccessEnabled(true);
        return b.build();
    }

    /**
     * AWS_REGION / aws.region, then the profile; on AWS also the instance's metadata service. An S3-compatible
     * store has no metadata service, and asking for it would only wait for a timeout.
     */
    private static Region defaultChainRegion(boolean onAws) {
        try {
            return onAws ? new DefaultAwsRegionProviderChain().getRegion()
                    : new AwsRegionProviderChain(new SystemSettingsRegionProvider(), new AwsProfileRegionProvider()).getRegion();
        } catch (SdkClientException e) {
            return null;
        }
    }

    /** The endpoint as errors name it. */
    static String endpointName(S3Config c) {
        return c.endpoint != null ? c.endpoint.toString() : "AWS S3";
    }
}
