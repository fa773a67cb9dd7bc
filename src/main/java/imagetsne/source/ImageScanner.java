package imagetsne.source;

import javax.imageio.ImageIO;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
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
        return isImageName(file.getFileName() == null ? "" : file.getFileName().toString());
    }

    /** As {@link #isImageName(Path)} for a bare file name (an S3 key's last part). */
    public static boolean isImageName(String name) {
        int dot = name.lastIndexOf('.');
        return dot > 0 && extensions().contains(name.substring(dot + 1).toLowerCase(Locale.ROOT));
    }

    private static boolean hidden(Path p) {
        Path name = p.getFileName();
        return name != null && name.toString().startsWith(".");
    }

    /** Image files (jpg, jpeg, png, gif, bmp, tif, tiff, webp when decodable) under dir, sorted by path. */
    public static List<Path> scan(Path dir) throws IOException {
        return scanReport(dir).files();
    }

    /** What a scan found: the image files, sorted, and the entries it could not use, each with a reason. */
    public record Scan(List<Path> files, List<SkippedFile> skipped) {}

    /**
     * As {@link #scan}, and names what it passes over that a user may expect laid out: image-named
     * entries that are broken links, link loops or not regular files (a named pipe would block the decoder
     * forever), and folders that cannot be listed or lead back to an ancestor. Hidden entries and files
     * without an image extension are left out silently: they are not images.
     */
    public static Scan scanReport(Path dir) throws IOException {
        if (dir == null) throw new IOException("no folder given");
        if (!Files.exists(dir)) throw new IOException("folder not found: " + dir);
        if (!Files.isDirectory(dir)) throw new IOException("not a folder: " + dir);
        if (!Files.isReadable(dir)) throw new IOException("folder not readable: " + dir);
        Path root = dir.toAbsolutePath().normalize();
        List<Path> out = new ArrayList<>();
        List<SkippedFile> skipped = new ArrayList<>();
        Files.walkFileTree(root, EnumSet.of(FileVisitOption.FOLLOW_LINKS), Integer.MAX_VALUE, new SimpleFileVisitor<>() {
            @Override public FileVisitResult preVisitDirectory(Path d, BasicFileAttributes attrs) {
                if (!d.equals(root) && hidden(d)) return FileVisitResult.SKIP_SUBTREE;
                return FileVisitResult.CONTINUE;
            }
            @Override public FileVisitResult visitFile(Path f, BasicFileAttributes attrs) {
                if (hidden(f) || !isImageName(f)) return FileVisitResult.CONTINUE;
                if (attrs.isRegularFile()) out.add(f);
                // the walker hands over a link's own attributes when it cannot follow the link
                else if (attrs.isSymbolicLink()) skipped.add(new SkippedFile(f, brokenLinkReason(f)));
                else if (!attrs.isDirectory()) skipped.add(new SkippedFile(f, "not a regular file (a named pipe, socket or device)"));
                return FileVisitResult.CONTINUE;
            }
            @Override public FileVisitResult visitFileFailed(Path f, IOException e) {
                if (hidden(f) || !(Files.isDirectory(f) || isImageName(f))) return FileVisitResult.CONTINUE;
                if (e instanceof FileSystemLoopException) {
                    skipped.add(new SkippedFile(f, "symbolic link loop: leads back to " + target(f) + ", not followed"));
                } else if (e instanceof AccessDeniedException) {
                    skipped.add(new SkippedFile(f, (Files.isDirectory(f) ? "folder not readable" : "not readable") + " (permission denied)"));
                } else {
                    skipped.add(new SkippedFile(f, "cannot read: " + oneLine(e)));
                }
                return FileVisitResult.CONTINUE;
            }
        });
        Collections.sort(out);
        skipped.sort(Comparator.comparing(SkippedFile::file));
        return new Scan(out, skipped);
    }

    private static String brokenLinkReason(Path link) {
        try {
            Files.readAttributes(link, BasicFileAttributes.class);
            return "symbolic link that cannot be followed";
        } catch (NoSuchFileException e) {
            return "broken symbolic link: " + target(link) + " does not exist";
        } catch (AccessDeniedException e) {
            return "symbolic link to " + target(link) + ", which is not readable (permission denied)";
        } catch (FileSystemException e) {
            String why = String.valueOf(e.getReason());
            return why.contains("levels of symbolic links") ? "symbolic link loop: " + link.getFileName() + " -> " + target(link)
                    : "symbolic link to " + target(link) + " cannot be followed (" + why + ")";
        } catch (IOException e) {
            return "symbolic link cannot be followed (" + oneLine(e) + ")";
        }
    }

    private static String target(Path link) {
        try {
            return Files.readSymbolicLink(link).toString();
        } catch (IOException | UnsupportedOperationException e) {
            return "?";
        }
    }

    private static String oneLine(IOException e) {
        String m = e instanceof FileSystemException fe && fe.getReason() != null ? fe.getReason() : e.getMessage();
        return m == null ? e.getClass().getSimpleName() : m.replaceAll("\\s+", " ").trim();
    }

    /**
     * A random subset of at most max files drawn with the seed, returned in sorted order; max <= 0 keeps all.
     * Generic so S3 keys are drawn exactly as local paths are.
     */
    public static <T extends Comparable<? super T>> List<T> sample(List<T> files, int max, long seed) {
        List<T> sorted = new ArrayList<>(files);
        Collections.sort(sorted);
        if (max <= 0 || max >= sorted.size()) return sorted;
        // shuffle a sorted copy so the subset depends only on the set of files and the seed, not the input order
        Collections.shuffle(sorted, new Random(seed));
        List<T> pick = new ArrayList<>(sorted.subList(0, max));
        Collections.sort(pick);
        return pick;
    }
}
