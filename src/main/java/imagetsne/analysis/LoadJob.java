package imagetsne.analysis;

import imagetsne.grid.GridAssigner;
import imagetsne.grid.GridAssignment;
import imagetsne.grid.GridShape;
import imagetsne.io.LayoutJson;
import imagetsne.layout.Item;
import imagetsne.layout.Layout;
import imagetsne.source.ImageDecoder;
import imagetsne.source.SkippedFile;
import imagetsne.source.s3.S3Config;
import imagetsne.source.s3.S3Fetcher;
import imagetsne.source.s3.S3Layouts;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Reads a layout JSON, fetches what its s3:// items need from the S3 cache (or the bucket), then reads the
 * thumbnails (in parallel) while, if the file has no grid cells, the grid is assigned for the viewer's aspect. The layout is reported as soon as it is parsed, each thumbnail as
 * it is decoded; cancel stops both.
 */
final class LoadJob implements Job<LoadedLayout> {
    private final Path file;
    private final double gridAspect;
    private final int thumbnailSize, threads;
    private final S3Config s3;

    LoadJob(Path file, double gridAspect, int thumbnailSize, int threads, S3Config s3) {
        this.file = file;
        this.s3 = s3;
        this.gridAspect = gridAspect;
        this.thumbnailSize = thumbnailSize;
        this.threads = Math.max(1, threads);
    }

    @Override public LoadedLayout run(AnalysisListener l, CancelToken c) throws IOException, CancelToken.CancelledException {
        l.stage(Stage.LOAD, "reading " + file.getFileName());
        LayoutJson.Loaded loaded = LayoutJson.read(file);
        Layout layout = loaded.layout();
        int n = layout.size();
        if (n == 0) throw new IOException(file.getFileName() + ": the layout has no items");
        l.layoutRead(layout);
        c.check();
        List<String> missing = new ArrayList<>(loaded.missing());
        if (layout.items().stream().anyMatch(Item::isUrl)) {
            // s3:// items: the cached copies, and a download of what the cache lacks
            l.stage(Stage.DOWNLOAD, "fetching the layout's S3 objects that are not in the cache");
            try {
                S3Layouts.Resolved r = S3Layouts.resolve(layout, s3, p -> {
                    l.progress(Stage.DOWNLOAD, p.done(), p.total());
                    return !c.isCancelled();
                });
                for (S3Fetcher.Failed f : r.failed()) l.skipped(f.url(), f.reason());
                missing.removeIf(m -> layout.items().stream().anyMatch(it -> it.path().equals(m) && it.localCopy() != null));
            } catch (S3Fetcher.CancelledException e) {
                throw new CancelToken.CancelledException();
            }
        }
        BufferedImage[] thumbs = new BufferedImage[n];
        List<SkippedFile> unreadable = java.util.Collections.synchronizedList(new ArrayList<>());
        AtomicInteger done = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "thumbnails");
            t.setDaemon(true);
            t.setPriority(Thread.MIN_PRIORITY);
            return t;
        });
        try {
            List<Future<?>> tasks = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                int index = i;
                Item it = layout.get(i);
                tasks.add(pool.submit(() -> {
                    if (c.isCancelled()) return;
                    Path image = it.imageFile();
                    if (!it.missing() && image != null) {
                        try {
                            BufferedImage img = ImageDecoder.decode(image, thumbnailSize).image();
                            thumbs[index] = ImageDecoder.thumbnail(img, thumbnailSize);
                            l.thumbnailReady(index, thumbs[index]);
                        } catch (IOException | RuntimeException e) {
                            unreadable.add(new SkippedFile(image, e.getMessage() == null ? e.toString() : e.getMessage()));
                        }
                    }
                    l.progress(Stage.THUMBNAILS, done.incrementAndGet(), n);
                }));
            }
            // the grid, when the file has none, while the thumbnails come in
            GridAssignment grid = null;
            if (!layout.hasGrid()) grid = new GridJob(layout, GridShape.choose(n, gridAspect), GridAssigner.Mode.AUTO).run(l, c);
            l.stage(Stage.THUMBNAILS, "reading " + n + " thumbnails");
            for (Future<?> f : tasks) {
                c.check();
                try {
                    f.get();
                } catch (java.util.concurrent.ExecutionException e) {
                    throw new IOException("reading thumbnails: " + e.getCause(), e.getCause());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new CancelToken.CancelledException();
                }
            }
            Layout result = grid != null ? layout.withGrid(grid) : layout;
            return new LoadedLayout(result, Arrays.asList(thumbs), grid, List.copyOf(missing), List.copyOf(unreadable));
        } finally {
            pool.shutdownNow();
        }
    }
}
