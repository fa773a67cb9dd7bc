package imagetsne.source;

import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;

import javax.imageio.IIOException;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.stream.FileImageInputStream;
import javax.imageio.stream.ImageInputStream;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ColorModel;
import java.awt.image.DataBuffer;
import java.awt.image.Raster;
import java.io.EOFException;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Decodes any supported file to an 8-bit sRGB BufferedImage (TYPE_INT_ARGB), or says why it cannot. */
public final class ImageDecoder {
    private ImageDecoder() {}

    /**
     * Images above this many pixels are read subsampled by a whole factor, so one huge file cannot exhaust
     * the heap: at most 64 MB as ARGB, far more than thumbnails (64 px) or features (at most 224 px) use.
     */
    public static final long MAX_PIXELS = 16_000_000L;

    /** A decoded image and what the decoder warned about while reading it (empty when the file is intact). */
    public record Decoded(BufferedImage image, List<String> warnings) {}

    /** @throws IOException with a short human reason ("not an image", "truncated", "unsupported CMYK ...") */
    public static BufferedImage read(Path file) throws IOException {
        return decode(file, MAX_PIXELS).image();
    }

    /** As {@link #read(Path)}, reading images above maxPixels subsampled by a whole factor. */
    static BufferedImage read(Path file, long maxPixels) throws IOException {
        return decode(file, maxPixels).image();
    }

    /**
     * As {@link #read(Path)}, with the decoder's warnings. A truncated or damaged JPEG decodes partially
     * (grey where data is missing) and says so only through warnings such as "Corrupt JPEG data: premature
     * end of data segment"; callers that lay such images out should tell the user.
     */
    public static Decoded decode(Path file) throws IOException {
        return decode(file, MAX_PIXELS);
    }

    /**
     * As {@link #decode(Path)}, but keeping only what a use of {@code minSide} pixels needs: the decoder
     * reads every n-th pixel for the largest n that leaves the shorter side at least minSide. A 12 MP
     * photo for 448 px of CNN input then costs about half the decoding time, and a fraction of the heap.
     */
    public static Decoded decode(Path file, int minSide) throws IOException {
        return decode(file, MAX_PIXELS, minSide);
    }

    static Decoded decode(Path file, long maxPixels) throws IOException {
        return decode(file, maxPixels, 0);
    }

