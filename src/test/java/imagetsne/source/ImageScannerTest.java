package imagetsne.source;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.*;

class ImageScannerTest {
    @TempDir Path tmp;

    private Path touch(String rel) throws IOException {
        Path p = tmp.resolve(rel);
        Files.createDirectories(p.getParent());
        Files.writeString(p, "x");
        return p;
    }

    @Test void scanFindsImagesRecursivelyCaseInsensitiveSkippingHiddenAndOthers() throws IOException {
        touch("a.JPG");
        touch("b.png");
        touch("c.Jpeg");
        touch("sub/d.TIFF");
        touch("sub/e.tif");
        touch("sub/deeper/f.gif");
        touch("sub/deeper/g.BMP");
        touch(".hidden.png");
        touch(".hiddendir/h.png");
        touch("notes.txt");
        touch("sub/readme.md");
        touch("noext");
        touch("png"); // a name without a dot is not an image name
        List<String> got = ImageScanner.scan(tmp).stream()
                .map(p -> tmp.toAbsolutePath().relativize(p).toString().replace('\\', '/'))
                .collect(Collectors.toList());
        assertEquals(List.of("a.JPG", "b.png", "c.Jpeg", "sub/d.TIFF", "sub/deeper/f.gif", "sub/deeper/g.BMP", "sub/e.tif"), got);
        List<Path> scanned = ImageScanner.scan(tmp);
        List<Path> sorted = new ArrayList<>(scanned);
        sorted.sort(null);
        assertEquals(sorted, scanned, "sorted by path");
        assertTrue(scanned.get(0).isAbsolute());
    }

    @Test void webpOnlyWhenDecodable() throws IOException {
        touch("x.webp");
        boolean decodable = javax.imageio.ImageIO.getImageReadersBySuffix("webp").hasNext();
        assertEquals(decodable ? 1 : 0, ImageScanner.scan(tmp).size());
        assertEquals(decodable, ImageScanner.extensions().contains("webp"));
    }

    @Test void unreadableFolderIsSkippedNotFatal() throws IOException {
        touch("ok.png");
        Path locked = tmp.resolve("locked");
        touch("locked/inside.png");
        boolean changed = locked.toFile().setReadable(false, false) && locked.toFile().setExecutable(false, false);
        try {
            List<Path> got = ImageScanner.scan(tmp);
            assertTrue(got.contains(tmp.toAbsolutePath().resolve("ok.png")));
            // root ignores permissions; otherwise the locked folder's content cannot be listed
            if (changed && !Files.isReadable(locked)) assertEquals(1, got.size());
        } finally {
            locked.toFile().setReadable(true, false);
            locked.toFile().setExecutable(true, false);
        }
    }

    @Test void scanReportNamesWhatItCannotUse() throws Exception {
        Path ok = touch("ok.png");
        Files.createSymbolicLink(tmp.resolve("dangling.jpg"), Path.of("nowhere.jpg"));
        Files.createSymbolicLink(tmp.resolve("self.png"), Path.of("self.png"));
        Files.createDirectories(tmp.resolve("sub"));
        Files.createSymbolicLink(tmp.resolve("sub/up"), Path.of(".."));
        Files.createSymbolicLink(tmp.resolve("link-to-ok.png"), ok.getFileName());
        Files.createSymbolicLink(tmp.resolve(".hidden-dangling.png"), Path.of("nowhere.png"));
        Files.createSymbolicLink(tmp.resolve("dangling-notes.txt"), Path.of("nowhere.txt"));
        boolean fifo = new ProcessBuilder("mkfifo", tmp.resolve("pipe.gif").toString()).start().waitFor() == 0;

        ImageScanner.Scan scan = ImageScanner.scanReport(tmp);
        Path root = tmp.toAbsolutePath();
        assertEquals(List.of(root.resolve("link-to-ok.png"), root.resolve("ok.png")), scan.files(), "a working link is an image like any other");
        java.util.Map<String, String> why = new java.util.TreeMap<>();
        for (SkippedFile f : scan.skipped()) why.put(root.relativize(f.file()).toString(), f.reason());
        assertEquals(fifo ? 4 : 3, why.size(), why.toString());
        assertEquals("broken symbolic link: nowhere.jpg does not exist", why.get("dangling.jpg"));
        assertEquals("symbolic link loop: self.png -> self.png", why.get("self.png"));
        assertEquals("symbolic link loop: leads back to .., not followed", why.get("sub/up"));
        if (fifo) assertEquals("not a regular file (a named pipe, socket or device)", why.get("pipe.gif"));
        assertEquals(scan.files(), ImageScanner.scan(tmp), "scan() lists the same files");
    }

    @Test void unreadableFolderIsNamed() throws IOException {
        touch("ok.png");
        Path locked = tmp.resolve("locked");
        touch("locked/inside.png");
        Files.setPosixFilePermissions(locked, java.nio.file.attribute.PosixFilePermissions.fromString("---------"));
        try {
            ImageScanner.Scan scan = ImageScanner.scanReport(tmp);
            if (Files.isReadable(locked)) {
                System.err.println("running as root: a chmod 000 folder stays readable, checking its image is found");
                assertEquals(2, scan.files().size());
                assertEquals(List.of(), scan.skipped());
            } else {
                assertEquals(1, scan.files().size());
                assertEquals(List.of(new SkippedFile(locked.toAbsolutePath(), "folder not readable (permission denied)")), scan.skipped());
            }
        } finally {
            Files.setPosixFilePermissions(locked, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
        }
    }

    @Test void missingOrNonFolderGivesOneLineReason() throws IOException {
        IOException e1 = assertThrows(IOException.class, () -> ImageScanner.scan(tmp.resolve("nope")));
        assertTrue(e1.getMessage().contains("not found"), e1.getMessage());
        Path f = touch("file.png");
        IOException e2 = assertThrows(IOException.class, () -> ImageScanner.scan(f));
        assertTrue(e2.getMessage().contains("not a folder"), e2.getMessage());
        assertFalse(e2.getMessage().contains("\n"));
    }

    @Test void realEmojiFolder() throws IOException {
        Path emoji = Paths.get("../shared/images/noto-emoji-64");
        List<Path> files = ImageScanner.scan(emoji);
        assertEquals(3786, files.size());
        assertTrue(files.stream().allMatch(p -> p.toString().endsWith(".png")));
    }

    @Test void sampleIsSeededReproducibleRandomAndInPathOrder() {
        List<Path> files = new ArrayList<>();
        for (int i = 0; i < 1000; i++) files.add(Paths.get(String.format("/img/%04d.png", i)));
        List<Path> a = ImageScanner.sample(files, 100, 42);
        List<Path> b = ImageScanner.sample(files, 100, 42);
        List<Path> c = ImageScanner.sample(files, 100, 43);
        assertEquals(100, a.size());
        assertEquals(a, b, "same seed, same subset");
        assertNotEquals(a, c, "another seed, another subset");
        assertNotEquals(files.subList(0, 100), a, "not the first N");
        List<Path> sorted = new ArrayList<>(a);
        sorted.sort(null);
        assertEquals(sorted, a, "path order");
        assertEquals(100, a.stream().distinct().count());
        // spread over the whole list, not clustered at the start
        assertTrue(a.get(a.size() - 1).toString().compareTo("/img/0800.png") > 0);
        // input order does not matter
        List<Path> reversed = new ArrayList<>(files);
        java.util.Collections.reverse(reversed);
        assertEquals(a, ImageScanner.sample(reversed, 100, 42));
        assertEquals(files, ImageScanner.sample(files, 0, 1));
        assertEquals(files, ImageScanner.sample(files, 5000, 1));
    }
}
