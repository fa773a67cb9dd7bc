package imagetsne.source;

import java.nio.file.Path;

/**
 * An image a remote source has fetched: the local file that is decoded, and the name the layout records for it.
 *
 * @param file  the local copy (in the download cache)
 * @param url   what the layout JSON records as the image's path, e.g. s3://bucket/key
 * @param label the folder below the source's root (a key prefix), or null at the top
 * @param etag  the version fetched (S3's ETag), recorded beside the URL so a reload finds the same bytes; may be null
 */
public record SourceImage(Path file, String url, String label, String etag) {}
