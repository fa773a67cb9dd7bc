package imagetsne.testing;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/** Locates ../shared (real data beside the project); fails loudly when it is absent, since CI always has it. */
public final class SharedData {
    private SharedData() {}

    public static Path root() {
        Path p = Path.of("..", "shared").toAbsolutePath().normalize();
        assertTrue(Files.isDirectory(p), "../shared (real test data) not found at " + p + "; clone the project beside it");
        return p;
    }

    public static Path mnistImages() { return root().resolve("datasets/mnist-10k/images-idx3-ubyte.gz"); }
    public static Path mnistLabels() { return root().resolve("datasets/mnist-10k/labels-idx1-ubyte.gz"); }
    public static Path fashionImages() { return root().resolve("datasets/fashion-mnist-70k/images-idx3-ubyte.gz"); }
    public static Path fashionLabels() { return root().resolve("datasets/fashion-mnist-70k/labels-idx1-ubyte.gz"); }
    public static Path emojiDir() { return root().resolve("images/noto-emoji-64"); }
    public static Path emojiCsv() { return root().resolve("images/noto-emoji-64.csv"); }
}
