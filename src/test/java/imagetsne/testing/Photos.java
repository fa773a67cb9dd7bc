package imagetsne.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Real photographs for the tests: scikit-image's sample images from Debian's python3-skimage, which .ci/run
 * installs (../shared holds emoji and digits, no photos). Missing files are a failure, not a skip.
 */
public final class Photos {
    private Photos() {}

    public static final Path SKIMAGE = Path.of("/usr/lib/python3/dist-packages/skimage/data");
    /** The photographs and microscope images among them (motorcycle_right, the other half of a stereo pair, left out). */
    public static final List<String> NAMES = List.of("astronaut.png", "brick.png", "camera.png", "cell.png", "chelsea.png", "coffee.png",
            "coins.png", "color.png", "grass.png", "gravel.png", "ihc.png", "moon.png", "motorcycle_left.png", "page.png", "text.png",
            "hubble_deep_field.jpg", "retina.jpg", "rocket.jpg");

    /** The 18 photographs' files. */
    public static List<Path> all() {
        List<Path> out = NAMES.stream().map(SKIMAGE::resolve).toList();
        for (Path p : out) {
            if (!Files.isRegularFile(p)) throw new AssertionError(p + " is missing: install Debian's python3-skimage (.ci/run does)");
        }
        return out;
    }
}
