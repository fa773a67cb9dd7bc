package imagetsne.source;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import java.awt.Transparency;
import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ComponentColorModel;
import java.awt.image.DataBuffer;
import java.awt.image.IndexColorModel;
import java.awt.image.Raster;
import java.awt.image.WritableRaster;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class ImageDecoderTest {
    @TempDir Path tmp;
    static final Path EMOJI = Paths.get("../shared/images/noto-emoji-64");

    private static int[] rgba(int argb) {
        return new int[] {(argb >> 16) & 255, (argb >> 8) & 255, argb & 255, argb >>> 24};
    }

    private static void assertPixel(int[] expectRgba, int argb, int tol, String what) {
        int[] got = rgba(argb);
        for (int i = 0; i < 4; i++) {
            assertTrue(Math.abs(expectRgba[i] - got[i]) <= tol,
                    what + ": expected " + Arrays.toString(expectRgba) + " got " + Arrays.toString(got));
        }
    }

    private Path write(BufferedImage img, String format, String name) throws IOException {
        Path p = tmp.resolve(name);
        assertTrue(ImageIO.write(img, format, p.toFile()), "ImageIO has a " + format + " writer for " + img);
        return p;
    }

    @Test void realEmojiDecodeToArgbWithAlpha() throws IOException {
        List<Path> files = ImageScanner.sample(ImageScanner.scan(EMOJI), 20, 7);
        for (Path f : files) {
            BufferedImage img = ImageDecoder.read(f);
            assertEquals(BufferedImage.TYPE_INT_ARGB, img.getType());
            assertEquals(64, img.getWidth());
            assertEquals(64, img.getHeight());
        }
        BufferedImage smile = ImageDecoder.read(EMOJI.resolve("1f600.png")); // grinning face
        assertEquals(0, smile.getRGB(0, 0) >>> 24, "corner is transparent");
        int centre = smile.getRGB(32, 20);
        assertEquals(255, centre >>> 24);
        int[] c = rgba(centre);
        assertTrue(c[0] > 180 && c[1] > 120 && c[2] < 100, "yellow face: " + Arrays.toString(c));
    }

    @Test void grey8AndGrey16KeepTheirLevels() throws IOException {
        BufferedImage g8 = new BufferedImage(10, 10, BufferedImage.TYPE_BYTE_GRAY);
        g8.getRaster().setSample(3, 4, 0, 100);
        BufferedImage r8 = ImageDecoder.read(write(g8, "png", "g8.png"));
        assertPixel(new int[] {100, 100, 100, 255}, r8.getRGB(3, 4), 0, "8-bit grey");
        assertPixel(new int[] {0, 0, 0, 255}, r8.getRGB(0, 0), 0, "black");

        BufferedImage g16 = new BufferedImage(10, 10, BufferedImage.TYPE_USHORT_GRAY);
        g16.getRaster().setSample(3, 4, 0, 200 * 257);
        g16.getRaster().setSample(5, 5, 0, 65535);
        for (String fmt : new String[] {"png", "tiff"}) {
            BufferedImage r16 = ImageDecoder.read(write(g16, fmt, "g16." + fmt));
            assertEquals(BufferedImage.TYPE_INT_ARGB, r16.getType());
            assertPixel(new int[] {200, 200, 200, 255}, r16.getRGB(3, 4), 1, "16-bit grey " + fmt);
            assertPixel(new int[] {255, 255, 255, 255}, r16.getRGB(5, 5), 0, "16-bit white " + fmt);
        }
    }

    @Test void rgba16Bit() throws IOException {
        ComponentColorModel cm = new ComponentColorModel(ColorSpace.getInstance(ColorSpace.CS_sRGB), true, false,
                Transparency.TRANSLUCENT, DataBuffer.TYPE_USHORT);
        WritableRaster r = cm.createCompatibleWritableRaster(6, 6);
        r.setPixel(2, 3, new int[] {255 * 257, 100 * 257, 10 * 257, 65535});
        r.setPixel(4, 4, new int[] {0, 65535, 0, 128 * 257});
        BufferedImage img = new BufferedImage(cm, r, false, null);
        for (String fmt : new String[] {"png", "tiff"}) {
            BufferedImage got = ImageDecoder.read(write(img, fmt, "rgba16." + fmt));
            assertEquals(BufferedImage.TYPE_INT_ARGB, got.getType());
            assertPixel(new int[] {255, 100, 10, 255}, got.getRGB(2, 3), 1, "16-bit RGBA " + fmt);
            assertPixel(new int[] {0, 255, 0, 128}, got.getRGB(4, 4), 1, "16-bit half transparent " + fmt);
        }
    }

    @Test void greyWithAlpha() throws IOException {
        ComponentColorModel cm = new ComponentColorModel(ColorSpace.getInstance(ColorSpace.CS_GRAY), true, false,
                Transparency.TRANSLUCENT, DataBuffer.TYPE_BYTE);
        WritableRaster r = cm.createCompatibleWritableRaster(8, 8);
        r.setPixel(1, 1, new int[] {90, 128});
        r.setPixel(2, 2, new int[] {200, 255});
        BufferedImage img = new BufferedImage(cm, r, false, null);
        BufferedImage got = ImageDecoder.read(write(img, "png", "ga.png"));
        assertPixel(new int[] {90, 90, 90, 128}, got.getRGB(1, 1), 0, "grey+alpha");
        assertPixel(new int[] {200, 200, 200, 255}, got.getRGB(2, 2), 0, "grey opaque");
        assertEquals(0, got.getRGB(0, 0) >>> 24, "transparent");
    }

    @Test void rgbaPaletteBmpTiff() throws IOException {
        BufferedImage argb = new BufferedImage(8, 6, BufferedImage.TYPE_INT_ARGB);
        argb.setRGB(2, 3, 0x80FF4020);
        argb.setRGB(4, 4, 0xFF10E070);
        BufferedImage got = ImageDecoder.read(write(argb, "png", "rgba.png"));
        assertEquals(0x80FF4020, got.getRGB(2, 3));
        assertEquals(0xFF10E070, got.getRGB(4, 4));
        assertEquals(0, got.getRGB(0, 0) >>> 24);

        byte[] rs = {0, (byte) 255, 0, 0}, gs = {0, 0, (byte) 255, 0}, bs = {0, 0, 0, (byte) 255};
        IndexColorModel icm = new IndexColorModel(2, 4, rs, gs, bs);
        BufferedImage pal = new BufferedImage(5, 5, BufferedImage.TYPE_BYTE_INDEXED, icm);
        pal.getRaster().setSample(1, 1, 0, 1);
        pal.getRaster().setSample(2, 2, 0, 2);
        pal.getRaster().setSample(3, 3, 0, 3);
        BufferedImage gif = ImageDecoder.read(write(pal, "gif", "pal.gif"));
        assertEquals(0xFFFF0000, gif.getRGB(1, 1));
        assertEquals(0xFF00FF00, gif.getRGB(2, 2));
        assertEquals(0xFF0000FF, gif.getRGB(3, 3));
        assertEquals(0xFF000000, gif.getRGB(0, 0));

        BufferedImage bgr = new BufferedImage(7, 5, BufferedImage.TYPE_3BYTE_BGR);
        bgr.setRGB(6, 4, 0xFF123456);
        BufferedImage bmp = ImageDecoder.read(write(bgr, "bmp", "x.BMP"));
        assertEquals(0xFF123456, bmp.getRGB(6, 4));
        assertEquals(7, bmp.getWidth());

        BufferedImage rgb = new BufferedImage(9, 3, BufferedImage.TYPE_INT_RGB);
        rgb.setRGB(8, 2, 0xFFABCDEF);
        BufferedImage tif = ImageDecoder.read(write(rgb, "tiff", "x.tif"));
        assertEquals(0xFFABCDEF, tif.getRGB(8, 2));
        assertEquals(BufferedImage.TYPE_INT_ARGB, tif.getType());
    }

    /** 4-channel JPEGs written by ImageIO itself: plain CMYK and Adobe (inverted) CMYK. */
    @Test void cmykJpeg() throws Exception {
        for (boolean adobe : new boolean[] {false, true}) {
            WritableRaster r = Raster.createInterleavedRaster(DataBuffer.TYPE_BYTE, 32, 32, 4, null);
            for (int y = 0; y < 32; y++) {
                for (int x = 0; x < 32; x++) {
                    int c = x < 16 ? 255 : 0, ye = y < 16 ? 255 : 0; // cyan + yellow ink = green
                    r.setPixel(x, y, new int[] {c, 0, ye, 0});
                }
            }
            Path f = tmp.resolve("cmyk" + adobe + ".jpg");
            HostileCorpus.cmykJpeg(f, r, adobe);
            BufferedImage img = ImageDecoder.read(f);
            assertEquals(BufferedImage.TYPE_INT_ARGB, img.getType());
            assertEquals(32, img.getWidth());
            ImageReader rd = ImageIO.getImageReadersByFormatName("jpeg").next();
            BufferedImage own;
            try (ImageInputStream in = ImageIO.createImageInputStream(f.toFile())) {
                rd.setInput(in);
                own = ImageDecoder.cmykToArgb(rd.readRaster(0, null), adobe ? 0 : -1);
            }
            // our raster conversion (used when ImageIO refuses the colour type) gets the inks right in both conventions
            assertPixel(new int[] {0, 255, 0, 255}, own.getRGB(4, 4), 12, "own cyan+yellow (adobe=" + adobe + ")");
            assertPixel(new int[] {255, 255, 255, 255}, own.getRGB(24, 24), 12, "own no ink (adobe=" + adobe + ")");
            assertPixel(new int[] {0, 255, 255, 255}, own.getRGB(4, 24), 12, "own cyan (adobe=" + adobe + ")");
            if (adobe) {
                // Photoshop-style (Adobe marker, inverted samples) is what real CMYK JPEGs are: full decode is right
                assertPixel(new int[] {0, 255, 0, 255}, img.getRGB(4, 4), 12, "cyan+yellow");
                assertPixel(new int[] {255, 255, 255, 255}, img.getRGB(24, 24), 12, "no ink");
                assertPixel(new int[] {0, 255, 255, 255}, img.getRGB(4, 24), 12, "cyan");
            }
            // without the marker the JDK assumes inverted samples too (ambiguous files): decoded, not checked
        }
    }

    @Test void ycckConversionFormula() {
        // YCC of ink (C,M,Y) = (255, 0, 255) with Adobe-inverted K=255 (no black) must come out green
        double c = 255, m = 0, ye = 255;
        double y = 0.299 * c + 0.587 * m + 0.114 * ye, cb = 128 - 0.168736 * c - 0.331264 * m + 0.5 * ye,
                cr = 128 + 0.5 * c - 0.418688 * m - 0.081312 * ye;
        WritableRaster r = Raster.createInterleavedRaster(DataBuffer.TYPE_BYTE, 1, 1, 4, null);
        r.setPixel(0, 0, new int[] {(int) Math.round(y), (int) Math.round(cb), (int) Math.round(cr), 255});
        assertPixel(new int[] {0, 255, 0, 255}, ImageDecoder.cmykToArgb(r, 2).getRGB(0, 0), 3, "YCCK");
    }

    @Test void badFilesGiveShortReasons() throws IOException {
        Path text = tmp.resolve("letter.jpg");
        Files.writeString(text, "Dear reader, this is not a JPEG at all.\n");
        IOException e1 = assertThrows(IOException.class, () -> ImageDecoder.read(text));
        assertTrue(e1.getMessage().contains("not an image"), e1.getMessage());

        Path empty = Files.createFile(tmp.resolve("empty.png"));
        IOException e2 = assertThrows(IOException.class, () -> ImageDecoder.read(empty));
        assertEquals("empty file (0 bytes)", e2.getMessage());

        byte[] png = Files.readAllBytes(EMOJI.resolve("1f600.png"));
        Path cut = tmp.resolve("cut.png");
        Files.write(cut, Arrays.copyOf(png, png.length / 2));
        IOException e3 = assertThrows(IOException.class, () -> ImageDecoder.read(cut));
        assertTrue(e3.getMessage().startsWith("truncated") || e3.getMessage().startsWith("corrupt"), e3.getMessage());
        assertFalse(e3.getMessage().contains("\n"), e3.getMessage());

        // PNG signature followed by garbage
        byte[] junk = new byte[400];
        new java.util.Random(1).nextBytes(junk);
        System.arraycopy(png, 0, junk, 0, 16);
        Path garbage = tmp.resolve("garbage.png");
        Files.write(garbage, junk);
        IOException e4 = assertThrows(IOException.class, () -> ImageDecoder.read(garbage));
        assertFalse(e4.getMessage().isBlank());

        // a JPEG cut inside its header has no image data at all
        byte[] jpg = HostileCorpus.jpeg(HostileCorpus.noise(64, 64, 1));
        Path cutJpg = tmp.resolve("cut.jpg");
        Files.write(cutJpg, Arrays.copyOf(jpg, 200));
        IOException e6 = assertThrows(IOException.class, () -> ImageDecoder.read(cutJpg));
        assertTrue(e6.getMessage().startsWith("corrupt"), e6.getMessage());

        IOException e5 = assertThrows(IOException.class, () -> ImageDecoder.read(tmp.resolve("missing.png")));
        assertEquals("file not found", e5.getMessage());
        Path link = Files.createSymbolicLink(tmp.resolve("link.png"), tmp.resolve("missing.png"));
        assertEquals("broken symbolic link", assertThrows(IOException.class, () -> ImageDecoder.read(link)).getMessage());
        assertEquals("a folder, not an image file", assertThrows(IOException.class,
                () -> ImageDecoder.read(Files.createDirectory(tmp.resolve("dir.png")))).getMessage());
    }

    /** libjpeg decodes damaged JPEGs as far as it can and only warns: the warnings must come out with the image. */
    @Test void damagedJpegsDecodeWithWarningsIntactOnesWithout() throws IOException {
        byte[] jpg = HostileCorpus.jpeg(HostileCorpus.noise(160, 120, 1));
        Path intact = Files.write(tmp.resolve("intact.jpg"), jpg);
        ImageDecoder.Decoded ok = ImageDecoder.decode(intact);
        assertEquals(List.of(), ok.warnings());

        Path cut = Files.write(tmp.resolve("cut.jpg"), Arrays.copyOf(jpg, jpg.length / 2));
        ImageDecoder.Decoded half = ImageDecoder.decode(cut);
        assertEquals(160, half.image().getWidth(), "decoded at full size, the missing part grey");
        assertEquals(List.of("Truncated File - Missing EOI marker", "Corrupt JPEG data: premature end of data segment"), half.warnings());
        int bottom = half.image().getRGB(80, 115) & 0xffffff;
        assertEquals(0x808080, bottom, "the lost rows are libjpeg's grey");

        byte[] hdr = jpg.clone();
        Arrays.fill(hdr, 2, 6, (byte) 0xAA);
        ImageDecoder.Decoded damaged = ImageDecoder.decode(Files.write(tmp.resolve("hdr.jpg"), hdr));
        assertEquals(1, damaged.warnings().size(), "repeated warnings come once: " + damaged.warnings());
        assertTrue(damaged.warnings().get(0).contains("extraneous bytes before marker"), damaged.warnings().toString());
        // read() keeps its contract: the image, warnings or not
        assertEquals(160, ImageDecoder.read(cut).getWidth());
    }

    @Test void unreadableFileSaysPermissionDeniedUnlessRoot() throws IOException {
        Path f = write(new BufferedImage(8, 8, BufferedImage.TYPE_INT_RGB), "png", "locked.png");
        Files.setPosixFilePermissions(f, java.nio.file.attribute.PosixFilePermissions.fromString("---------"));
        try {
            if (Files.isReadable(f)) {
                System.err.println("running as root: chmod 000 does not stop reads, checking the file decodes");
                assertEquals(8, ImageDecoder.read(f).getWidth());
            } else {
                assertEquals("permission denied", assertThrows(IOException.class, () -> ImageDecoder.read(f)).getMessage());
            }
        } finally {
            Files.setPosixFilePermissions(f, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
        }
    }

    @Test void namedPipeIsRefusedWithoutBlocking() throws Exception {
        Path fifo = tmp.resolve("pipe.png");
        if (new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor() != 0) return; // no named pipes on this system
        // opening a pipe for reading blocks until a writer comes: the decoder must not even try
        java.util.concurrent.Future<String> r = java.util.concurrent.Executors.newSingleThreadExecutor(t -> {
            Thread th = new Thread(t);
            th.setDaemon(true);
            return th;
        }).submit(() -> assertThrows(IOException.class, () -> ImageDecoder.read(fifo)).getMessage());
        assertEquals("not a regular file", r.get(10, java.util.concurrent.TimeUnit.SECONDS));
    }

    /**
     * 20000 x 20000 pixels (400 M): decoded subsampled to at most MAX_PIXELS, with the heap it takes bounded by
     * what that subsampled image needs, not by the file's size (which would be 1.6 GB as ARGB).
     */
    @Test void hugePngDecodesSubsampledInBoundedMemory() throws IOException {
        Path f = tmp.resolve("huge.png");
        HostileCorpus.hugeGreyPng(f, HostileCorpus.HUGE, HostileCorpus.HUGE);
        assertTrue(Files.size(f) < 5_000_000, "small on disk: " + Files.size(f));
        List<java.lang.management.MemoryPoolMXBean> heap = java.lang.management.ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(p -> p.getType() == java.lang.management.MemoryType.HEAP).toList();
        System.gc();
        long before = 0;
        for (var p : heap) { before += p.getUsage().getUsed(); p.resetPeakUsage(); }
        BufferedImage img = ImageDecoder.read(f);
        long peak = 0;
        for (var p : heap) peak += p.getPeakUsage().getUsed();
        long grew = peak - before;
        System.err.println("huge PNG " + HostileCorpus.HUGE + "^2 -> " + img.getWidth() + "x" + img.getHeight() + ", heap grew at most "
                + grew / (1 << 20) + " MB (sum of pool peaks)");
        assertEquals(4000, img.getWidth(), "every 5th pixel");
        assertEquals(4000, img.getHeight());
        assertTrue((long) img.getWidth() * img.getHeight() <= ImageDecoder.MAX_PIXELS);
        // the ARGB image is 64 MB and the decoder's grey one 16 MB; 4x that is the bound, a full decode is 1.6 GB
        assertTrue(grew < 4L * 80 << 20, "heap grew by " + (grew >> 20) + " MB");
        // bands of 1000 rows, grey 10 * band: row 5 * y comes from band 5y / 1000
        for (int y = 0; y < 4000; y += 199) assertEquals(10 * (5 * y / 1000), img.getRGB(1234, y) & 0xff, "row " + y);
    }

    @Test void hugeImagesAreSubsampled() throws IOException {
        BufferedImage big = new BufferedImage(400, 300, BufferedImage.TYPE_INT_RGB);
        big.setRGB(0, 0, 0xFFFF0000);
        Path f = write(big, "png", "big.png");
        BufferedImage got = ImageDecoder.read(f, 10_000);
        assertTrue((long) got.getWidth() * got.getHeight() <= 10_000, got.getWidth() + "x" + got.getHeight());
        assertEquals(100, got.getWidth()); // 12x too many pixels: every 4th pixel and line
        assertEquals(75, got.getHeight());
        assertEquals(0xFFFF0000, got.getRGB(0, 0));
        assertEquals(400, ImageDecoder.read(f).getWidth());
    }

    @Test void thumbnailKeepsAspectAndAveragesArea() {
        BufferedImage checker = new BufferedImage(400, 200, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 200; y++) for (int x = 0; x < 400; x++) checker.setRGB(x, y, ((x + y) & 1) == 0 ? 0xFFFFFFFF : 0xFF000000);
        BufferedImage t = ImageDecoder.thumbnail(checker, 64);
        assertEquals(BufferedImage.TYPE_INT_ARGB, t.getType());
        assertEquals(64, t.getWidth());
        assertEquals(32, t.getHeight());
        // a 1-pixel checkerboard must average to mid grey everywhere (point sampling would give black/white)
        for (int y = 0; y < 32; y++) {
            for (int x = 0; x < 64; x++) {
                int g = (t.getRGB(x, y) >> 8) & 255;
                assertTrue(Math.abs(g - 128) <= 10, "pixel " + x + "," + y + " = " + g);
            }
        }
        BufferedImage tall = ImageDecoder.thumbnail(new BufferedImage(50, 100, BufferedImage.TYPE_INT_ARGB), 64);
        assertEquals(32, tall.getWidth());
        assertEquals(64, tall.getHeight());
        BufferedImage up = ImageDecoder.thumbnail(new BufferedImage(10, 5, BufferedImage.TYPE_BYTE_GRAY), 20);
        assertEquals(20, up.getWidth());
        assertEquals(10, up.getHeight());
    }

    @Test void thumbnailDoesNotBleedTransparentBlack() throws IOException {
        BufferedImage smile = ImageDecoder.read(EMOJI.resolve("1f600.png"));
        BufferedImage t = ImageDecoder.thumbnail(smile, 16);
        assertEquals(16, t.getWidth());
        // edge pixels of the face are partly transparent; their colour must stay yellowish, not darkened
        int darkOpaqueEdges = 0, edges = 0;
        for (int y = 0; y < 16; y++) {
            for (int x = 0; x < 16; x++) {
                int p = t.getRGB(x, y), a = p >>> 24;
                if (a > 20 && a < 235) {
                    edges++;
                    if (((p >> 16) & 255) < 60 && ((p >> 8) & 255) < 60) darkOpaqueEdges++;
                }
            }
        }
        assertTrue(edges > 0);
        assertTrue(darkOpaqueEdges <= edges / 4, darkOpaqueEdges + " of " + edges + " edge pixels dark");
    }
}
