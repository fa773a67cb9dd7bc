package imagetsne.analysis;

import imagetsne.features.FeatureCache;
import imagetsne.features.FeatureExtractor;
import imagetsne.features.FeatureExtractors;
import imagetsne.source.ImageDecoder;
import imagetsne.source.ImageScanner;
import imagetsne.source.SkippedFile;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Scan a folder, then decode every image and extract its features: thumbnails for the sprites, vectors
 * from the feature cache or the extractor. Decoding of the next chunk overlaps extraction of this one,
 * and each image is decoded only as large as the extractor and the thumbnail need.
 */
final class FeatureJob implements Job<FeatureSet> {
    private static final Logger LOG = LoggerFactory.getLogger(FeatureJob.class);

    private final AnalysisOptions o;

    FeatureJob(AnalysisOptions options) { this.o = options; }

    /** One decoded file: its thumbnail, the image for the extractor (null when the cache had its vector). */
    private record Decoded(Path file, BufferedImage forFeatures, BufferedImage thumb, float[] cached, String error, List<String> warnings) {}

    @Override public FeatureSet run(AnalysisListener l, CancelToken c) throws IOException, CancelToken.CancelledException {
        l.stage(Stage.SCAN, "scanning " + o.source);
        Path root = o.source.toAbsolutePath().normalize();
        ImageScanner.Scan scan = ImageScanner.scanReport(root);
        List<SkippedFile> skipped = new ArrayList<>();
        for (SkippedFile s : scan.skipped()) skip(l, skipped, s.file(), s.reason());
        if (scan.files().isEmpty()) {
            throw new IOException("no images found in " + root + " (looked for " + String.join(", ", ImageScanner.extensions()) + ")"
                    + (skipped.isEmpty() ? "" : "; " + skipped.size() + " skipped"));
        }
        List<Path> files = ImageScanner.sample(scan.files(), o.maxImages, o.seed);
        if (files.size() < scan.files().size()) l.info("using " + files.size() + " of " + scan.files().size() + " images (random subset, seed " + o.seed + ")");
        c.check();

        FeatureExtractors.Selection sel = FeatureExtractors.select(o.features);
        List<Path> ok = new ArrayList<>();
        List<BufferedImage> thumbs = new ArrayList<>();
        List<float[]> vectors = new ArrayList<>();
        List<FeatureSet.FileWarning> warnings = new ArrayList<>();
        int hits = 0, recomputed;
        int threads = o.threads();
        try (FeatureExtractor ex = sel.extractor();
             FeatureCache cache = o.noCache ? null : new FeatureCache(o.cacheDir != null ? o.cacheDir : FeatureCache.defaultDir())) {
            String key = ex.cacheKey();
            int dim = ex.dimension(), batch = Math.max(ex.batchSize(), 16);
            int side = ex.inputSide() > 0 ? 2 * ex.inputSide() : 0;
            l.featuresChosen(ex.kind(), sel.reason());
            l.stage(Stage.FEATURES, ex.kind() + " features for " + files.size() + " images");
            ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, threads), r -> {
                Thread t = new Thread(r, "decode");
                t.setDaemon(true);
                return t;
            });
            try {
                // the next chunk decodes while this one is extracted, so neither the decoders nor the extractor wait
                List<Future<Decoded>> next = submit(pool, files, 0, batch, side, cache, key, dim);
                for (int start = 0; start < files.size(); start += batch) {
                    c.check();
                    List<Future<Decoded>> chunk = next;
                    next = submit(pool, files, start + batch, batch, side, cache, key, dim);
                    List<Decoded> done = new ArrayList<>(chunk.size()), need = new ArrayList<>();
                    for (Future<Decoded> f : chunk) {
                        Decoded d = get(f);
                        done.add(d);
                        if (d.error == null && d.cached == null) need.add(d);
                    }
                    List<float[]> fresh = need.isEmpty() ? List.of() : ex.extract(need.stream().map(Decoded::forFeatures).toList());
                    Map<Decoded, float[]> freshBy = new IdentityHashMap<>();
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
                            warnings.add(new FeatureSet.FileWarning(d.file, w));
                            l.warning(d.file, w);
                        }
                        if (d.cached != null) hits++;
                        else if (cache != null) cache.put(d.file, key, v);
                        ok.add(d.file);
                        thumbs.add(d.thumb);
                        vectors.add(v);
                        l.imageReady(d.file, d.thumb);
                    }
                    l.progress(Stage.FEATURES, Math.min(files.size(), start + batch), files.size());
                }
            } finally {
                pool.shutdownNow();
            }
            recomputed = cache == null ? 0 : cache.invalidEntries();
            if (hits > 0) l.info(hits + " of " + ok.size() + " feature vectors came from the cache");
            if (recomputed > 0) l.info(recomputed == 1 ? "1 cached feature vector was unusable (wrong length or not finite) and was recomputed"
                    : recomputed + " cached feature vectors were unusable (wrong length or not finite) and were recomputed");
            if (ok.isEmpty()) throw new IOException("none of the " + files.size() + " images could be analyzed (" + skipped.size() + " skipped)");
            List<String> paths = ok.stream().map(Path::toString).toList();
            List<String> labels = ok.stream().map(f -> labelOf(root, f)).toList();
            FeatureSet.FeatureInfo info = new FeatureSet.FeatureInfo(ex.kind(), sel.model(), sel.layer(), dim, sel.reason());
            l.imagesAccepted(List.copyOf(ok));
            return new FeatureSet(List.copyOf(ok), paths, labels, List.copyOf(thumbs), vectors.toArray(new float[0][]), info,
                    List.copyOf(skipped), List.copyOf(warnings), hits, recomputed);
        }
    }

    /** Decoding of files[from, from + count) on the pool; empty past the end. */
    private List<Future<Decoded>> submit(ExecutorService pool, List<Path> files, int from, int count, int side, FeatureCache cache, String key, int dim) {
        List<Future<Decoded>> out = new ArrayList<>();
        for (int i = from; i < Math.min(files.size(), from + count); i++) {
            Path f = files.get(i);
            out.add(pool.submit(() -> decode(f, o.thumbnailSize, side, cache, key, dim)));
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

    private static void skip(AnalysisListener l, List<SkippedFile> skipped, Path file, String reason) {
        skipped.add(new SkippedFile(file, reason));
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

    /** The folder below the analysed root, so sub-folders become labels (coloured frames in the sketch). */
    static String labelOf(Path root, Path file) {
        Path parent = file.getParent();
        if (parent == null || parent.equals(root) || !parent.startsWith(root)) return null;
        return root.relativize(parent).toString();
    }

    private static boolean allFinite(float[] v) {
        for (float x : v) if (!Float.isFinite(x)) return false;
        return true;
    }
}
