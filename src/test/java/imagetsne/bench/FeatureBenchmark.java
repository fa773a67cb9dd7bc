package imagetsne.bench;

import imagetsne.analysis.AnalysisOptions;
import imagetsne.analysis.AnalysisResult;
import imagetsne.analysis.Session;
import imagetsne.analysis.Stage;
import imagetsne.features.FeatureExtractor;
import imagetsne.features.FeatureExtractors;
import imagetsne.features.FeatureKind;
import imagetsne.features.FeatureOptions;
import imagetsne.source.ImageDecoder;
import imagetsne.source.ImageScanner;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Images per second of each feature kind on a folder of real images, three ways: decoding alone, the
 * extractor alone (images decoded beforehand and shrunk as the analysis shrinks them), and the analysis's
 * feature stage, decoding and extraction overlapped as a user runs it (no feature cache).
 * Usage: FeatureBenchmark DIR [maxImages=0 (all)] [threads=2] [kinds=hog,pixels,mobilenet-v2,inception-v3]
 */
public final class FeatureBenchmark {
    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        int max = args.length > 1 ? Integer.parseInt(args[1]) : 0;
        int threads = args.length > 2 ? Integer.parseInt(args[2]) : 2;
        List<String> kinds = List.of((args.length > 3 ? args[3] : "hog,pixels,mobilenet-v2,inception-v3").split(","));
        List<Path> files = ImageScanner.sample(ImageScanner.scan(dir), max, 1);
        System.out.printf("| %s, %d images, %d threads | decode only, img/s | extractor only, img/s | analyze feature stage, img/s | dim |%n",
                dir.getFileName(), files.size(), threads);
        System.out.println("|---|---:|---:|---:|---:|");
        for (String kind : kinds) {
            FeatureOptions fo = options(kind, threads);
            try (FeatureExtractor ex = FeatureExtractors.select(fo).extractor()) {
                int side = ex.inputSide() > 0 ? 2 * ex.inputSide() : 0;
                long t0 = System.nanoTime();
                List<BufferedImage> imgs = decodeAll(files, threads, side);
                double decode = files.size() / secs(t0);
                ex.extract(imgs.subList(0, Math.min(imgs.size(), 32))); // warm-up: JIT
                t0 = System.nanoTime();
                for (int i = 0; i < imgs.size(); i += ex.batchSize()) ex.extract(imgs.subList(i, Math.min(imgs.size(), i + ex.batchSize())));
                double extract = imgs.size() / secs(t0);
                AnalysisOptions ao = new AnalysisOptions();
                ao.source = dir;
                ao.maxImages = max;
                ao.seed = 1;
                ao.noCache = true;
                ao.features.kind = fo.kind;
                ao.features.model = fo.model;
                ao.features.threads = threads;
                ao.tsne.iterations = 250;
                ao.tsne.threads = threads;
                AnalysisResult r = Session.analyze(ao).run();
                double stage = r.layout().size() / r.seconds().get(Stage.FEATURES);
                String label = kind + (r.features().info().layer() != null ? " (" + r.features().info().layer() + ")" : "");
                System.out.printf("| %s | %.1f | %.1f | %.1f | %d |%n", label, decode, extract, stage, ex.dimension());
            }
        }
    }

    static FeatureOptions options(String kind, int threads) {
        FeatureOptions o = new FeatureOptions();
        o.threads = threads;
        switch (kind) {
            case "hog" -> o.kind = FeatureKind.HOG;
            case "pixels" -> o.kind = FeatureKind.PIXELS;
            default -> { o.kind = FeatureKind.CNN; o.model = kind; }
        }
        return o;
    }

    /** Decoded on {@code threads} threads, subsampled and shrunk to {@code side} as the analysis does. */
    static List<BufferedImage> decodeAll(List<Path> files, int threads, int side) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<BufferedImage>> fs = new ArrayList<>();
            for (Path f : files) fs.add(pool.submit(() -> {
                BufferedImage img = ImageDecoder.decode(f, side > 0 ? Math.max(64, side) : 0).image();
                return side > 0 && Math.max(img.getWidth(), img.getHeight()) > side ? ImageDecoder.thumbnail(img, side) : img;
            }));
            List<BufferedImage> out = new ArrayList<>();
            for (Future<BufferedImage> f : fs) out.add(f.get());
            return out;
        } finally {
            pool.shutdownNow();
        }
    }

    static double secs(long t0) { return (System.nanoTime() - t0) / 1e9; }
}
