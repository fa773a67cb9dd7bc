package imagetsne.cli;

import imagetsne.analysis.AnalysisOptions;
import imagetsne.analysis.AnalysisResult;
import imagetsne.analysis.Analyzer;
import imagetsne.analysis.CancelToken;
import imagetsne.analysis.Stage;
import imagetsne.features.CnnModels;
import imagetsne.features.FeatureKind;
import imagetsne.features.TfjsExtractor;
import imagetsne.io.AtomicFiles;
import imagetsne.io.LayoutJson;
import imagetsne.io.RunLog;
import imagetsne.poster.Poster;
import imagetsne.source.s3.S3Config;
import imagetsne.source.s3.S3Fetcher;
import imagetsne.source.s3.S3Location;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "analyze", mixinStandardHelpOptions = true,
        description = "Analyze a folder of images or an S3 bucket: features, PCA, t-SNE and grid; write the layout JSON and optional PNG posters.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:a layout was written", "1:nothing could be analyzed or an error occurred", "2:usage error"})
final class AnalyzeCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "DIR|s3://bucket/prefix", description = "folder of images (searched recursively), or the images under an S3 prefix (listed, sampled, downloaded and cached)")
    String source;
    @Option(names = {"-o", "--output"}, required = true, paramLabel = "layout.json", description = "layout JSON to write (ml4a format)")
    Path output;
    @Option(names = "--screenshot", paramLabel = "tsne.png", description = "also render the t-SNE layout to a PNG")
    Path screenshot;
    @Option(names = "--grid-screenshot", paramLabel = "grid.png", description = "also render the grid layout to a PNG")
    Path gridScreenshot;
    @Option(names = "--poster-size", description = "side of the t-SNE PNG / long side of the grid PNG in pixels (default: ${DEFAULT-VALUE})", defaultValue = "2400")
    int posterSize;
    @Option(names = "--max-images", description = "at most N images, a random subset drawn with --seed; 0 = all (default: ${DEFAULT-VALUE})", defaultValue = "0")
    int maxImages;
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
    @Option(names = "--thumbnail-size", description = "thumbnail size in pixels (default: ${DEFAULT-VALUE})", defaultValue = "64")
    int thumbnailSize;
    @Option(names = "--cache-dir", paramLabel = "DIR", description = "feature cache folder (default: ~/.cache/image-tsne-live/features)")
    Path cacheDir;
    @Option(names = "--no-cache", description = "do not read or write the feature cache")
    boolean noCache;
    @Option(names = "--aspect", description = "aspect ratio (width/height) of the grid (default: ${DEFAULT-VALUE})", defaultValue = "1.5")
    double aspect;
    @Option(names = {"-q", "--quiet"}, description = "no progress output")
    boolean quiet;
    @Option(names = "--verbose", description = "stack traces on errors")
    boolean verbose;
    @Mixin
    TsneFlags tsne = new TsneFlags();
    @Mixin
    S3Flags s3 = new S3Flags();

    @Override public Integer call() throws Exception {
        S3Location bucket = S3Location.isS3(source) ? S3Location.parse(source) : null;
        S3Config s3Config = bucket != null ? s3.toConfig(maxImages, tsne.seed) : null;
        AnalysisOptions o = new AnalysisOptions();
        if (bucket == null) {
            if (s3.any()) throw new IllegalArgumentException("usage: the --s3-* flags are for an s3:// source, and " + source + " is not one");
            Path dir = Path.of(source);
            if (!Files.isDirectory(dir)) throw new IllegalArgumentException("usage: " + source + " is not a folder");
            o.source = dir;
        }
        o.maxImages = maxImages;
        o.seed = tsne.seed;
        o.pcaDims = tsne.pcaDims;
        o.thumbnailSize = thumbnailSize;
        o.cacheDir = cacheDir;
        o.noCache = noCache;
        o.gridAspect = aspect;
        o.features.kind = FeatureKind.parse(features);
        o.features.model = model.toLowerCase(Locale.ROOT);
        o.features.weights = weights;
        o.features.layer = layer;
        if (pooling != null) {
            try {
                o.features.pooling = TfjsExtractor.Pooling.valueOf(pooling.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("usage: --pooling must be avg, max or avg-max");
            }
        }
        o.features.threads = tsne.threads;
        tsne.applyTo(o.tsne);

        // fail before the work, not after it: every file this run will write
        Path log = RunLog.pathFor(output);
        for (Path p : new Path[] {output, screenshot, gridScreenshot, log}) if (p != null) AtomicFiles.checkWritable(p);

        long t0 = System.nanoTime();
        CancelToken cancel = new CancelToken();
        AnalysisResult r;
        S3Fetcher.Fetched fetched = null;
        java.util.List<String> s3Messages = new java.util.ArrayList<>();
        try (Progress progress = new Progress(System.err, quiet)) {
            try {
                if (bucket != null) {
                    fetched = S3Step.fetch(bucket, s3Config, progress, s3Messages);
                    o.images = fetched.images();
                }
                r = Analyzer.run(o, progress, cancel);
            } catch (java.io.IOException | S3Fetcher.CancelledException e) {
                System.err.println("error: " + e.getMessage());
                writeLog(log, "failed", e.getMessage(), 0, progress, s3Messages);
                System.out.println("analyze n=0 skipped=" + progress.skippedCount() + " features=" + features + " seconds=" + fmt(secs(t0)));
                return 1;
            }
            LayoutJson.write(r.layout(), output);
            if (screenshot != null) Poster.save(Poster.tsne(r.layout(), r.thumbnails(), posterSize), screenshot);
            if (gridScreenshot != null) Poster.save(Poster.grid(r.layout(), r.thumbnails(), posterSize), gridScreenshot);
            s3Messages.addAll(r.messages());
            writeLog(log, "ok", null, r.layout().size(), progress, s3Messages);
        }
        if (!quiet) {
            StringBuilder sb = new StringBuilder("stages:");
            for (Stage s : Stage.values()) if (r.seconds().containsKey(s)) sb.append(' ').append(s.label()).append('=').append(fmt(r.seconds().get(s))).append('s');
            System.err.println(sb);
            System.err.println("wrote " + output + (screenshot != null ? ", " + screenshot : "") + (gridScreenshot != null ? ", " + gridScreenshot : "")
                    + "; kl=" + fmt(r.kl()) + " grid " + r.layout().gridCols() + "x" + r.layout().gridRows() + " cost=" + fmt(r.gridCost()));
        }
        int skipped = r.skipped().size() + (fetched != null ? fetched.failed().size() : 0);
        if (skipped > 0 || !r.warnings().isEmpty())
            System.err.println(skipped + " file(s) skipped, " + r.warnings().size() + " laid out with warnings: listed above and in " + log);
        System.out.println("analyze n=" + r.layout().size() + " skipped=" + skipped + " features=" + r.featureKind()
                + " seconds=" + fmt(secs(t0)) + (r.featureModel() != null ? " model=" + r.featureModel() + " layer=" + r.featureLayer() : "")
                + (fetched != null ? S3Step.summaryKeys(fetched) : ""));
        return 0;
    }

    private void writeLog(Path log, String status, String error, int laidOut, Progress p, java.util.List<String> messages) throws java.io.IOException {
        String src = S3Location.isS3(source) ? source : Path.of(source).toAbsolutePath().toString();
        new RunLog("analyze", src, output.toAbsolutePath().toString(), status, error, laidOut,
                p.skippedFiles(), p.warnings(), messages).write(log);
    }

    static double secs(long t0) { return (System.nanoTime() - t0) / 1e9; }

    static String fmt(double v) { return String.format(Locale.ROOT, "%.3f", v); }
}
