package imagetsne.reduce.tsne;

/**
 * The hot loop of Barnes-Hut: one point against an interaction list of masses m_k at (x_k, y_k).
 * Returns z = sum_k m_k w_k and adds sum_k m_k w_k^2 (a - x_k) to out, with w_k = 1 / (1 + |a - x_k|^2).
 * Lists are padded to a multiple of {@link #lanes()} with zero masses.
 */
interface Kernel {
    double sum(double ax, double ay, double[] lx, double[] ly, double[] lm, int size, double[] out);

    /** Pad lists to a multiple of this. */
    int lanes();

    /**
     * The same sum in single precision, for Barnes-Hut: twice the terms per SIMD instruction, and
     * rounding errors (~1e-7 relative) far below the approximation's own (~1e-2). The result and out
     * are still added up in double.
     */
    double sum32(float ax, float ay, float[] lx, float[] ly, float[] lm, int size, double[] out);

    /** Pad single-precision lists to a multiple of this. */
    int lanes32();

    /**
     * Squared Euclidean distance between x[a, a + len) and x[b, b + len), len a multiple of 16: the
     * neighbour search's inner loop.
     */
    float sqDist32(float[] x, int a, int b, int len);

    /**
     * The attraction of rows [from, to) of P in 2-D: out[2i, 2i + 1] = sum_e vals[e] w_e (y_i - y_j) over
     * row i's entries e = rowStart[i] .. rowStart[i + 1], where cols[e] = 2j (where y_j starts in y) and
     * w_e = 1 / (1 + |y_i - y_j|^2). Rows are padded to a multiple of {@link #lanes32()} with zero values.
     */
    void attraction(float[] y, int[] cols, float[] vals, int[] rowStart, int from, int to, float[] out);

    String name();

    /**
     * Gets the sums ready for the JIT before they meet real work: a thousand calls each on a short list,
     * ~40 ms with the class loading. Until compiled, the Vector API runs ~100x slower (each operation is
     * an object): at 10k points the first tree walk used to spend ~0.3 s of CPU in it. The calls pass
     * the JIT's thresholds, but it compiles in the background, when its queue allows. The double sum is
     * left out: only the exact repulsion uses it (the final KL uses sum32, see
     * {@link ExactRepulsion#normaliser}), and warming it up made the JIT compile the Vector API's double
     * fallbacks too, beside the kernel itself, while the PCA and the neighbour search waited for it.
     */
    static void warmUp(Kernel k) {
        // 1,000 calls of 16 SIMD steps each: calls + loop turns pass the optimising compiler's 15,000
        int len = 16 * Math.max(k.lanes(), k.lanes32());
        // x also holds the two 64-float rows of the distance call below (16 floats apart)
        float[] x = new float[Math.max(len, 16 + 64)], y = new float[len], m = new float[len];
        double[] f = new double[2];
        for (int i = 0; i < len; i++) {
            x[i] = i;
            y[i] = 0.5f * i;
            m[i] = 1;
        }
        // attraction: 64 points, each row all of them (len is a multiple of the lanes)
        int pts = 64;
        float[] y2 = new float[2 * pts], out2 = new float[2 * pts], vals = new float[pts * len];
        int[] cols = new int[pts * len], rows = new int[pts + 1];
        for (int i = 0; i < pts; i++) {
            y2[2 * i] = i;
            y2[2 * i + 1] = 0.5f * i;
            rows[i + 1] = (i + 1) * len;
            for (int e = i * len; e < (i + 1) * len; e++) { cols[e] = 2 * (e % pts); vals[e] = 1e-3f; }
        }
        for (int c = 0; c < 1000; c++) {
            if (c % 16 == 0) k.attraction(y2, cols, vals, rows, 0, pts, out2);
            k.sum32(0.25f + c * 1e-6f, -0.5f, x, y, m, len, f);
            k.sqDist32(x, 0, 16, 64);
        }
    }

    /** {@link #warmUp} of the best kernel, once per JVM (the compiled code stays); waits for one under way. */
    static void warmUpOnce() {
        WARM_UP.run();
        try {
            WARM_UP.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException("t-SNE kernel warm-up failed", e.getCause());
        }
    }

