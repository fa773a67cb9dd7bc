package imagetsne.analysis;

import imagetsne.features.FeatureCache;
import imagetsne.features.FeatureExtractor;
import imagetsne.features.FeatureExtractors;
import imagetsne.grid.GridAssigner;
import imagetsne.grid.GridAssignment;
import imagetsne.grid.GridShape;
import imagetsne.layout.Item;
import imagetsne.layout.Layout;
import imagetsne.reduce.Pca;
import imagetsne.reduce.Tsne;
import imagetsne.reduce.TsneResult;
import imagetsne.source.ImageDecoder;
import imagetsne.source.ImageScanner;
import imagetsne.source.SkippedFile;
import imagetsne.source.SourceImage;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Runs source -> features -> PCA -> t-SNE -> grid as one job with progress and cancel. */
public final class Analyzer {
    private static final Logger LOG = LoggerFactory.getLogger(Analyzer.class);

    private Analyzer() {}

    /** One decoded file: its thumbnail, and its feature vector once known. */
    private record Decoded(Path file, BufferedImage full, BufferedImage thumb, float[] cached, String error, List<String> warnings) {}

    /**
     * @throws IOException when the source cannot be read or nothing could be analysed (one-line message)
     * @throws CancelToken.CancelledException when cancelled; nothing is changed
     */
    public static AnalysisResult run(AnalysisOptions options, AnalysisListener listener, CancelToken cancel)
            throws IOException, CancelToken.CancelledException {
        AnalysisListener l = listener == null ? AnalysisListener.NONE : listener;
        CancelToken c = cancel == null ? new CancelToken() : cancel;
        Map<Stage, Double> seconds = new EnumMap<>(Stage.class);
        List<String> messages = new ArrayList<>();
        int threads = options.tsne.threads > 0 ? options.tsne.threads : Runtime.getRuntime().availableProcessors();

        // SCAN (or the images a source step fetched)
        long t0 = System.nanoTime();
        List<AnalysisResult.Skipped> skipped = new ArrayList<>();
        Map<Path, SourceImage> fetched = options.images == null ? null : new HashMap<>();
        Path root = options.source == null ? null : options.source.toAbsolutePath().normalize();
        List<Path> files;
        if (fetched != null) {
            l.stage(Stage.SCAN, options.images.size() + " images fetched" + (root != null ? " from " + root : ""));
            files = new ArrayList<>(options.images.size());
            for (SourceImage s : options.images) if (fetched.putIfAbsent(s.file(), s) == null) files.add(s.file());
            if (files.isEmpty()) throw new IOException("no images to analyze: the source gave none");
        } else {
            l.stage(Stage.SCAN, "scanning " + options.source);
            ImageScanner.Scan scan = ImageScanner.scanReport(root);
            for (SkippedFile s : scan.skipped()) skip(l, skipped, s.file(), s.reason());
            List<Path> all = scan.files();
            if (all.isEmpty()) throw new IOException("no images found in " + root + " (looked for jpg, jpeg, png, gif, bmp, tif, tiff, webp)"
                    + (skipped.isEmpty() ? "" : "; " + skipped.size() + " skipped"));
            files = ImageScanner.sample(all, options.maxImages, options.seed);
            if (files.size() < all.size()) info(l, messages, "using " + files.size() + " of " + all.size() + " images (random subset, seed " + options.seed + ")");
        }
        seconds.put(Stage.SCAN, secs(t0));
        c.check();

        // FEATURES: decode, thumbnail, look up the cache, extract the misses in batches
        t0 = System.nanoTime();
        FeatureExtractors.Selection sel = FeatureExtractors.select(options.features);
        List<Path> okFiles = new ArrayList<>();
        List<BufferedImage> thumbs = new ArrayList<>();
        List<float[]> vectors = new ArrayList<>();
        List<AnalysisResult.Warning> warnings = new ArrayList<>();
        int cacheHits = 0;
        try (FeatureExtractor ex = sel.extractor();
             FeatureCache cache = options.noCache ? null : new FeatureCache(options.cacheDir != null ? options.cacheDir : FeatureCache.defaultDir())) {
            String key = ex.cacheKey();
            int dim = ex.dimension();
            l.featuresChosen(ex.kind(), sel.reason());
            l.stage(Stage.FEATURES, ex.kind() + " features for " + files.size() + " images");
            int batch = Math.max(ex.batchSize(), 16);
            ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, threads), r -> {
                Thread t = new Thread(r, "decode");
                t.setDaemon(true);
                return t;
            });
            int side = ex.inputSide() > 0 ? 2 * ex.inputSide() : 0;
            try {
                // the next chunk decodes while this one is extracted, so neither the decoders nor the extractor wait
                List<Future<Decoded>> next = submit(pool, files, 0, batch, options.thumbnailSize, side, cache, key, dim);
                for (int start = 0; start < files.size(); start += batch) {
                    c.check();
                    List<Future<Decoded>> futures = next;
                    next = submit(pool, files, start + batch, batch, options.thumbnailSize, side, cache, key, dim);
                    List<Decoded> need = new ArrayList<>();
                    List<Decoded> done = new ArrayList<>(futures.size());
                    for (Future<Decoded> fu : futures) {
                        Decoded d = get(fu);
                        done.add(d);
                        if (d.error == null && d.cached == null) need.add(d);
                    }
                    List<float[]> fresh = need.isEmpty() ? List.of() : ex.extract(need.stream().map(Decoded::full).toList());
                    Map<Decoded, float[]> freshBy = new java.util.IdentityHashMap<>();
                    for (int i = 0; i < need.size(); i++) freshBy.put(need.get(i), fresh.get(i));
                    for (Decoded d : done) {
                        if (d.error != null) {
                            skip(l, skipped, d.file, d.error);
                            continue;
                        }
                        float[] v = d.cached != null ? d.cached : freshBy.get(d);
                        if (v == null || !allFinite(v) || v.length != dim) {
                            skip(l, skipped, d.file, v == null || v.length == dim ? "features are not finite numbers"
                                    : "the extractor gave " + v.length + " values, expected " + dim);
                            continue;
                        }
                        if (!d.warnings.isEmpty()) {
                            String w = "damaged image, laid out as far as it decodes: " + String.join("; ", d.warnings);
                            warnings.add(new AnalysisResult.Warning(d.file, w));
                            l.warning(d.file, w);
                        }
                        if (d.cached != null) cacheHits++;
                        else if (cache != null) cache.put(d.file, key, v);
                        okFiles.add(d.file);
                        thumbs.add(d.thumb);
                        vectors.add(v);
                        l.imageReady(d.file, d.thumb);
                    }
                    l.progress(Stage.FEATURES, Math.min(files.size(), start + batch), files.size());
                }
            } finally {
                pool.shutdownNow();
            }
            if (cacheHits > 0) info(l, messages, cacheHits + " of " + okFiles.size() + " feature vectors came from the cache");
            int bad = cache == null ? 0 : cache.invalidEntries();
            if (bad > 0) info(l, messages, (bad == 1 ? "1 cached feature vector was unusable (wrong length or not finite) and was recomputed"
                    : bad + " cached feature vectors were unusable (wrong length or not finite) and were recomputed"));
        }
        seconds.put(Stage.FEATURES, secs(t0));
        if (okFiles.isEmpty()) throw new IOException("none of the " + files.size() + " images could be analyzed (" + skipped.size() + " skipped)");
        c.check();
        l.imagesAccepted(Collections.unmodifiableList(okFiles));

        // PCA
        t0 = System.nanoTime();
        float[][] features = vectors.toArray(new float[0][]);
        l.stage(Stage.PCA, "PCA " + features[0].length + " -> " + Math.min(options.pcaDims, features[0].length) + " dimensions");
        double[][] reduced = features[0].length > options.pcaDims && options.pcaDims > 0 ? Pca.reduce(features, options.pcaDims) : toDouble(features);
        seconds.put(Stage.PCA, secs(t0));
        c.check();

        // t-SNE
        t0 = System.nanoTime();
        int n = reduced.length;
        l.stage(Stage.TSNE, "t-SNE of " + n + " images");
        TsneResult ts = Tsne.run(reduced, options.tsne, (it, total, y, kl) -> {
            l.progress(Stage.TSNE, it, total);
            l.tsneIteration(it, total, y, options.tsne.dims);
            return !c.isCancelled();
        });
        if (ts.cancelled()) throw new CancelToken.CancelledException();
        if (ts.message() != null && !ts.message().isBlank()) info(l, messages, ts.message());
        seconds.put(Stage.TSNE, secs(t0));

        List<Item> items = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            SourceImage s = fetched == null ? null : fetched.get(okFiles.get(i));
            items.add(s == null ? new Item(okFiles.get(i).toString(), labelOf(root, okFiles.get(i)), ts.row(i)) : itemOf(s, ts.row(i)));
        }
        Layout layout = new Layout(items);
        layout.normalise();
        layout.setFeatures(sel.extractor().kind(), sel.reason());

        // GRID
        t0 = System.nanoTime();
        l.stage(Stage.GRID, "grid for " + n + " images");
        GridShape shape = GridShape.choose(n, options.gridAspect);
        GridAssignment ga = GridAssigner.assign(layout.pointsFlat(2), shape, GridAssigner.Mode.AUTO);
        for (int i = 0; i < n; i++) items.get(i).setGrid(ga.col(i), ga.row(i));
        layout.setGridShape(shape.cols(), shape.rows());
        seconds.put(Stage.GRID, secs(t0));
        l.stage(Stage.DONE, n + " images laid out");

        return new AnalysisResult(layout, thumbs, features, skipped, warnings, sel.extractor().kind(), sel.reason(), sel.model(), sel.layer(),
                ts.kl(), ga.cost(), seconds, messages);
    }

    /** Decoding of files[from, from + count) on the pool; empty past the end. */
    private static List<Future<Decoded>> submit(ExecutorService pool, List<Path> files, int from, int count, int thumbSize,
                                                int side, FeatureCache cache, String key, int dim) {
        List<Future<Decoded>> out = new ArrayList<>();
        for (int i = from; i < Math.min(files.size(), from + count); i++) {
            Path f = files.get(i);
            out.add(pool.submit(() -> decode(f, thumbSize, side, cache, key, dim)));
        }
        return out;
    }

    /** @param side the longest side kept for the extractor (0 = the full image): a waiting chunk holds small images */
    private static Decoded decode(Path f, int thumbSize, int side, FeatureCache cache, String key, int dim) {
        try {
            // enough pixels for the thumbnail and the extractor, no more (a subsampled decode is cheaper)
            ImageDecoder.Decoded dec = ImageDecoder.decode(f, side > 0 ? Math.max(thumbSize, side) : 0);
            BufferedImage img = dec.image();
            BufferedImage thumb = ImageDecoder.thumbnail(img, thumbSize);
            float[] cached = cache == null ? null : cache.get(f, key, dim);
            if (cached != null) return new Decoded(f, null, thumb, cached, null, dec.warnings());
            BufferedImage forFeatures = side > 0 && Math.max(img.getWidth(), img.getHeight()) > side ? ImageDecoder.thumbnail(img, side) : img;
            return new Decoded(f, forFeatures, thumb, null, null, dec.warnings());
        } catch (IOException e) {
            // the scan listed it: if it is gone now, it was deleted or moved while we ran
            String why = !Files.exists(f, LinkOption.NOFOLLOW_LINKS) ? "vanished during the run (listed by the scan, then deleted or moved)"
                    : e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            return new Decoded(f, null, null, null, why, List.of());
        } catch (RuntimeException | OutOfMemoryError e) {
            LOG.debug("decoding {} failed", f, e);
            return new Decoded(f, null, null, null, "cannot decode: " + e, List.of());
        }
    }

    private static void skip(AnalysisListener l, List<AnalysisResult.Skipped> skipped, Path file, String reason) {
        skipped.add(new AnalysisResult.Skipped(file, reason));
        l.skipped(file, reason);
    }

    private static Decoded get(Future<Decoded> f) {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }

    /** A fetched image: the layout records its URL and version; the local copy is what the sketch decodes. */
    private static Item itemOf(SourceImage s, double[] point) {
        Item it = new Item(s.url(), s.label(), point);
        it.setLocalCopy(s.file());
        if (s.etag() != null) it.extras().put("etag", s.etag());
        return it;
    }

    /** The folder below the analysed root, so sub-folders become labels (coloured frames in the sketch). */
    static String labelOf(Path root, Path file) {
        Path parent = file.getParent();
        if (parent == null || root == null || parent.equals(root) || !parent.startsWith(root)) return null;
        return root.relativize(parent).toString();
    }

    private static boolean allFinite(float[] v) {
        for (float x : v) if (!Float.isFinite(x)) return false;
        return true;
    }

    private static double[][] toDouble(float[][] x) {
        double[][] out = new double[x.length][];
        for (int i = 0; i < x.length; i++) {
            out[i] = new double[x[i].length];
            for (int j = 0; j < x[i].length; j++) out[i][j] = x[i][j];
        }
        return out;
    }

    private static void info(AnalysisListener l, List<String> messages, String msg) {
        messages.add(msg);
        l.info(msg);
    }

    private static double secs(long t0) { return (System.nanoTime() - t0) / 1e9; }
}
