package imagetsne.analysis;

import imagetsne.layout.Layout;
import imagetsne.poster.Poster;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/** Draws a poster of a whole layout (t-SNE or grid view) and writes it as PNG, atomically. */
final class PosterJob implements Job<Path> {
    private final Layout layout;
    private final List<BufferedImage> thumbnails;
    private final boolean grid;
    private final int longSide;
    private final Path file;

    PosterJob(Layout layout, List<BufferedImage> thumbnails, boolean grid, int longSide, Path file) {
        if (longSide < 16 || longSide > 30_000) throw new IllegalArgumentException("poster size must be 16..30000 pixels (is " + longSide + ")");
        if (grid && !layout.hasGrid()) throw new IllegalArgumentException("the layout has no grid yet");
        this.layout = layout;
        this.thumbnails = thumbnails;
        this.grid = grid;
        this.longSide = longSide;
        this.file = file;
    }

    @Override public Path run(AnalysisListener l, CancelToken c) throws IOException, CancelToken.CancelledException {
        l.stage(Stage.POSTER, "drawing " + file.getFileName() + " (" + longSide + " px)");
        BufferedImage img;
        try {
            img = grid ? Poster.grid(layout, thumbnails, longSide) : Poster.tsne(layout, thumbnails, longSide);
        } catch (OutOfMemoryError e) {
            throw new IOException("not enough memory for a poster of " + longSide + " px: choose a smaller size");
        }
        c.check();
        Poster.save(img, file);
        return file;
    }
}
