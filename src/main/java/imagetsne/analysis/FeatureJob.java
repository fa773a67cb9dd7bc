package imagetsne.analysis;

import imagetsne.features.FeatureCache;
import imagetsne.features.FeatureExtractor;
import imagetsne.features.FeatureExtractors;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Scan a folder (or take the images a download fetched), then get every image's thumbnail and feature
 * vector: from the cache when the file is unchanged (no decoding at all), else decoded, only as large
 * as the extractor and the thumbnail need, on a pool of threads that works a chunk ahead of the
 * extractor. The model loads while the first images decode, and each thumbnail is reported as soon as its
 * image is decoded, so the first sprites show within a second or so.
 */
final class FeatureJob implements Job<FeatureSet> {
    private static final Logger LOG = LoggerFactory.getLogger(FeatureJob.class);

    private final AnalysisOptions o;

    FeatureJob(AnalysisOptions options) { this.o = options; }

    /** One image: its thumbnail, and the image for the extractor (null when not decoded: the cache may have the vector). */
    private record Decoded(SourceImage image, BufferedImage forFeatures, BufferedImage thumb, String error, List<String> warnings) {}

    @Override public FeatureSet run(AnalysisListener l, CancelToken c) throws IOException, CancelToken.CancelledException {
        List<SkippedFile> skipped = new ArrayList<>();
        List<SourceImage> images = images(l, c, skipped);
        // the model loads on its own thread while the first images decode
        CompletableFuture<FeatureExtractors.Selection> selecting = CompletableFuture.supplyAsync(() -> {
            try {
                return FeatureExtractors.select(o.features);
            } catch (IOException e) {
                throw new CompletionException(e);
            }
        }, r -> { Thread t = new Thread(r, "load features"); t.setDaemon(true); t.start(); });
        int side = 2 * FeatureExtractors.inputSide(o.features);
        List<SourceImage> ok = new ArrayList<>();
        // packed and budgeted: at 80,000 images a list of ARGB thumbnails alone would fill a 2 GB heap
        CompactThumbnails thumbs = new CompactThumbnails(o.thumbnailSize, CompactThumbnails.defaultBudget());
        List<float[]> vectors = new ArrayList<>();
        List<FeatureSet.FileWarning> warnings = new ArrayList<>();
        int hits = 0, recomputed;
        FeatureExtractors.Selection sel = null;
        ExecutorService pool = Executors.newFixedThreadPool(o.threads(), r -> {
            Thread t = new Thread(r, "decode");
            t.setDaemon(true);
            return t;
        });
        try (FeatureCache cache = o.noCache ? null : new FeatureCache(o.cacheDir != null ? o.cacheDir : FeatureCache.defaultDir())) {
            l.stage(Stage.FEATURES, "features for " + images.size() + " images");
            // a small first chunk: the first sprites wait for only a few decodes
            int first = Math.min(images.size(), 2 * o.threads()), batch = 16;
            List<Future<Decoded>> next = submit(pool, images, 0, first, side, cache);
            for (int start = 0; start < images.size(); ) {
                c.check();
                int end = Math.min(images.size(), start == 0 ? first : start + batch);
                List<Future<Decoded>> chunk = next;
                next = submit(pool, images, end, Math.min(images.size(), end + batch) - end, side, cache);
                Map<Decoded, float[]> done = new LinkedHashMap<>();
                for (Future<Decoded> f : chunk) {
                    Decoded d = get(f, c);
                    if (d.error != null) {
                        skip(l, skipped, d.image, d.error);
                    } else {
                        done.put(d, null);
                        // shown now, before the model is ready; should its features fail, the layout leaves it out
                        l.imageReady(d.image.url(), d.thumb);
                    }
                }
                if (sel == null) {
                    sel = selected(selecting);
                    l.featuresChosen(sel.extractor().kind(), sel.reason());
                }
                FeatureExtractor ex = sel.extractor();
                int dim = ex.dimension();
                List<Decoded> need = new ArrayList<>();
                for (Decoded d : new ArrayList<>(done.keySet())) {
                    float[] v = cache == null ? null : cache.get(d.image.file(), ex.cacheKey(), dim);
                    if (v != null) { done.put(d, v); hits++; continue; }
                    if (d.forFeatures != null) { need.add(d); continue; }
                    // the thumbnail came from the cache, the vector did not: decode after all
                    Decoded full = decode(d.image, o.thumbnailSize, side, null);
                    if (full.error != null) { done.remove(d); skip(l, skipped, d.image, full.error); continue; }
                    done.remove(d);
                    done.put(full, null);
                    need.add(full);
                }
                List<float[]> fresh = extract(ex, need, c);
                for (int i = 0; i < need.size(); i++) done.put(need.get(i), fresh.get(i));
                for (Map.Entry<Decoded, float[]> e : done.entrySet()) {
                    Decoded d = e.getKey();
                    float[] v = e.getValue();
                    if (v == null || !allFinite(v) || v.length != dim) {
                        skip(l, skipped, d.image, v == null || v.length == dim ? "features are not finite numbers"
                                : "the extractor gave " + v.length + " values, expected " + dim);
                        continue;
                    }
                    if (!d.warnings.isEmpty()) {
                        String w = "damaged image, laid out as far as it decodes: " + String.join("; ", d.warnings);
                        warnings.add(new FeatureSet.FileWarning(d.image.url(), w));
                        l.warning(d.image.url(), w);
                    }
                    if (cache != null) {
                        if (d.forFeatures != null) cache.put(d.image.file(), ex.cacheKey(), v);
                        if (d.forFeatures != null || d.warnings.isEmpty()) cache.putThumbnail(d.image.file(), o.thumbnailSize, d.thumb);
                    }
                    ok.add(d.image);
                    thumbs.append(d.thumb);
                    vectors.add(v);
                }
                l.progress(Stage.FEATURES, end, images.size());
                start = end;
            }
            recomputed = cache == null ? 0 : cache.invalidEntries();
        } catch (CancelToken.CancelledException | RuntimeException e) {
            if (sel != null) sel.extractor().close();
            throw e;
        } finally {
            pool.shutdownNow();
            if (sel == null) selecting.cancel(true);
        }
        try (FeatureExtractor ex = sel.extractor()) {
            if (hits > 0) l.info(hits + " of " + ok.size() + " feature vectors came from the cache");
            if (recomputed > 0) l.info(recomputed == 1 ? "1 cached entry was unusable (wrong length, not finite or not decodable) and was recomputed"
                    : recomputed + " cached entries were unusable (wrong length, not finite or not decodable) and were recomputed");
            if (ok.isEmpty()) throw new IOException("none of the " + images.size() + " images could be analyzed (" + skipped.size() + " skipped)");
            FeatureSet.FeatureInfo info = new FeatureSet.FeatureInfo(ex.kind(), sel.model(), sel.layer(), ex.dimension(), sel.reason());
            l.imagesAccepted(ok.stream().map(SourceImage::file).toList());
            if (thumbs.maxSide() < o.thumbnailSize) l.info("thumbnails kept at " + thumbs.maxSide() + " px (of " + o.thumbnailSize
                    + ") to fit their memory budget (a tenth of the heap)");
            return new FeatureSet(List.copyOf(ok), thumbs, vectors.toArray(new float[0][]), info, List.copyOf(skipped),
                    List.copyOf(warnings), hits, recomputed);
        }
    }

