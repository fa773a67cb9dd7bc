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
        return sketch;
    }
}
