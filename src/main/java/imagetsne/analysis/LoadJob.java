package imagetsne.analysis;

import imagetsne.grid.GridAssigner;
import imagetsne.grid.GridAssignment;
import imagetsne.grid.GridShape;
import imagetsne.io.LayoutJson;
import imagetsne.layout.Item;
import imagetsne.layout.Layout;
import imagetsne.source.ImageDecoder;
import imagetsne.source.SkippedFile;
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
 * Reads a layout JSON, then its thumbnails (in parallel) while, if the file has no grid cells, the grid
 * is assigned for the viewer's aspect. The layout is reported as soon as it is parsed, each thumbnail as
 * it is decoded; cancel stops both.
 */
final class LoadJob implements Job<LoadedLayout> {
    private final Path file;
    private final double gridAspect;
    private final int thumbnailSize, threads;

    LoadJob(Path file, double gridAspect, int thumbnailSize, int threads) {
        this.file = file;
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
                    if (!it.missing()) {
                        try {
                            BufferedImage img = ImageDecoder.decode(Path.of(it.path()), thumbnailSize).image();
                            thumbs[index] = ImageDecoder.thumbnail(img, thumbnailSize);
                            l.thumbnailReady(index, thumbs[index]);
                        } catch (IOException | RuntimeException e) {
                            unreadable.add(new SkippedFile(Path.of(it.path()), e.getMessage() == null ? e.toString() : e.getMessage()));
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
            return new LoadedLayout(result, Arrays.asList(thumbs), grid, loaded.missing(), List.copyOf(unreadable));
        } finally {
            pool.shutdownNow();
        }
    }
}
