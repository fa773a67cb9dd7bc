package imagetsne.io;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/** Reader for the IDX container of MNIST / Fashion-MNIST (unsigned bytes; `.gz` allowed). */
public final class Idx {
    private Idx() {}

    /** An IDX3 image file: count images of rows x cols unsigned bytes. */
    public record Images(int count, int rows, int cols, byte[] pixels) {
        /** Pixel values 0..255 of image i, row-major. */
        public float[] image(int i) {
            int len = rows * cols;
            float[] out = new float[len];
            for (int k = 0; k < len; k++) out[k] = pixels[i * len + k] & 0xff;
            return out;
        }

        /** The first n images (all when n <= 0 or n > count) as rows of 0..255 values. */
        public float[][] asRows(int n) {
            int m = n <= 0 || n > count ? count : n;
            float[][] out = new float[m][];
            for (int i = 0; i < m; i++) out[i] = image(i);
            return out;
        }
    }

    /** Reads the first `limit` images (all when limit <= 0). */
    public static Images readImages(Path file, int limit) throws IOException {
        try (DataInputStream in = open(file)) {
            int magic = in.readInt();
            if (magic != 0x00000803) throw new IOException(file + ": not an IDX image file (magic " + Integer.toHexString(magic) + ", expected 803)");
            int count = in.readInt(), rows = in.readInt(), cols = in.readInt();
            if (count < 0 || rows <= 0 || cols <= 0) throw new IOException(file + ": bad IDX header " + count + "x" + rows + "x" + cols);
            int n = limit > 0 ? Math.min(limit, count) : count;
            byte[] px = new byte[Math.multiplyExact(n, rows * cols)];
            try {
                in.readFully(px);
            } catch (EOFException e) {
                throw new IOException(file + ": truncated IDX file (header says " + count + " images)");
            }
            return new Images(n, rows, cols, px);
        }
    }

    public static Images readImages(Path file) throws IOException { return readImages(file, 0); }

    /** Reads the first `limit` labels (all when limit <= 0). */
    public static int[] readLabels(Path file, int limit) throws IOException {
        try (DataInputStream in = open(file)) {
            int magic = in.readInt();
            if (magic != 0x00000801) throw new IOException(file + ": not an IDX label file (magic " + Integer.toHexString(magic) + ", expected 801)");
            int count = in.readInt();
            int n = limit > 0 ? Math.min(limit, count) : count;
            byte[] b = new byte[n];
            try {
                in.readFully(b);
            } catch (EOFException e) {
                throw new IOException(file + ": truncated IDX label file");
            }
            int[] out = new int[n];
            for (int i = 0; i < n; i++) out[i] = b[i] & 0xff;
            return out;
        }
    }

    public static int[] readLabels(Path file) throws IOException { return readLabels(file, 0); }

    private static DataInputStream open(Path file) throws IOException {
        if (!Files.isRegularFile(file)) throw new IOException(file + ": no such file");
        InputStream raw = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
        if (file.getFileName().toString().endsWith(".gz")) raw = new GZIPInputStream(raw, 1 << 16);
        return new DataInputStream(raw);
    }
}
