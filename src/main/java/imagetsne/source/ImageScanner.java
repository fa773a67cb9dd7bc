package imagetsne.source;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/** Finds image files under a folder (recursively) and draws seeded random subsets. */
public final class ImageScanner {
    private ImageScanner() {}

    /** Image files (jpg, jpeg, png, gif, bmp, tif, tiff, webp when decodable) under dir, sorted by path. */
    public static List<Path> scan(Path dir) throws IOException {
        throw new UnsupportedOperationException("TODO features/source helper");
    }

    /** A random subset of at most max files drawn with the seed, returned in path order; max <= 0 keeps all. */
    public static List<Path> sample(List<Path> files, int max, long seed) {
        throw new UnsupportedOperationException("TODO features/source helper");
    }
}
