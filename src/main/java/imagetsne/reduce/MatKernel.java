package imagetsne.reduce;

/**
 * The two float matrix products PCA is made of, on row-major arrays. Right-hand matrices and outputs
 * have a width p that is a multiple of {@link #WIDTH} (zero-padded), and row ranges come in fours, so the
 * SIMD kernel needs no tails.
 */
interface MatKernel {
    /** Widths handed to the kernels are multiples of this (64 floats: four AVX-512 registers). */
    int WIDTH = 64;

    /**
     * y[i - y0][0..p) += sum over j < d of a[i][j] w[j][0..p), for rows i in [i0, i1), both multiples of 4
     * (a is padded with zero rows). a has row stride sa, w and y have stride p; y's first row is a's row y0.
     */
    void mul(float[] a, int sa, int d, int i0, int i1, float[] w, int p, float[] y, int y0);

    /**
     * z[j][0..p) += sum over i in [i0, i1) of a[i][j] y[i - y0][0..p), for j in [j0, j1): a transposed times y.
     * j0 and j1 are multiples of 4 and at most sa; y and z have stride p; y's first row is a's row y0.
     */
    void mulTransposed(float[] a, int sa, int i0, int i1, int j0, int j1, float[] y, int y0, int p, float[] z);

    /**
     * Writes to hits the columns c in [0, cols) (a multiple of {@link #WIDTH}) where ni + norm[base + c] -
     * 2 y[off + c] < bound, in increasing order; returns how many: the candidates of a nearest-neighbour
     * scan over dot products y.
     */
    int below(float[] y, int off, float[] norm, int base, int cols, float ni, float bound, int[] hits);

    String name();

    /**
     * Gets the products and the neighbour scan compiled before they meet real work: calls on an 8 x 8
     * matrix until they run at compiled speed (a few thousand, ~0.2-0.5 s of one core, at most 20,000).
     * Until the JIT's optimising compiler has them the Vector API runs ~100x slower, and a first PCA of
     * 10,000 MNIST digits took 3 s instead of 0.3 s: the tile's loop is too short for the JIT to switch
     * to compiled code inside it. Every loop of the calls turns at least twice: a loop seen to run once is
     * compiled as one that never turns, and the first real product then fell back to the slow code until
     * the JIT had compiled it again.
     */
    static void warmUp(MatKernel k) {
        int n = 8, sa = 8, p = 2 * WIDTH;
        float[] a = new float[n * sa], w = new float[sa * p], y = new float[n * p], z = new float[sa * p], norm = new float[p];
        int[] hits = new int[p];
        for (int i = 0; i < a.length; i++) a[i] = (i % 7) - 3;
        for (int i = 0; i < w.length; i++) w[i] = (i % 5) * 0.01f;
        for (int round = 0; round < 200; round++) {
            long t0 = System.nanoTime();
            for (int c = 0; c < 100; c++) {
                k.mul(a, sa, sa, 0, n, w, p, y, 0);
                k.mulTransposed(a, sa, 0, n, 0, sa, y, 0, p, z);
                k.below(y, 0, norm, 0, p, c, 1f, hits);
            }
            // compiled, 100 rounds of both take ~10 us; interpreted, ~10 ms
            if (round >= 15 && System.nanoTime() - t0 < 200_000) return;
            java.util.Arrays.fill(y, 0);
            java.util.Arrays.fill(z, 0);
        }
    }

    /**
     * The SIMD kernel when the JVM runs with --add-modules jdk.incubator.vector, else the scalar one (also
     * forced by -Dimagetsne.scalar=true, as for t-SNE's kernel).
     */
    static MatKernel best() {
        if (Boolean.getBoolean("imagetsne.scalar") || ModuleLayer.boot().findModule("jdk.incubator.vector").isEmpty()) {
            return Scalar.INSTANCE;
        }
        try {
            return (MatKernel) Class.forName("imagetsne.reduce.VectorMatKernel").getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException | LinkageError e) {
            return Scalar.INSTANCE;
        }
    }

    /** Plain Java: row updates the JIT vectorises; zeros (most of a digit's pixels) are skipped. */
    final class Scalar implements MatKernel {
        static final Scalar INSTANCE = new Scalar();

        @Override
        public void mul(float[] a, int sa, int d, int i0, int i1, float[] w, int p, float[] y, int y0) {
            for (int i = i0; i < i1; i++) {
                int yi = (i - y0) * p;
                for (int j = 0; j < d; j++) {
                    float s = a[i * sa + j];
                    if (s != 0) axpy(s, w, j * p, y, yi, p);
                }
            }
        }

        @Override
        public void mulTransposed(float[] a, int sa, int i0, int i1, int j0, int j1, float[] y, int y0, int p, float[] z) {
            for (int i = i0; i < i1; i++) {
                for (int j = j0; j < j1; j++) {
                    float s = a[i * sa + j];
                    if (s != 0) axpy(s, y, (i - y0) * p, z, j * p, p);
                }
            }
        }

        @Override
        public int below(float[] y, int off, float[] norm, int base, int cols, float ni, float bound, int[] hits) {
            int h = 0;
            for (int c = 0; c < cols; c++) if (ni + norm[base + c] - 2 * y[off + c] < bound) hits[h++] = c;
            return h;
        }

        private static void axpy(float s, float[] x, int xo, float[] y, int yo, int len) {
            for (int c = 0; c < len; c++) y[yo + c] += s * x[xo + c];
        }

        @Override
        public String name() { return "scalar"; }
    }
}
