package imagetsne.source;

import java.awt.image.BufferedImage;
import java.awt.image.DataBuffer;
import java.awt.image.IndexColorModel;
import java.awt.image.Raster;
import java.awt.image.WritableRaster;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.ImageOutputStream;

/**
 * Writes the folder a user should be able to point the app at without losing a file silently: broken,
 * odd and huge images, bad links, unreadable and vanishing files, with what must become of each.
 * {@code main(DIR)} writes it for trying the jar by hand.
 */
public final class HostileCorpus {
    private HostileCorpus() {}

    public enum Outcome { LAID_OUT, WARNED, SKIPPED }

    /** name: path relative to the corpus folder; reason: a part of the skip reason or warning (null for LAID_OUT). */
    public record Expect(String name, Outcome outcome, String reason) {}

    /** The files to delete after the scan and before decoding, to play a file vanishing mid-run. */
    public static final List<String> VANISHING = List.of("zz vanish 1.png", "zz vanish 2.jpg");

    /** Side of the huge PNG; 20000 x 20000 is 400 M pixels, four times ImageDecoder's subsampling threshold. */
    public static final int HUGE = 20000;

    /**
     * Writes the corpus into dir. chmod 000 does not stop root from reading, so the unreadable file's outcome
     * is decided by whether it is readable after the chmod, and is LAID_OUT under root.
     */
    public static List<Expect> write(Path dir, boolean huge) throws IOException {
        Files.createDirectories(dir.resolve("sub"));
        List<Expect> e = new ArrayList<>();
        byte[] jpg = jpeg(noise(160, 120, 1));

        Files.createFile(dir.resolve("zero.jpg"));
        e.add(new Expect("zero.jpg", Outcome.SKIPPED, "empty file"));
        Files.write(dir.resolve("truncated.jpg"), Arrays.copyOf(jpg, jpg.length / 2));
        e.add(new Expect("truncated.jpg", Outcome.WARNED, "premature end of data segment"));
        byte[] hdr = jpg.clone();
        Arrays.fill(hdr, 2, 6, (byte) 0xAA); // the JFIF APP0 marker and its length
        Files.write(dir.resolve("corrupt header.jpg"), hdr);
        e.add(new Expect("corrupt header.jpg", Outcome.WARNED, "extraneous bytes before marker"));
        Files.writeString(dir.resolve("letter.jpg"), "Dear reader,\nthis is text, not a JPEG.\n");
        e.add(new Expect("letter.jpg", Outcome.SKIPPED, "not an image"));
        byte[] garbage = new byte[600];
        new Random(5).nextBytes(garbage);
        System.arraycopy(new byte[] {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10}, 0, garbage, 0, 8);
        Files.write(dir.resolve("garbage.png"), garbage);
        e.add(new Expect("garbage.png", Outcome.SKIPPED, "corrupt"));

        Files.write(dir.resolve("plain.jpg"), jpg);
        e.add(new Expect("plain.jpg", Outcome.LAID_OUT, null));
        if (huge) {
            hugeGreyPng(dir.resolve("huge.png"), HUGE, HUGE);
            e.add(new Expect("huge.png", Outcome.LAID_OUT, null));
        }
        cmykJpeg(dir.resolve("cmyk.jpg"), cmykRaster(48, 32), true);
        e.add(new Expect("cmyk.jpg", Outcome.LAID_OUT, null));
        BufferedImage g16 = new BufferedImage(40, 30, BufferedImage.TYPE_USHORT_GRAY);
        for (int y = 0; y < 30; y++) for (int x = 0; x < 40; x++) g16.getRaster().setSample(x, y, 0, x * 1600 + y);
        ImageIO.write(g16, "png", dir.resolve("grey16.png").toFile());
        e.add(new Expect("grey16.png", Outcome.LAID_OUT, null));
        ImageIO.write(palette(), "png", dir.resolve("palette.png").toFile());
        e.add(new Expect("palette.png", Outcome.LAID_OUT, null));
        BufferedImage alpha = new BufferedImage(50, 50, BufferedImage.TYPE_INT_ARGB);
        for (int y = 0; y < 50; y++) for (int x = 0; x < 50; x++) alpha.setRGB(x, y, ((x * 5) << 24) | 0x3070D0);
        ImageIO.write(alpha, "png", dir.resolve("alpha.png").toFile());
        e.add(new Expect("alpha.png", Outcome.LAID_OUT, null));
        animatedGif(dir.resolve("animated.gif"));
        e.add(new Expect("animated.gif", Outcome.LAID_OUT, null));
        Files.write(dir.resolve("sub/émoji 日本 ü.jpg"), jpeg(noise(64, 64, 2)));
        e.add(new Expect("sub/émoji 日本 ü.jpg", Outcome.LAID_OUT, null));
        Files.write(dir.resolve("with  two spaces .jpg"), jpeg(noise(64, 64, 3)));
        e.add(new Expect("with  two spaces .jpg", Outcome.LAID_OUT, null));

        Path locked = dir.resolve("unreadable.jpg");
        Files.write(locked, jpeg(noise(64, 64, 4)));
        Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("---------")); // chmod 000
        boolean stillReadable = Files.isReadable(locked);
        e.add(stillReadable ? new Expect("unreadable.jpg", Outcome.LAID_OUT, null)
                : new Expect("unreadable.jpg", Outcome.SKIPPED, "permission denied"));

