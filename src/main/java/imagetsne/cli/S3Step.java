package imagetsne.cli;

import imagetsne.analysis.Stage;
import imagetsne.source.SourceImage;
import imagetsne.source.s3.S3Config;
import imagetsne.source.s3.S3Fetcher;
import imagetsne.source.s3.S3Listener;
import imagetsne.source.s3.S3Location;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** `analyze s3://...`: lists, samples and downloads before the analysis, with the progress on stderr. */
final class S3Step {
    private S3Step() {}

    /** @param messages collects what the step said (listing, sampling, cache), for the run's log */
    static S3Fetcher.Fetched fetch(S3Location where, S3Config config, Progress progress, List<String> messages)
            throws IOException, S3Fetcher.CancelledException {
        progress.stage(Stage.DOWNLOAD, "listing " + where + (config.endpoint != null ? " at " + config.endpoint : ""));
        S3Fetcher.Fetched f;
        try (S3Fetcher fetcher = new S3Fetcher(config)) {
            f = fetcher.fetch(where, new S3Listener() {
                @Override public boolean progress(S3Progress p) {
                    if (p.phase() == Phase.DOWNLOADING) progress.download(p.done(), p.total(), p.bytes(), p.bytesTotal(), p.etaSeconds());
                    return true;
                }
                @Override public void skipped(String url, String reason) { progress.skipped(url, reason); }
                @Override public void info(String message) {
                    messages.add(message);
                    progress.info(message);
                }
            });
        }
        Map<Path, String> names = new HashMap<>();
        for (SourceImage s : f.images()) names.put(s.file(), s.url());
        progress.nameFiles(names);
        String summary = String.format(Locale.ROOT, "s3: %d objects ready (%d downloaded, %.1f MB; %d from the cache; %d failed) in %.1f s",
                f.images().size(), f.downloaded(), f.bytes() / 1e6, f.fromCache(), f.failed().size(), f.listSeconds() + f.downloadSeconds());
        messages.add(summary);
        progress.info(summary);
        return f;
    }

    /** Keys after the summary line's own: what the S3 step cost. */
    static String summaryKeys(S3Fetcher.Fetched f) {
        return " s3_listed=" + f.listed() + " s3_downloaded=" + f.downloaded() + " s3_bytes=" + f.bytes() + " s3_cached=" + f.fromCache()
                + " s3_seconds=" + AnalyzeCommand.fmt(f.listSeconds() + f.downloadSeconds());
    }
}
