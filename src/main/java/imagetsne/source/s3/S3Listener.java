package imagetsne.source.s3;

/**
 * Progress of listing and downloading a bucket, on the caller's thread, several times a second while work
 * goes on. Returning false from {@link #progress} stops the job (it ends with {@link S3Fetcher.CancelledException}
 * within a fraction of a second); a UI maps its cancel button here.
 */
public interface S3Listener {
    /** Where the job stands; false = stop. */
    boolean progress(S3Progress p);

    /** An object that cannot be used (vanished after the listing, archived, ...); the job goes on. */
    default void skipped(String url, String reason) {}

    /** One line worth showing: what was listed, sampled, found in the cache. */
    default void info(String message) {}

    S3Listener NONE = p -> true;

    /**
     * @param phase      LISTING (total unknown: -1) or DOWNLOADING
     * @param done       keys listed, or objects done (downloaded, found in the cache, or failed)
     * @param total      objects to fetch, -1 while listing
     * @param bytes      bytes downloaded so far (cache hits count nothing)
     * @param bytesTotal bytes of the objects that must be downloaded
     * @param etaSeconds estimated seconds left, NaN while unknown
     */
    record S3Progress(Phase phase, long done, long total, long bytes, long bytesTotal, double etaSeconds) {}

    enum Phase { LISTING, DOWNLOADING }
}