        Files.createSymbolicLink(dir.resolve("dangling.jpg"), Path.of("gone-for-good.jpg"));
        e.add(new Expect("dangling.jpg", Outcome.SKIPPED, "broken symbolic link"));
        Files.createSymbolicLink(dir.resolve("self loop.png"), Path.of("self loop.png"));
        e.add(new Expect("self loop.png", Outcome.SKIPPED, "symbolic link loop"));
        Files.createSymbolicLink(dir.resolve("sub/back up"), Path.of(".."));
        e.add(new Expect("sub/back up", Outcome.SKIPPED, "symbolic link loop"));
        if (mkfifo(dir.resolve("pipe.jpg"))) e.add(new Expect("pipe.jpg", Outcome.SKIPPED, "not a regular file"));

        Files.write(dir.resolve(VANISHING.get(0)), Files.readAllBytes(dir.resolve("alpha.png")));
        Files.write(dir.resolve(VANISHING.get(1)), jpg);
        for (String v : VANISHING) e.add(new Expect(v, Outcome.SKIPPED, "vanished during the run"));
        return e;
    }

    /** Deletes the vanishing files (the scan has listed them; the decoder has not opened them yet). */
    public static void vanish(Path dir) throws IOException {
        for (String v : VANISHING) Files.delete(dir.resolve(v));
    }

    /** Undoes the chmod so the temp folder can be removed. */
    public static void unlock(Path dir) {
        try {
            Files.setPosixFilePermissions(dir.resolve("unreadable.jpg"), PosixFilePermissions.fromString("rw-r--r--"));
        } catch (IOException e) {
            // already gone
        }
    }

    static BufferedImage noise(int w, int h, long seed) {
        Random r = new Random(seed);
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < h; y++) for (int x = 0; x < w; x++) img.setRGB(x, y, (x * 255 / w) << 16 | (y * 255 / h) << 8 | r.nextInt(256));
        return img;
    }

    static byte[] jpeg(BufferedImage img) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        if (!ImageIO.write(img, "jpg", out)) throw new IOException("no JPEG writer");
        return out.toByteArray();
    }

    private static BufferedImage palette() {
        byte[] r = {0, (byte) 255, 0, 0}, g = {0, 0, (byte) 255, 0}, b = {0, 0, 0, (byte) 255};
        BufferedImage pal = new BufferedImage(30, 30, BufferedImage.TYPE_BYTE_INDEXED, new IndexColorModel(2, 4, r, g, b));
        for (int y = 0; y < 30; y++) for (int x = 0; x < 30; x++) pal.getRaster().setSample(x, y, 0, (x / 10 + y / 10) % 4);
        return pal;
    }

    /** Three frames of different colours; the layout shows the first. */
    static void animatedGif(Path file) throws IOException {
        ImageWriter w = ImageIO.getImageWritersByFormatName("gif").next();
        try (ImageOutputStream out = ImageIO.createImageOutputStream(file.toFile())) {
            w.setOutput(out);
            w.prepareWriteSequence(null);
            for (int rgb : new int[] {0xFF0000, 0x00FF00, 0x0000FF}) {
                BufferedImage f = new BufferedImage(24, 24, BufferedImage.TYPE_INT_RGB);
                for (int y = 0; y < 24; y++) for (int x = 0; x < 24; x++) f.setRGB(x, y, rgb);
                w.writeToSequence(new IIOImage(f, null, null), null);
            }
            w.endWriteSequence();
        } finally {
            w.dispose();
        }
    }

    /** Cyan on the left half, yellow ink on the top half (green where both), as raw ink amounts 0..255. */
    static WritableRaster cmykRaster(int w, int h) {
        WritableRaster r = Raster.createInterleavedRaster(DataBuffer.TYPE_BYTE, w, h, 4, null);
        for (int y = 0; y < h; y++) for (int x = 0; x < w; x++) r.setPixel(x, y, new int[] {x < w / 2 ? 255 : 0, 0, y < h / 2 ? 255 : 0, 0});
        return r;
    }

    /** A 4-channel JPEG as ImageIO writes it; adobe: with an Adobe APP14 marker and inverted samples, as Photoshop does. */
    static void cmykJpeg(Path f, Raster ink, boolean adobe) throws IOException {
        WritableRaster r = ink.createCompatibleWritableRaster();
        r.setRect(ink);
        ImageWriter w = ImageIO.getImageWritersByFormatName("jpeg").next();
        IIOMetadata meta = null;
        if (adobe) {
            int[] px = new int[4];
            for (int y = 0; y < r.getHeight(); y++) for (int x = 0; x < r.getWidth(); x++) {
                r.getPixel(x, y, px);
                for (int i = 0; i < 4; i++) px[i] = 255 - px[i];
                r.setPixel(x, y, px);
            }
            meta = plainCmykMetadata(w, r, f.resolveSibling(f.getFileName() + ".seed"));
            IIOMetadataNode root = (IIOMetadataNode) meta.getAsTree("javax_imageio_jpeg_image_1.0");
            IIOMetadataNode seq = (IIOMetadataNode) root.getElementsByTagName("markerSequence").item(0);
            IIOMetadataNode app14 = new IIOMetadataNode("app14Adobe");
            app14.setAttribute("version", "100");
            app14.setAttribute("flags0", "0");
            app14.setAttribute("flags1", "0");
            app14.setAttribute("transform", "0");
            seq.insertBefore(app14, seq.getFirstChild());
            meta.setFromTree("javax_imageio_jpeg_image_1.0", root);
        }
        try (ImageOutputStream out = ImageIO.createImageOutputStream(f.toFile())) {
            w.setOutput(out);
            w.write(null, new IIOImage(r, null, meta), null);
        } finally {
            w.dispose();
        }
    }

    /** Write once without metadata and read its metadata back: a valid 4-component JPEG tree to extend. */
    private static IIOMetadata plainCmykMetadata(ImageWriter w, Raster r, Path seed) throws IOException {
        try (ImageOutputStream out = ImageIO.createImageOutputStream(seed.toFile())) {
            w.setOutput(out);
            w.write(null, new IIOImage(r, null, null), null);
        }
        ImageReader rd = ImageIO.getImageReadersByFormatName("jpeg").next();
        try (ImageInputStream in = ImageIO.createImageInputStream(seed.toFile())) {
            rd.setInput(in);
            return rd.getImageMetadata(0);
        } finally {
            rd.dispose();
            Files.deleteIfExists(seed);
        }
    }

    /**
     * A w x h 8-bit grey PNG written row by row (ImageIO would need the whole image in memory): horizontal
     * bands of 1000 rows, grey level 10 * band, so a subsampled decode can be checked. Deflates to a few hundred KB.
     */
    public static void hugeGreyPng(Path file, int w, int h) throws IOException {
        ByteArrayOutputStream idat = new ByteArrayOutputStream();
        Deflater deflater = new Deflater(Deflater.BEST_SPEED);
        try (DeflaterOutputStream z = new DeflaterOutputStream(idat, deflater, 1 << 16)) {
            byte[] row = new byte[w + 1]; // filter type 0, then the samples
            for (int y = 0; y < h; y++) {
                Arrays.fill(row, 1, row.length, (byte) (10 * (y / 1000)));
                z.write(row);
            }
        } finally {
            deflater.end();
        }
        try (OutputStream raw = Files.newOutputStream(file); DataOutputStream out = new DataOutputStream(raw)) {
            out.write(new byte[] {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10});
            ByteArrayOutputStream ihdr = new ByteArrayOutputStream();
            DataOutputStream d = new DataOutputStream(ihdr);
            d.writeInt(w);
            d.writeInt(h);
            d.write(new byte[] {8, 0, 0, 0, 0}); // 8-bit, greyscale, deflate, adaptive filtering, no interlace
            chunk(out, "IHDR", ihdr.toByteArray());
            chunk(out, "IDAT", idat.toByteArray());
            chunk(out, "IEND", new byte[0]);
        }
    }

    private static void chunk(DataOutputStream out, String type, byte[] data) throws IOException {
        byte[] t = type.getBytes(StandardCharsets.US_ASCII);
        CRC32 crc = new CRC32();
        crc.update(t);
        crc.update(data);
        out.writeInt(data.length);
        out.write(t);
        out.write(data);
        out.writeInt((int) crc.getValue());
    }

    private static boolean mkfifo(Path p) {
        try {
            return new ProcessBuilder("mkfifo", p.toString()).inheritIO().start().waitFor() == 0 && Files.exists(p);
        } catch (IOException e) {
            return false; // no mkfifo here (Windows): the case does not exist
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Writes the corpus into args[0] and lists the expectations. The vanishing files are for the user to delete. */
    public static void main(String[] args) throws IOException {
        for (Expect x : write(Path.of(args[0]), true)) System.out.println(x.outcome() + "\t" + x.name() + (x.reason() == null ? "" : "\t" + x.reason()));
    }
}