    /** The images to analyze: a folder's (scanned, sampled) or those a download fetched. */
    private List<SourceImage> images(AnalysisListener l, CancelToken c, List<SkippedFile> skipped) throws IOException, CancelToken.CancelledException {
        Path root = o.source == null ? null : o.source.toAbsolutePath().normalize();
        if (o.images != null) {
            l.stage(Stage.SCAN, o.images.size() + " images fetched" + (root != null ? " from " + root : ""));
            if (o.images.isEmpty()) throw new IOException("no images to analyze: the source gave none");
            return o.images;
        }
        l.stage(Stage.SCAN, "scanning " + o.source);
        ImageScanner.Scan scan = ImageScanner.scanReport(root);
        for (SkippedFile s : scan.skipped()) {
            skipped.add(s);
            l.skipped(s.file().toString(), s.reason());
        }
        if (scan.files().isEmpty()) {
            throw new IOException("no images found in " + root + " (looked for " + String.join(", ", ImageScanner.extensions()) + ")"
                    + (skipped.isEmpty() ? "" : "; " + skipped.size() + " skipped"));
        }
        List<Path> files = ImageScanner.sample(scan.files(), o.maxImages, o.seed);
        if (files.size() < scan.files().size()) l.info("using " + files.size() + " of " + scan.files().size() + " images (random subset, seed " + o.seed + ")");
        c.check();
        return files.stream().map(f -> new SourceImage(f, f.toString(), labelOf(root, f), null)).toList();
    }

