package imagetsne.cli;

import imagetsne.analysis.AnalysisOptions;
import imagetsne.analysis.AnalysisResult;
import imagetsne.analysis.CancelToken;
import imagetsne.analysis.Session;
import imagetsne.analysis.Stage;
import imagetsne.features.CnnModels;
import imagetsne.features.FeatureKind;
import imagetsne.features.TfjsExtractor;
import imagetsne.io.AtomicFiles;
import imagetsne.io.LayoutJson;
import imagetsne.io.RunLog;
import imagetsne.source.s3.S3Fetcher;
import imagetsne.source.s3.S3Location;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "analyze", mixinStandardHelpOptions = true, abbreviateSynopsis = true,
        description = "Analyze a folder of images (or an S3 bucket): features, PCA, t-SNE and grid; write the layout JSON and optional PNG posters.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:a layout was written", "1:nothing could be analyzed or an error occurred", "2:usage error"})
final class AnalyzeCommand implements Callable<Integer> {
    private static final AnalysisOptions D = new AnalysisOptions();

    @Parameters(index = "0", paramLabel = "DIR|s3://bucket/prefix", description = "folder of images (searched recursively), or an S3 bucket and prefix")
    String source;
    @Option(names = {"-o", "--output"}, required = true, paramLabel = "layout.json", description = "layout JSON to write (ml4a format)")
    Path output;
    @Option(names = "--screenshot", paramLabel = "tsne.png", description = "also render the t-SNE layout to a PNG")
    Path screenshot;
    @Option(names = "--grid-screenshot", paramLabel = "grid.png", description = "also render the grid layout to a PNG")
    Path gridScreenshot;
    @Option(names = "--poster-size", description = "long side of both PNG posters in pixels (default: ${DEFAULT-VALUE})")
    int posterSize = 2400;
    @Option(names = "--max-images", description = "at most N images, a random subset drawn with --seed; 0 = all (default: ${DEFAULT-VALUE})")
    int maxImages = D.maxImages;
    @Option(names = "--features", description = "auto, cnn, hog or pixels (default: ${DEFAULT-VALUE}: the CNN of --model; for a DL4J zoo model only when its weights are already downloaded, else hog)", defaultValue = "auto")
    String features;
    @Option(names = "--model", description = "CNN: mobilenet-v2 (bundled), inception-v3 (read from the nsfwjs npm tarball, see README), or the DL4J zoo's squeezenet, resnet50, vgg16 (downloaded) (default: ${DEFAULT-VALUE})", defaultValue = CnnModels.DEFAULT)
    String model;
    @Option(names = "--weights", paramLabel = "FILE|DIR|TGZ", description = "a TF.js layers model (folder, model.json, or an npm tarball such as nsfwjs-4.4.0.tgz) or a saved DL4J ComputationGraph, instead of the model's own files")
    Path weights;
    @Option(names = "--layer", paramLabel = "NAME", description = "CNN layer whose activations are the features (default: the model's measured choice; for your own TF.js model the input of its classifier)")
    String layer;
    @Option(names = "--pooling", description = "how a CNN layer is pooled over the image: avg, max or avg-max (default: the model's choice)")
    String pooling;
    @Option(names = "--thumbnail-size", description = "longest side of the thumbnails the posters are drawn from, in pixels (default: ${DEFAULT-VALUE})")
    int thumbnailSize = D.thumbnailSize;
    @Option(names = "--cache-dir", paramLabel = "DIR", description = "feature cache folder (default: ~/.cache/image-tsne-live/features)")
    Path cacheDir;
    @Option(names = "--no-cache", description = "do not read or write the feature cache")
    boolean noCache;
    @Option(names = "--aspect", description = "aspect ratio (width/height) of the grid and the posters (default: ${DEFAULT-VALUE})")
    double aspect = D.gridAspect;
    @Option(names = {"-q", "--quiet"}, description = "no progress output")
    boolean quiet;
    @Option(names = "--verbose", description = "stack traces on errors")
    boolean verbose;
    @Mixin
    TsneFlags tsne = new TsneFlags();
    @Mixin
    S3Flags s3 = new S3Flags();

