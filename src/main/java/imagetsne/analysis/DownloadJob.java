package imagetsne.analysis;

import imagetsne.source.s3.S3Config;
import imagetsne.source.s3.S3Fetcher;
import imagetsne.source.s3.S3Listener;
import imagetsne.source.s3.S3Location;
import java.io.IOException;
import java.util.Locale;

/** The first stage of an analysis of an S3 bucket: list, sample, and download what the cache does not hold. */
final class DownloadJob implements Job<S3Fetcher.Fetched> {
    private final S3Location where;
    private final S3Config config;

    DownloadJob(S3Location where, S3Config config) {
        this.where = where;
        this.config = config;
    }

    @Override public S3Fetcher.Fetched run(AnalysisListener l, CancelToken c) throws IOException, CancelToken.CancelledException {
        l.stage(Stage.DOWNLOAD, "listing " + where + (config.endpoint != null ? " at " + config.endpoint : ""));
        S3Fetcher.Fetched f;
        try (S3Fetcher fetcher = new S3Fetcher(config)) {
            f = fetcher.fetch(where, new S3Listener() {
                @Override public boolean progress(S3Progress p) {
                    if (p.phase() == Phase.DOWNLOADING) {
                        l.progress(Stage.DOWNLOAD, p.done(), p.total());
                        l.downloadProgress(p.done(), p.total(), p.bytes(), p.bytesTotal(), p.etaSeconds());
                    }
                    return !c.isCancelled();
                }

                @Override public void skipped(String url, String reason) { l.skipped(url, reason); }

                @Override public void info(String message) { l.info(message); }
            });
        } catch (S3Fetcher.CancelledException e) {
            throw new CancelToken.CancelledException();
        }
        l.info(String.format(Locale.ROOT, "s3: %d objects ready (%d downloaded, %.1f MB; %d from the cache; %d failed) in %.1f s",
                f.images().size(), f.downloaded(), f.bytes() / 1e6, f.fromCache(), f.failed().size(), f.listSeconds() + f.downloadSeconds()));
        return f;
    }
}
