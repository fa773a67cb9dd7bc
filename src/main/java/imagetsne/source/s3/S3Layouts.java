package imagetsne.source.s3;

import imagetsne.layout.Item;
import imagetsne.layout.Layout;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Gives the s3:// items of a loaded layout their local copies: from the cache when it holds the version the
 * layout recorded (its {@code "etag"} field), else downloaded. A layout whose objects are all cached needs no
 * network and no credentials. The loader calls this after {@code LayoutJson.read}, off the UI thread.
 */
public final class S3Layouts {
    private S3Layouts() {}

    /** The JSON field an analysis writes beside an s3:// path: the version it laid out. */
    public static final String ETAG_FIELD = "etag";

    /** What a resolve did: items given a local copy, those downloaded for it, and the items that stay missing, with reasons. */
    public record Resolved(int localised, int downloaded, long bytes, List<S3Fetcher.Failed> failed) {}

    /**
     * Sets {@link Item#setLocalCopy} (and clears missing) on every s3:// item that can be had; the rest stay
     * missing and are listed. An object whose ETag changed since the layout was made is fetched anew and its
     * recorded ETag updated, so a re-save names what is shown.
     *
     * @throws IOException a one-line reason that concerns every object (credentials, access, bucket, connection)
     */
    public static Resolved resolve(Layout layout, S3Config config, S3Listener listener) throws IOException, S3Fetcher.CancelledException {
        Map<String, List<Item>> byBucket = new LinkedHashMap<>();
        List<S3Fetcher.Failed> failed = new ArrayList<>();
        for (Item it : layout.items()) {
            if (!it.isUrl() || it.localCopy() != null) continue;
            if (!S3Location.isS3(it.path())) {
                failed.add(new S3Fetcher.Failed(it.path(), "not an s3:// URL: only S3 objects can be fetched"));
                continue;
            }
            try {
                byBucket.computeIfAbsent(S3Location.ofObjectUrl(it.path()).bucket(), b -> new ArrayList<>()).add(it);
            } catch (IllegalArgumentException e) {
                failed.add(new S3Fetcher.Failed(it.path(), e.getMessage().replaceFirst("^usage: ", "")));
            }
        }
        int localised = 0, downloaded = 0;
        long bytes = 0;
        try (S3Fetcher fetcher = new S3Fetcher(config)) {
            for (var e : byBucket.entrySet()) {
                List<S3Fetcher.Listed> want = new ArrayList<>();
                for (Item it : e.getValue()) {
                    Object etag = it.extras().get(ETAG_FIELD);
                    want.add(new S3Fetcher.Listed(S3Location.ofObjectUrl(it.path()).prefix(), -1, etag == null ? null : etag.toString()));
                }
                S3Fetcher.Downloads d = fetcher.download(e.getKey(), want, listener);
                Map<String, S3Fetcher.Cached> byKey = new LinkedHashMap<>();
                for (S3Fetcher.Cached c : d.cached()) byKey.put(c.object().key(), c);
                for (Item it : e.getValue()) {
                    S3Fetcher.Cached c = byKey.get(S3Location.ofObjectUrl(it.path()).prefix());
                    if (c == null) continue;
                    it.setLocalCopy(c.file());
                    it.setMissing(false);
                    if (c.etag() != null) it.extras().put(ETAG_FIELD, c.etag());
                    localised++;
                }
                failed.addAll(d.failed());
                downloaded += d.downloaded();
                bytes += d.bytes();
            }
        }
        return new Resolved(localised, downloaded, bytes, failed);
    }
}
