package imagetsne.source;

import javax.imageio.ImageIO;
import java.io.IOException;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;

/** Finds image files under a folder (recursively) and draws seeded random subsets. */
public final class ImageScanner {
    private ImageScanner() {}

    private static final Set<String> BASE = Set.of("jpg", "jpeg", "png", "gif", "bmp", "tif", "tiff");
    private static volatile Set<String> extensions;

    /** Lower-case extensions we scan for: the fixed set plus webp when an ImageIO plugin can decode it. */
    public static Set<String> extensions() {
        Set<String> e = extensions;
        if (e == null) {
            TreeSet<String> s = new TreeSet<>(BASE);
            // TIFF ships with JDK 9+, webp only with a plugin on the class path: ask ImageIO rather than assume
            if (ImageIO.getImageReadersBySuffix("webp").hasNext()) s.add("webp");
            extensions = e = Collections.unmodifiableSet(s);
        }
        return e;
    }

    /** True when the file name has one of {@link #extensions()} (case-insensitive). */
    public static boolean isImageName(Path file) {
        String name = file.getFileName() == null ? "" : file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 && extensions().contains(name.substring(dot + 1).toLowerCase(Locale.ROOT));
    }

    private static boolean hidden(Path p) {
        Path name = p.getFileName();
        return name != null && name.toString().startsWith(".");
    }

    /** Image files (jpg, jpeg, png, gif, bmp, tif, tiff, webp when decodable) under dir, sorted by path. */
    public static List<Path> scan(Path dir) throws IOException {
        if (dir == null) throw new IOException("no folder given");
        if (!Files.exists(dir)) throw new IOException("folder not found: " + dir);
        if (!Files.isDirectory(dir)) throw new IOException("not a folder: " + dir);
        if (!Files.isReadable(dir)) throw new IOException("folder not readable: " + dir);
        Path root = dir.toAbsolutePath().normalize();
        List<Path> out = new ArrayList<>();
        Files.walkFileTree(root, EnumSet.of(FileVisitOption.FOLLOW_LINKS), Integer.MAX_VALUE, new SimpleFileVisitor<>() {
            @Override public FileVisitResult preVisitDirectory(Path d, BasicFileAttributes attrs) {
                if (!d.equals(root) && hidden(d)) return FileVisitResult.SKIP_SUBTREE;
                return FileVisitResult.CONTINUE;
            }
            @Override public FileVisitResult visitFile(Path f, BasicFileAttributes attrs) {
                if (attrs.isRegularFile() && !hidden(f) && isImageName(f)) out.add(f);
                return FileVisitResult.CONTINUE;
            }
            // unreadable folders and link loops are skipped, not fatal
            @Override public FileVisitResult visitFileFailed(Path f, IOException e) { return FileVisitResult.CONTINUE; }
        });
        Collections.sort(out);
        return out;
    }

    /** A random subset of at most max files drawn with the seed, returned in path order; max <= 0 keeps all. */
    public static List<Path> sample(List<Path> files, int max, long seed) {
        List<Path> sorted = new ArrayList<>(files);
        Collections.sort(sorted);
        if (max <= 0 || max >= sorted.size()) return sorted;
        // shuffle a sorted copy so the subset depends only on the set of files and the seed, not the input order
        Collections.shuffle(sorted, new Random(seed));
        List<Path> pick = new ArrayList<>(sorted.subList(0, max));
        Collections.sort(pick);
        return pick;
    }
}
