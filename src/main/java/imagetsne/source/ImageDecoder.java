package imagetsne.source;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;

/** Decodes any supported file to an 8-bit sRGB BufferedImage (TYPE_INT_ARGB), or says why it cannot. */
public final class ImageDecoder {
    private ImageDecoder() {}

    /** @throws IOException with a short human reason ("not an image", "truncated", "unsupported CMYK ...") */
    public static BufferedImage read(Path file) throws IOException {
        throw new UnsupportedOperationException("TODO features/source helper");
    }

    /** A square-fitted thumbnail (longest side = size), aspect kept, TYPE_INT_ARGB, good quality downscale. */
    public static BufferedImage thumbnail(BufferedImage img, int size) {
        throw new UnsupportedOperationException("TODO features/source helper");
    }
}