    private static FeatureExtractors.Selection selected(CompletableFuture<FeatureExtractors.Selection> f) throws IOException {
        try {
            return f.join();
        } catch (CompletionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof IOException io) throw io;
            if (cause instanceof RuntimeException r) throw r;
            if (cause instanceof Error err) throw err;
            throw e;
        }
    }

    /** Decoding of images[from, from + count) on the pool. */
    private List<Future<Decoded>> submit(ExecutorService pool, List<SourceImage> images, int from, int count, int side, FeatureCache cache) {
        List<Future<Decoded>> out = new ArrayList<>();
        for (int i = from; i < from + count; i++) {
            SourceImage img = images.get(i);
            out.add(pool.submit(() -> decode(img, o.thumbnailSize, side, cache)));
        }
        return out;
    }

    /**
     * The thumbnail from the cache (then nothing is decoded), or the image decoded once for both the
     * thumbnail and the extractor. {@code side}: the longest side kept for the extractor, 0 = all of it.
     */
    private static Decoded decode(SourceImage img, int thumbSize, int side, FeatureCache cache) {
        Path f = img.file();
        try {
            BufferedImage cachedThumb = cache == null ? null : cache.thumbnail(f, thumbSize);
            if (cachedThumb != null) return new Decoded(img, null, cachedThumb, null, List.of());
            // enough pixels for the thumbnail and the extractor, no more (a subsampled decode is cheaper)
            ImageDecoder.Decoded dec = ImageDecoder.decode(f, side > 0 ? Math.max(thumbSize, side) : 0);
            BufferedImage full = dec.image();
            BufferedImage thumb = ImageDecoder.thumbnailAtMost(full, thumbSize);
            BufferedImage forFeatures = side > 0 && Math.max(full.getWidth(), full.getHeight()) > side ? ImageDecoder.thumbnail(full, side) : full;
            return new Decoded(img, forFeatures, thumb, null, dec.warnings());
        } catch (IOException e) {
            // the scan listed it: if it is gone now, it was deleted or moved while we ran
            String why = !Files.exists(f, LinkOption.NOFOLLOW_LINKS) ? "vanished during the run (listed by the scan, then deleted or moved)"
                    : e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            return new Decoded(img, null, null, why, List.of());
        } catch (RuntimeException | OutOfMemoryError e) {
            LOG.debug("decoding {} failed", f, e);
            return new Decoded(img, null, null, "cannot decode: " + e, List.of());
        }
    }

    private static void skip(AnalysisListener l, List<SkippedFile> skipped, SourceImage img, String reason) {
        skipped.add(new SkippedFile(img.file(), reason));
        l.skipped(img.url(), reason);
    }

    /** The decoded image, waiting in short steps so that a cancel is seen while a large file decodes. */
    private static Decoded get(Future<Decoded> f, CancelToken c) throws CancelToken.CancelledException {
        try {
            while (true) {
                c.check();
                try {
                    return f.get(50, java.util.concurrent.TimeUnit.MILLISECONDS);
                } catch (java.util.concurrent.TimeoutException stillDecoding) {
                    // look at the cancel again
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }

    /**
     * The vectors of the decoded images, a few at a time, so a cancel waits for one small batch of
     * inference (a few images per thread), not for the chunk.
     */
    private List<float[]> extract(FeatureExtractor ex, List<Decoded> need, CancelToken c) throws CancelToken.CancelledException {
        List<float[]> out = new ArrayList<>(need.size());
        int step = Math.max(2, 2 * o.threads());
        for (int i = 0; i < need.size(); i += step) {
            c.check();
            out.addAll(ex.extract(need.subList(i, Math.min(need.size(), i + step)).stream().map(Decoded::forFeatures).toList()));
        }
        return out;
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
}
