package imagetsne.sketch;

import java.io.File;
import java.nio.file.Path;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * The file dialogs of the verbs. Processing's dialogs are asynchronous: they call back a public method of
 * the sketch by name on the AWT thread, which hands the choice to the animation thread.
 */
final class Dialogs {
    private final ImageTsneSketch sketch;
    Path lastDir;

    Dialogs(ImageTsneSketch sketch, Path lastDir) {
        this.sketch = sketch;
        this.lastDir = lastDir;
        // Processing picks folders with Swing's chooser, files with the system's dialog: give Swing the system's
        // look (GTK on Linux) so that both dialogs look alike
        try {
            javax.swing.UIManager.setLookAndFeel(javax.swing.UIManager.getSystemLookAndFeelClassName());
        } catch (ReflectiveOperationException | javax.swing.UnsupportedLookAndFeelException | RuntimeException e) {
            // the cross-platform look stays
        }
    }

    void folder() { sketch.selectFolder("Choose a folder of images to analyze", "folderChosen", lastDir.toFile()); }

    void jsonToLoad() { sketch.selectInput("Load a layout (JSON)", "jsonToLoadChosen", lastDir.toFile()); }

    void jsonToSave(String base) { jsonToSave(base, "jsonToSaveChosen"); }

    void jsonToSave(String base, String callback) { sketch.selectOutput("Save as a layout JSON", callback, lastDir.resolve(base + ".json").toFile()); }

    void vectors() { sketch.selectInput("Load numeric vectors (CSV, TSV, IDX images)", "vectorsChosen", lastDir.toFile()); }

    void screenshot(String base) { sketch.selectOutput("Save a screenshot (PNG)", "screenshotChosen", lastDir.resolve(base + ".png").toFile()); }

    void poster(String base) { sketch.selectOutput("Save a poster of the whole layout (PNG)", "posterChosen", lastDir.resolve(base + ".png").toFile()); }

    /** A choice made: remembered as the next dialog's folder and run on the animation thread. */
    void chosen(File f, Consumer<Path> then) {
        if (f == null) return;
        Path p = f.toPath().toAbsolutePath();
        sketch.onAnimationThread(() -> {
            lastDir = p.getParent() != null && !p.toFile().isDirectory() ? p.getParent() : p;
            then.accept(p);
        });
    }

    /** Adds ".png" / ".json" when the name has no such extension. */
    static Path withExtension(Path p, String ext) {
        String name = p.getFileName().toString();
        return name.toLowerCase(Locale.ROOT).endsWith("." + ext) ? p : p.resolveSibling(name + "." + ext);
    }

    /** A file name from the layout's title: "emoji-layout", "emoji-screenshot-grid". */
    static String baseName(String title, String what, boolean grid) {
        String base = title == null || title.isBlank() ? what : title.replaceAll("\\.json$", "").replaceAll("[^A-Za-z0-9._-]", "_") + "-" + what;
        return base + (grid ? "-grid" : "");
    }

}
