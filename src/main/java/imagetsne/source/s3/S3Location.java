package imagetsne.source.s3;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * An {@code s3://bucket/prefix} address: a bucket and a key prefix (possibly empty). The prefix is taken
 * as written, so {@code s3://b/photos} also matches {@code photos-2024/...}; end it with a slash for a folder.
 */
public record S3Location(String bucket, String prefix) {
    public static final String SCHEME = "s3://";
    /** S3's bucket-name rules (3 to 63 characters, lower case, digits, dots, hyphens), loosened to the underscore S3-compatible stores allow. */
    private static final Pattern BUCKET = Pattern.compile("[a-z0-9][a-z0-9._-]{1,61}[a-z0-9]");

    public S3Location {
        if (bucket == null || !BUCKET.matcher(bucket).matches())
            throw new IllegalArgumentException("not a valid S3 bucket name: \"" + bucket + "\" (3 to 63 characters: lower-case letters, digits, dots, hyphens)");
        prefix = prefix == null ? "" : prefix;
    }

    /** True when text is meant as an S3 address (case-insensitive scheme), valid or not. */
    public static boolean isS3(String text) {
        return text != null && text.regionMatches(true, 0, SCHEME, 0, SCHEME.length());
    }

    /**
     * Parses {@code s3://bucket}, {@code s3://bucket/} or {@code s3://bucket/prefix}.
     *
     * @throws IllegalArgumentException a one-line message starting "usage:", naming what is wrong
     */
    public static S3Location parse(String text) {
        if (!isS3(text)) throw new IllegalArgumentException("an S3 address starts with s3://, got \"" + text + "\"");
        String rest = text.substring(SCHEME.length());
        if (rest.isEmpty() || rest.startsWith("/"))
            throw new IllegalArgumentException("no bucket in \"" + text + "\": write s3://bucket/prefix");
        if (rest.indexOf('?') >= 0 || rest.indexOf('#') >= 0)
            throw new IllegalArgumentException("\"" + text + "\" has a query or fragment; write s3://bucket/prefix");
        int slash = rest.indexOf('/');
        String bucket = slash < 0 ? rest : rest.substring(0, slash);
        String prefix = slash < 0 ? "" : rest.substring(slash + 1);
        if (!bucket.equals(bucket.toLowerCase(Locale.ROOT)))
            throw new IllegalArgumentException("S3 bucket names are lower case: \"" + bucket + "\" in " + text);
        return new S3Location(bucket, prefix);
    }

    /** The s3:// URL of one key of this bucket. */
    public String url(String key) { return SCHEME + bucket + "/" + key; }

    /** An object's URL, s3://bucket/key, as its bucket and its key (in {@link #prefix}). */
    public static S3Location ofObjectUrl(String url) {
        S3Location l = parse(url);
        if (l.prefix.isEmpty() || l.prefix.endsWith("/")) throw new IllegalArgumentException("\"" + url + "\" names no object");
        return l;
    }

    @Override public String toString() { return SCHEME + bucket + "/" + prefix; }
}