    /**
     * Starts {@link #warmUpOnce} on a thread of its own, to overlap it with work that comes before the t-SNE:
     * after the PCA's warm-up when one is under way, since the PCA comes first and both queue for the same
     * compiler thread (side by side, the PCA's kernels were ready ~0.5 s later at 10,000 points). The
     * first caller's {@code first} runs before the sums (a warm-up of what comes before them).
     */
    static void warmUpInBackground(Runnable first) {
        // once: the launcher, the tsne command and each t-SNE of 2,000 points or more all ask for it
        if (!WARM_UP_STARTED.compareAndSet(false, true)) return;
        Thread t = new Thread(() -> {
            imagetsne.reduce.Pca.awaitPrepared();
            first.run();
            WARM_UP.run();
        }, "tsne-warm-up");
        t.setDaemon(true);
        t.start();
    }

    /** Set by the first {@link #warmUpInBackground}. */
    java.util.concurrent.atomic.AtomicBoolean WARM_UP_STARTED = new java.util.concurrent.atomic.AtomicBoolean();

    /** Runs once; a second caller waits for the first. */
    java.util.concurrent.FutureTask<Void> WARM_UP = new java.util.concurrent.FutureTask<>(() -> warmUp(best()), null);

    /**
     * The SIMD kernel when the JVM was started with --add-modules jdk.incubator.vector, else the scalar one
     * (also forced by -Dimagetsne.scalar=true, to compare the two).
     */
    static Kernel best() {
        if (Boolean.getBoolean("imagetsne.scalar") || ModuleLayer.boot().findModule("jdk.incubator.vector").isEmpty()) {
            return Scalar.INSTANCE;
        }
        try {
            return (Kernel) Class.forName("imagetsne.reduce.tsne.VectorKernel").getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException | LinkageError e) {
            return Scalar.INSTANCE;
        }
    }

    /** Plain Java: the division bounds it at about 1.6 ns a term here. */
    final class Scalar implements Kernel {
        static final Scalar INSTANCE = new Scalar();

        @Override
        public double sum(double ax, double ay, double[] lx, double[] ly, double[] lm, int size, double[] out) {
            double fx = 0, fy = 0, z = 0;
            for (int k = 0; k < size; k++) {
                double dx = ax - lx[k], dy = ay - ly[k];
                double w = 1 / (1 + dx * dx + dy * dy);
                double mw = lm[k] * w;
                z += mw;
                mw *= w;
                fx += mw * dx;
                fy += mw * dy;
            }
            out[0] += fx;
            out[1] += fy;
            return z;
        }

        @Override
        public int lanes() { return 1; }

        @Override
        public double sum32(float ax, float ay, float[] lx, float[] ly, float[] lm, int size, double[] out) {
            float fx = 0, fy = 0, z = 0;
            for (int k = 0; k < size; k++) {
                float dx = ax - lx[k], dy = ay - ly[k];
                float w = 1 / (1 + dx * dx + dy * dy);
                float mw = lm[k] * w;
                z += mw;
                mw *= w;
                fx += mw * dx;
                fy += mw * dy;
            }
            out[0] += fx;
            out[1] += fy;
            return z;
        }

        @Override
        public int lanes32() { return 1; }

        @Override
        public float sqDist32(float[] x, int a, int b, int len) {
            float s0 = 0, s1 = 0, s2 = 0, s3 = 0;
            for (int t = 0; t < len; t += 4) {
                float d0 = x[a + t] - x[b + t], d1 = x[a + t + 1] - x[b + t + 1];
                float d2 = x[a + t + 2] - x[b + t + 2], d3 = x[a + t + 3] - x[b + t + 3];
                s0 += d0 * d0;
                s1 += d1 * d1;
                s2 += d2 * d2;
                s3 += d3 * d3;
            }
            return (s0 + s1) + (s2 + s3);
        }

        @Override
        public void attraction(float[] y, int[] cols, float[] vals, int[] rowStart, int from, int to, float[] out) {
            for (int i = from; i < to; i++) {
                float yx = y[2 * i], yy = y[2 * i + 1], fx = 0, fy = 0;
                for (int e = rowStart[i], end = rowStart[i + 1]; e < end; e++) {
                    int j = cols[e];
                    float dx = yx - y[j], dy = yy - y[j + 1];
                    float w = vals[e] / (1 + dx * dx + dy * dy);
                    fx += w * dx;
                    fy += w * dy;
                }
                out[2 * i] = fx;
                out[2 * i + 1] = fy;
            }
        }

        @Override
        public String name() { return "scalar"; }
    }
}
