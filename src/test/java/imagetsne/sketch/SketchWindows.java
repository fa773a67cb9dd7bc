package imagetsne.sketch;

import imagetsne.features.EmojiData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import processing.core.PApplet;

/** What the window tests share: a folder of real emoji in category folders, and a sketch opened on its options. */
final class SketchWindows {
    private SketchWindows() {}

    /** perCategory emoji of each of the categories, drawn with seed, copied into folder/CATEGORY/. */
    static Path emojiFolder(Path folder, List<String> categories, int perCategory, long seed) throws IOException {
        for (Map.Entry<Path, String> e : EmojiData.sample(categories, perCategory, seed)) {
            Path dir = folder.resolve(e.getValue().replaceAll("[^A-Za-z]+", "-"));
            Files.createDirectories(dir);
            Files.copy(e.getKey(), dir.resolve(e.getKey().getFileName()));
        }
        return folder;
    }

    /** A sketch in a real window, once it is ready and its first layout is there (at most two minutes). */
    static ImageTsneSketch open(SketchOptions o, String title) throws InterruptedException {
        o.exitOnClose = false;
        ImageTsneSketch sketch = new ImageTsneSketch(o);
        PApplet.runSketch(new String[] {title}, sketch);
        SketchWindowTest.waitFor("sketch ready", 30, sketch::isReady);
        SketchWindowTest.waitFor("layout", 120, () -> sketch.layout() != null && !sketch.isBusy());
        front(sketch);
        return sketch;
    }

    /**
     * Raises the sketch's window and gives it the keyboard (a test's input events go to whatever window is
     * on top under the pointer, and keys to the focused one); waits until the window has the focus. Called
     * before every key or click: under Xvfb there is no window manager to do it, and a window another test
     * or a dialog left behind can otherwise take a click or a key.
     */
    static void front(PApplet sketch) {
        java.awt.Component canvas = (java.awt.Component) sketch.getSurface().getNative();
        java.awt.Window w = javax.swing.SwingUtilities.getWindowAncestor(canvas);
        if (w == null || (w.isFocused() && canvas.isFocusOwner())) return;
        java.awt.EventQueue.invokeLater(() -> {
            w.toFront();
            canvas.requestFocus();
        });
        try {
            SketchWindowTest.waitFor("the sketch's window in front with the focus", 10, () -> w.isFocused() && canvas.isFocusOwner(),
                    () -> "focused: " + java.awt.KeyboardFocusManager.getCurrentKeyboardFocusManager().getFocusedWindow());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    /** Ends the sketch and takes its window off the screen, so that it is in no later test's way. */
    static void close(PApplet sketch) {
        if (sketch == null) return;
        sketch.exit();
        sketch.getSurface().setVisible(false);
    }
}
