package imagetsne.sketch;

import imagetsne.io.AtomicFiles;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.BiConsumer;
import javax.imageio.ImageIO;
import processing.core.PApplet;

/**
 * A screenshot asked for: the next frame's pixels are copied on the animation thread, then encoded and
 * written atomically on a thread of their own, so the render loop does not wait for the PNG.
 */
final class Screenshot {
    private Path file;
    private CompletableFuture<Path> done;

    /** Completes, on the animation thread, once the file is written (after the status says so). */
    CompletableFuture<Path> request(Path f) {
        file = f;
        done = new CompletableFuture<>();
        return done;
    }

    boolean pending() { return file != null; }

    /** Takes the frame just drawn; {@code message} gets the outcome on {@code ui}. */
    void capture(PApplet p, Executor ui, BiConsumer<String, Boolean> message) {
        Path f = file;
        CompletableFuture<Path> d = done;
        file = null;
        p.loadPixels();
        BufferedImage img = new BufferedImage(p.pixelWidth, p.pixelHeight, BufferedImage.TYPE_INT_RGB);
        img.setRGB(0, 0, p.pixelWidth, p.pixelHeight, p.pixels, 0, p.pixelWidth);
        Thread t = new Thread(() -> {
            try {
                AtomicFiles.write(f, out -> ImageIO.write(img, "png", out));
                ui.execute(() -> { message.accept("saved screenshot " + f, false); d.complete(f); });
            } catch (IOException | RuntimeException e) {
                ui.execute(() -> { message.accept("cannot save screenshot: " + e.getMessage(), true); d.completeExceptionally(e); });
            }
        }, "screenshot");
        t.setDaemon(true);
        t.start();
    }
}
