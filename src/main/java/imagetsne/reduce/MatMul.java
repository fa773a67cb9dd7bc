package imagetsne.reduce;

import java.util.stream.IntStream;

/**
 * Parallel float matrix products on row-major arrays, cut into blocks whose boundaries depend on the sizes
 * only: each output element is summed by one task in a fixed order, so results do not depend on the
 * number of threads. Blocks run on the common fork-join pool.
 */
final class MatMul {
    private MatMul() {}

    static final MatKernel KERNEL = MatKernel.best();
    private static volatile Thread warmUp;
    /** Rows per task of {@link #mul}. */
    private static final int ROW_BLOCK = 64;
    /** Output rows per task of {@link #mulTransposed} (a multiple of 4). */
    private static final int COL_BLOCK = 32;
    /**
     * Rows of a summed in registers before they are added to the output: 256 rows of a and y stay in the
     * second-level cache while a task's tiles run over them, and float sums of 256 terms lose little.
     */
    private static final int ROW_CHUNK = 256;
    /**
     * Rows per task of the products on {@link CentredRows} (a multiple of ROW_CHUNK): few enough tasks that
     * their partial sums of A^T Y (sa x p each) stay small, enough that two cores share them evenly.
     */
    private static final int PART = 1024;
    /** Each worker's block of centred rows, reused across tasks. */
    private static final ThreadLocal<float[]> BLOCK = ThreadLocal.withInitial(() -> new float[0]);

    /** Starts compiling the kernel in the background, once per JVM. */
    static void prepare() {
        if (warmUp != null) return;
        synchronized (MatMul.class) {
            if (warmUp != null) return;
            Thread t = new Thread(() -> {
                CentredRows.warmUp();   // first: the centring comes before the products
                MatKernel.warmUp(KERNEL);
            }, "pca-warm-up");
            t.setDaemon(true);
            t.start();
            warmUp = t;
        }
    }

    /** Waits for a warm-up under way; returns at once when none was started. */
    static void awaitStarted() { if (warmUp != null) awaitWarmUp(null); }

    /** Waits for the warm-up (starting it if need be), so real work does not run uncompiled. */
    static void awaitWarmUp() { awaitWarmUp(null); }

    /** Waits for the kernels' warm-up (up to a second in a fresh JVM), giving up when {@code stop} says so. */
    static void awaitWarmUp(java.util.function.BooleanSupplier stop) {
        prepare();
        try {
            while (warmUp.isAlive()) {
                Cancelled.check(stop);
                warmUp.join(20);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** w rounded up to a multiple of {@link MatKernel#WIDTH}. */
    static int padded(int w) { return (w + MatKernel.WIDTH - 1) / MatKernel.WIDTH * MatKernel.WIDTH; }

    /** n rounded up to a multiple of 4, the rows {@link #mul} needs in a (zero-padded). */
    static int rows(int n) { return (n + 3) & ~3; }

    /** a (n x d, row stride sa, {@link #rows}(n) rows) times w (d x p): n x p, padded to rows(n) rows. */
    static float[] mul(float[] a, int n, int sa, int d, float[] w, int p) {
        int rows = rows(n);
        float[] y = new float[rows * p];
        int blocks = (rows + ROW_BLOCK - 1) / ROW_BLOCK;
        IntStream.range(0, blocks).parallel().forEach(b ->
                KERNEL.mul(a, sa, d, b * ROW_BLOCK, Math.min(rows, (b + 1) * ROW_BLOCK), w, p, y, 0));
        return y;
    }

    /** a (n x sa) transposed times y (n x p): sa x p. sa is a multiple of 4. */
    static float[] mulTransposed(float[] a, int n, int sa, float[] y, int p) {
        float[] z = new float[sa * p];
        int blocks = (sa + COL_BLOCK - 1) / COL_BLOCK;
        IntStream.range(0, blocks).parallel().forEach(b -> {
            int j0 = b * COL_BLOCK, j1 = Math.min(sa, j0 + COL_BLOCK);
            for (int i0 = 0; i0 < n; i0 += ROW_CHUNK) KERNEL.mulTransposed(a, sa, i0, Math.min(n, i0 + ROW_CHUNK), j0, j1, y, 0, p, z);
        });
        return z;
    }

    /** The centred rows (n x d) times w (d x p, stride p): n x p, padded to rows(n) rows; rows centred a block at a time. */
    static float[] mul(CentredRows c, float[] w, int p) {
        int n = c.n(), sa = c.sa();
        float[] y = new float[rows(n) * p];
        IntStream.range(0, (n + ROW_CHUNK - 1) / ROW_CHUNK).parallel().forEach(b -> {
            int i0 = b * ROW_CHUNK, i1 = Math.min(n, i0 + ROW_CHUNK);
            float[] a = block(sa);
            c.fill(i0, i1, a);
            KERNEL.mul(a, sa, c.d(), 0, rows(i1 - i0), w, p, y, -i0);
        });
        return y;
    }

    /**
     * The centred rows transposed times y (n x p): sa x p. Each task sums its PART rows; the parts are added
     * in their order, in double.
     */
    static float[] mulTransposed(CentredRows c, float[] y, int p) {
        int n = c.n(), sa = c.sa(), parts = (n + PART - 1) / PART;
        float[][] partial = new float[parts][];
        IntStream.range(0, parts).parallel().forEach(t -> {
            float[] z = new float[sa * p], a = block(sa);
            for (int i0 = t * PART, end = Math.min(n, i0 + PART); i0 < end; i0 += ROW_CHUNK) {
                int i1 = Math.min(end, i0 + ROW_CHUNK);
                c.fill(i0, i1, a);
                for (int j0 = 0; j0 < sa; j0 += COL_BLOCK) KERNEL.mulTransposed(a, sa, 0, i1 - i0, j0, Math.min(sa, j0 + COL_BLOCK), y, -i0, p, z);
            }
            partial[t] = z;
        });
        float[] z = new float[sa * p];
        for (int e = 0; e < z.length; e++) {
            double s = 0;
            for (float[] part : partial) s += part[e];
            z[e] = (float) s;
        }
        return z;
    }

    private static float[] block(int sa) {
        float[] a = BLOCK.get();
        if (a.length < ROW_CHUNK * sa) BLOCK.set(a = new float[ROW_CHUNK * sa]);
        return a;
    }
}