    private static Decoded decode(Path file, long maxPixels, int minSide) throws IOException {
        BasicFileAttributes attrs;
        try {
            attrs = Files.readAttributes(file, BasicFileAttributes.class);
        } catch (NoSuchFileException e) {
            throw new IOException(Files.isSymbolicLink(file) ? "broken symbolic link" : "file not found");
        } catch (AccessDeniedException e) {
            throw new IOException("permission denied");
        } catch (IOException e) {
            throw new IOException("cannot read: " + oneLine(e));
        }
        if (!attrs.isRegularFile()) throw new IOException(attrs.isDirectory() ? "a folder, not an image file" : "not a regular file");
        if (attrs.size() == 0) throw new IOException("empty file (0 bytes)");
        try (ImageInputStream in = open(file)) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) throw new IOException("not an image (unknown format)");
            ImageReader reader = readers.next();
            Set<String> warnings = new LinkedHashSet<>(); // libjpeg repeats some warnings
            try {
                reader.setInput(in, true, false);
                reader.addIIOReadWarningListener((source, warning) -> warnings.add(oneLine(warning)));
                BufferedImage img = readFirst(reader, maxPixels, minSide);
                return new Decoded(img, List.copyOf(warnings));
            } finally {
                reader.dispose();
            }
        } catch (IOException e) {
            throw new IOException(reason(e), e);
        } catch (RuntimeException | OutOfMemoryError e) {
            // broken files make some plugins throw unchecked exceptions (array index, NPE...); never let them out
            throw new IOException("cannot decode: " + oneLine(e), e);
        }
    }

    /** Opens with our own reasons: ImageIO reports any failure to open a file as "Can't create cache file!". */
    private static ImageInputStream open(Path file) throws IOException {
        try {
            return new FileImageInputStream(new RandomAccessFile(file.toFile(), "r"));
        } catch (FileNotFoundException e) {
            try {
                Files.newByteChannel(file).close();
            } catch (NoSuchFileException e2) {
                throw new IOException("file not found");
            } catch (AccessDeniedException e2) {
                throw new IOException("permission denied");
            } catch (IOException e2) {
                throw new IOException("cannot open: " + oneLine(e2));
            }
            throw new IOException("cannot open: " + oneLine(e));
        }
    }

    private static BufferedImage readFirst(ImageReader reader, long maxPixels, int minSide) throws IOException {
        int w = reader.getWidth(0), h = reader.getHeight(0);
        if (w <= 0 || h <= 0) throw new IOException("invalid size " + w + "x" + h);
        ImageReadParam param = reader.getDefaultReadParam();
        long pixels = (long) w * h;
        int step = minSide > 0 ? Math.max(1, Math.min(w, h) / minSide) : 1;
        if (pixels > maxPixels) step = Math.max(step, (int) Math.ceil(Math.sqrt((double) pixels / maxPixels)));
        if (step > 1) param.setSourceSubsampling(step, step, 0, 0);
        BufferedImage img;
        try {
            img = reader.read(0, param);
        } catch (IIOException e) {
            String msg = String.valueOf(e.getMessage());
            if (reader.getFormatName().equalsIgnoreCase("jpeg") && msg.contains("Unsupported Image Type")) {
                return readCmykJpeg(reader, param);
            }
            throw e;
        }
        return toArgb(img);
    }

    /** Converts any decoded image to TYPE_INT_ARGB sRGB, treating grey samples as already gamma-encoded. */
    public static BufferedImage toArgb(BufferedImage img) {
        int w = img.getWidth(), h = img.getHeight();
        // whole-buffer ARGB images pass through; sub-images are copied so callers may index the data array
        if (img.getType() == BufferedImage.TYPE_INT_ARGB && img.getRaster().getParent() == null
                && img.getRaster().getDataBuffer().getSize() == w * h) return img;
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
        int[] dst = ((java.awt.image.DataBufferInt) out.getRaster().getDataBuffer()).getData();
        ColorModel cm = img.getColorModel();
        Raster r = img.getRaster();
        int bands = r.getNumBands();
        if (cm.getColorSpace().getType() == ColorSpace.TYPE_GRAY && bands <= 2 && !(cm instanceof java.awt.image.IndexColorModel)) {
            // Java's grey colour space is linear, so getRGB would lighten grey PNGs; viewers show the samples as sRGB
            int bits = cm.getComponentSize(0);
            double scale = 255.0 / ((1L << bits) - 1);
            double ascale = bands == 2 ? 255.0 / ((1L << cm.getComponentSize(1)) - 1) : 0;
            int[] row = new int[w * bands];
            for (int y = 0; y < h; y++) {
                r.getPixels(0, y, w, 1, row);
                for (int x = 0; x < w; x++) {
                    int g = (int) Math.round(row[x * bands] * scale);
                    int a = bands == 2 ? (int) Math.round(row[x * bands + 1] * ascale) : 255;
                    dst[y * w + x] = (a << 24) | (g << 16) | (g << 8) | g;
                }
            }
            return out;
        }
        if (cm.getColorSpace().isCS_sRGB() || cm instanceof java.awt.image.IndexColorModel) {
            img.getRGB(0, 0, w, h, dst, 0, w); // per-pixel colour model conversion, also scales 16-bit samples
            return out;
        }
        Graphics2D g = out.createGraphics(); // other colour spaces (ICC profiles): let Java2D convert
        g.drawImage(img, 0, 0, null);
        g.dispose();
        return out;
    }

    /** ImageIO cannot colour-convert CMYK/YCCK JPEGs: read the raw raster and convert it ourselves (no ICC). */
    private static BufferedImage readCmykJpeg(ImageReader reader, ImageReadParam param) throws IOException {
        int transform = adobeTransform(reader);
        Raster raster = reader.readRaster(0, param);
        if (raster.getNumBands() != 4) {
            throw new IOException("unsupported JPEG colour type (" + raster.getNumBands() + " channels)");
        }
        return cmykToArgb(raster, transform);
    }

    /** CMYK or YCCK samples to sRGB by the naive formula (no ICC profile); transform as in Adobe's APP14 marker. */
    static BufferedImage cmykToArgb(Raster raster, int transform) {
        int w = raster.getWidth(), h = raster.getHeight();
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
        int[] dst = ((java.awt.image.DataBufferInt) out.getRaster().getDataBuffer()).getData();
        int[] row = new int[w * 4];
        for (int y = 0; y < h; y++) {
            raster.getPixels(raster.getMinX(), raster.getMinY() + y, w, 1, row);
            for (int x = 0; x < w; x++) {
                int a = row[4 * x], b = row[4 * x + 1], c = row[4 * x + 2], k = row[4 * x + 3];
                int rr, gg, bb;
                if (transform == 2) {
                    // YCCK: the YCC part decodes to the CMY ink amounts; Adobe stores K inverted
                    double yy = a, cb = b - 128, cr = c - 128;
                    double ci = clamp(yy + 1.402 * cr), mi = clamp(yy - 0.344136 * cb - 0.714136 * cr), yi = clamp(yy + 1.772 * cb);
                    rr = (int) Math.round((255 - ci) * k / 255.0);
                    gg = (int) Math.round((255 - mi) * k / 255.0);
                    bb = (int) Math.round((255 - yi) * k / 255.0);
                } else if (transform == 0) {
                    // Adobe CMYK: samples are stored inverted (255 = no ink)
                    rr = a * k / 255; gg = b * k / 255; bb = c * k / 255;
                } else {
                    // plain CMYK without Adobe marker: 0 = no ink
                    rr = (255 - a) * (255 - k) / 255; gg = (255 - b) * (255 - k) / 255; bb = (255 - c) * (255 - k) / 255;
                }
                dst[y * w + x] = 0xFF000000 | (rr << 16) | (gg << 8) | bb;
            }
        }
        return out;
    }

    private static double clamp(double v) { return v < 0 ? 0 : Math.min(255, v); }

    /** The Adobe APP14 transform flag (0 CMYK, 1 YCbCr, 2 YCCK), or -1 without the marker. */
    private static int adobeTransform(ImageReader reader) {
        try {
            IIOMetadata meta = reader.getImageMetadata(0);
            Node root = meta.getAsTree("javax_imageio_jpeg_image_1.0");
            Node adobe = find(root, "app14Adobe");
            if (adobe == null) return -1;
            NamedNodeMap attrs = adobe.getAttributes();
            Node t = attrs.getNamedItem("transform");
            return t == null ? 0 : Integer.parseInt(t.getNodeValue());
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    private static Node find(Node n, String name) {
        if (name.equals(n.getNodeName())) return n;
        for (Node c = n.getFirstChild(); c != null; c = c.getNextSibling()) {
            Node f = find(c, name);
            if (f != null) return f;
        }
        return null;
    }

    private static String reason(IOException e) {
        Throwable root = e;
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            root = t;
            String m = String.valueOf(t.getMessage()).toLowerCase();
            if (t instanceof EOFException || m.contains("premature") || m.contains("unexpected end")) {
                return "truncated file (" + oneLine(e) + ")";
            }
        }
        if (e.getCause() == null && e.getClass() == IOException.class) return oneLine(e); // our own reasons
        String msg = oneLine(e);
        if (root != e && root.getMessage() != null && !msg.contains(root.getMessage())) msg += ": " + oneLine(root);
        return "corrupt or unsupported image (" + msg + ")";
    }

    private static String oneLine(Throwable t) {
        String m = t.getMessage();
        return oneLine(m == null || m.isBlank() ? t.getClass().getSimpleName() : m);
    }

    private static String oneLine(String m) {
        m = String.valueOf(m).replaceAll("\\s+", " ").trim();
        return m.length() > 160 ? m.substring(0, 160) + "..." : m;
    }

    /** A square-fitted thumbnail (longest side = size), aspect kept, TYPE_INT_ARGB, good quality downscale. */
    public static BufferedImage thumbnail(BufferedImage img, int size) {
        if (size <= 0) throw new IllegalArgumentException("thumbnail size must be > 0");
        int w = img.getWidth(), h = img.getHeight();
        double s = (double) size / Math.max(w, h);
        int tw = Math.max(1, (int) Math.round(w * s)), th = Math.max(1, (int) Math.round(h * s));
        return resize(img, tw, th);
    }

    /**
     * As {@link #thumbnail}, but never larger than the image: an image whose longest side is at most
     * {@code size} comes back at its own size (as TYPE_INT_ARGB). Sprites and posters scale thumbnails
     * when they draw them, so an upscaled copy would only cost memory (a 28x28 digit at 64 px: 5x).
     */
    public static BufferedImage thumbnailAtMost(BufferedImage img, int size) {
        if (size <= 0) throw new IllegalArgumentException("thumbnail size must be > 0");
        if (Math.max(img.getWidth(), img.getHeight()) > size) return thumbnail(img, size);
        BufferedImage argb = toArgb(img);
        return argb == img ? copy(img) : argb;
    }

    /** Resizes to exactly tw x th (aspect not kept) with progressive halving then one bilinear step: no aliasing. */
    public static BufferedImage resize(BufferedImage img, int tw, int th) {
        BufferedImage cur = toArgb(img);
        int w = cur.getWidth(), h = cur.getHeight();
        // halve by exact 2x2 box averaging while more than twice the target: each step is a true area average
        while (w >= 2 * tw && h >= 2 * th) {
            cur = halve(cur);
            w = cur.getWidth();
            h = cur.getHeight();
        }
        if (w == tw && h == th) return cur == img ? copy(cur) : cur;
        BufferedImage out = new BufferedImage(tw, th, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = out.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
        g.setComposite(java.awt.AlphaComposite.Src);
        g.drawImage(cur, 0, 0, tw, th, null);
        g.dispose();
        return out;
    }

    private static BufferedImage copy(BufferedImage img) {
        BufferedImage out = new BufferedImage(img.getWidth(), img.getHeight(), BufferedImage.TYPE_INT_ARGB);
        img.copyData(out.getRaster());
        return out;
    }

    /** 2x2 box average with premultiplied alpha so transparent pixels do not bleed their (often black) colour. */
    private static BufferedImage halve(BufferedImage src) {
        int w = src.getWidth(), h = src.getHeight(), nw = w / 2, nh = h / 2;
        int[] s = ((java.awt.image.DataBufferInt) src.getRaster().getDataBuffer()).getData();
        BufferedImage out = new BufferedImage(nw, nh, BufferedImage.TYPE_INT_ARGB);
        int[] d = ((java.awt.image.DataBufferInt) out.getRaster().getDataBuffer()).getData();
        for (int y = 0; y < nh; y++) {
            int r0 = 2 * y * w, r1 = r0 + w;
            for (int x = 0; x < nw; x++) {
                int p0 = s[r0 + 2 * x], p1 = s[r0 + 2 * x + 1], p2 = s[r1 + 2 * x], p3 = s[r1 + 2 * x + 1];
                int a0 = p0 >>> 24, a1 = p1 >>> 24, a2 = p2 >>> 24, a3 = p3 >>> 24;
                int as = a0 + a1 + a2 + a3;
                if (as == 0) { d[y * nw + x] = 0; continue; }
                int rs = a0 * ((p0 >> 16) & 255) + a1 * ((p1 >> 16) & 255) + a2 * ((p2 >> 16) & 255) + a3 * ((p3 >> 16) & 255);
                int gs = a0 * ((p0 >> 8) & 255) + a1 * ((p1 >> 8) & 255) + a2 * ((p2 >> 8) & 255) + a3 * ((p3 >> 8) & 255);
                int bs = a0 * (p0 & 255) + a1 * (p1 & 255) + a2 * (p2 & 255) + a3 * (p3 & 255);
                int a = (as + 2) / 4, r = (rs + as / 2) / as, g = (gs + as / 2) / as, b = (bs + as / 2) / as;
                d[y * nw + x] = (a << 24) | (r << 16) | (g << 8) | b;
            }
        }
        return out;
    }
}
