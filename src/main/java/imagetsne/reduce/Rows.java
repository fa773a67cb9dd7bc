package imagetsne.reduce;

import java.util.Arrays;

/**
 * An n x d matrix to reduce, handed out a row at a time: float rows as the features come, or unsigned
 * bytes as IDX pixels come. Bytes stay bytes: 70,000 Fashion-MNIST images are 55 MB that way and 220 MB
 * as float rows, which the PCA would only read once more, and which the collector copies while they live.
 */
public abstract class Rows {
    private final int n, d;

    private Rows(int n, int d) {
        if (n < 0 || d < 0) throw new IllegalArgumentException("rows: " + n + " x " + d);
        this.n = n;
        this.d = d;
    }

    /** The rows, referenced, not copied; all must have the same length. */
    public static Rows of(float[][] x) {
        int n = x.length, d = n == 0 ? 0 : x[0].length;
        for (int i = 0; i < n; i++) {
            if (x[i].length != d) throw new IllegalArgumentException("row " + i + " has " + x[i].length + " values, expected " + d);
        }
        return new Floats(x, d);
    }

    /** n rows of d unsigned bytes (0..255) in row-major order, referenced, not copied. */
    public static Rows unsignedBytes(byte[] v, int n, int d) {
        if (v.length < (long) n * d) throw new IllegalArgumentException("rows: " + v.length + " bytes for " + n + " x " + d);
        return new Bytes(v, n, d);
    }

    public final int n() { return n; }

    public final int d() { return d; }

    /** Row i into out[off, off + d). */
    public abstract void copy(int i, float[] out, int off);

    /** The first m rows (m <= n), sharing the values. */
    public abstract Rows first(int m);

    /** The rows as float arrays: these rows themselves, or made once from the bytes and kept. */
    public abstract float[][] floats();

    private static final class Floats extends Rows {
        private final float[][] x;

        Floats(float[][] x, int d) {
            super(x.length, d);
            this.x = x;
        }

        @Override public void copy(int i, float[] out, int off) { System.arraycopy(x[i], 0, out, off, d()); }

        @Override public Rows first(int m) { return m >= n() ? this : new Floats(Arrays.copyOf(x, m), d()); }

        @Override public float[][] floats() { return x; }
    }

    private static final class Bytes extends Rows {
        private final byte[] v;
        private float[][] floats;

        Bytes(byte[] v, int n, int d) {
            super(n, d);
            this.v = v;
        }

        @Override public void copy(int i, float[] out, int off) {
            int d = d();
            for (int j = 0, s = i * d; j < d; j++) out[off + j] = v[s + j] & 0xff;
        }

        @Override public Rows first(int m) { return m >= n() ? this : new Bytes(v, m, d()); }

        @Override public synchronized float[][] floats() {
            if (floats == null) {
                float[][] f = new float[n()][d()];
                for (int i = 0; i < n(); i++) copy(i, f[i], 0);
                floats = f;
            }
            return floats;
        }
    }
}