    /** The analysis these flags ask for; a complaint about a value is a usage error. */
    AnalysisOptions options() {
        AnalysisOptions o = new AnalysisOptions();
        if (S3Location.isS3(source)) {
            o.s3 = UsageError.check(() -> S3Location.parse(source));
            o.s3Config = UsageError.check(() -> s3.toConfig(maxImages, tsne.seed));
        } else {
            if (s3.any()) throw new UsageError("the --s3-* flags are for an s3:// source, and " + source + " is not one");
            Path dir = Path.of(source);
            if (!Files.isDirectory(dir)) throw new UsageError(source + " is not a folder");
            o.source = dir;
        }
        o.maxImages = maxImages;
        o.seed = tsne.seed;
        o.pcaDims = tsne.pcaDims;
        o.thumbnailSize = thumbnailSize;
        o.cacheDir = cacheDir;
        o.noCache = noCache;
        o.gridAspect = aspect;
        o.features.kind = UsageError.check(() -> FeatureKind.parse(features));
        o.features.model = model;
        o.features.weights = weights;
        o.features.layer = layer;
        if (pooling != null) o.features.pooling = UsageError.check(() -> TfjsExtractor.Pooling.parse(pooling));
        o.features.threads = tsne.threads;
        o.tsne.copyFrom(tsne.options());
        if (posterSize < 16 || posterSize > 30_000) throw new UsageError("--poster-size must be 16..30000 pixels (is " + posterSize + ")");
        return UsageError.check(o::checkValidity);
    }

    @Override public Integer call() throws Exception {
        AnalysisOptions o = options();
        // fail before the work, not after it: every file this run will write
        Path log = RunLog.pathFor(output);
        for (Path p : new Path[] {output, screenshot, gridScreenshot, log}) if (p != null) AtomicFiles.checkWritable(p);

        long t0 = System.nanoTime();
        CancelToken cancel = new CancelToken();
        AnalysisResult r;
        try (Progress progress = new Progress(System.err, quiet)) {
            try {
                r = Session.analyze(o).run(progress, cancel);
            } catch (IOException e) {
                System.err.println("error: " + e.getMessage());
                writeLog(log, "failed", e.getMessage(), 0, progress);
                System.out.println("analyze n=0 skipped=" + progress.skippedCount() + " features=" + features + " seconds=" + fmt(secs(t0)));
                return 1;
            }
            LayoutJson.write(r.layout(), output);
            if (screenshot != null) Session.poster(r.layout(), r.features().thumbnails(), false, posterSize, screenshot).run(progress, cancel);
            if (gridScreenshot != null) Session.poster(r.layout(), r.features().thumbnails(), true, posterSize, gridScreenshot).run(progress, cancel);
            writeLog(log, "ok", null, r.layout().size(), progress);
        }
        if (!quiet) {
            StringBuilder sb = new StringBuilder("stages:");
            for (Stage s : Stage.values()) if (r.seconds().containsKey(s)) sb.append(' ').append(s.label()).append('=').append(fmt(r.seconds().get(s))).append('s');
            System.err.println(sb);
            System.err.println("wrote " + output + (screenshot != null ? ", " + screenshot : "") + (gridScreenshot != null ? ", " + gridScreenshot : "")
                    + "; kl=" + fmt(r.embedding().tsne().kl()) + " grid " + r.layout().gridCols() + "x" + r.layout().gridRows() + " cost=" + fmt(r.grid().cost()));
        }
        var fs = r.features();
        int skipped = fs.skipped().size() + (r.download() != null ? r.download().failed().size() : 0);
        if (skipped > 0 || !fs.warnings().isEmpty())
            System.err.println(skipped + " file(s) skipped, " + fs.warnings().size() + " laid out with warnings: listed above and in " + log);
        System.out.println("analyze n=" + r.layout().size() + " skipped=" + skipped + " features=" + fs.info().kind()
                + " seconds=" + fmt(secs(t0)) + (fs.info().model() != null ? " model=" + fs.info().model() + " layer=" + fs.info().layer() : "")
                + (r.download() != null ? s3Keys(r.download()) : ""));
        return 0;
    }

    /** Keys after the summary line's own: what the S3 download stage cost. */
    static String s3Keys(S3Fetcher.Fetched f) {
        return " s3_listed=" + f.listed() + " s3_downloaded=" + f.downloaded() + " s3_bytes=" + f.bytes() + " s3_cached=" + f.fromCache()
                + " s3_seconds=" + fmt(f.listSeconds() + f.downloadSeconds());
    }

    private void writeLog(Path log, String status, String error, int laidOut, Progress p) throws IOException {
        String src = S3Location.isS3(source) ? source : Path.of(source).toAbsolutePath().toString();
        new RunLog("analyze", src, output.toAbsolutePath().toString(), status, error, laidOut,
                p.skippedFiles(), p.warnings(), p.messages()).write(log);
    }

    static double secs(long t0) { return (System.nanoTime() - t0) / 1e9; }

    static String fmt(double v) { return String.format(Locale.ROOT, "%.3f", v); }
}
