package imagetsne.reduce.tsne;


/**
 * bhtsne's gradient descent: momentum (0.5, then 0.8), per-coordinate gains (+0.2 when the gradient
 * changes sign against the velocity, *0.8 otherwise, at least 0.01), early exaggeration of P, and
 * re-centring after every step. Gradient = exaggeration * attraction - repulsion / Z.
 */
final class Optimizer {
    /** What the run ended with. */
    public record Outcome(int iterations, boolean cancelled, double lastZ) {}

    private Optimizer() {}

    public static Outcome run(SparseP p, double[] y, int dims, double learningRate, TsneOptions o,
                              Repulsion repulsion, TsneListener listener, Parallel par) {
        int n = p.n();
        int len = n * dims;
        double[] velocity = new double[len], gains = new double[len], neg = new double[len], attr = new double[len];
        TreeRepulsion tree = repulsion instanceof TreeRepulsion t && par.threads() > 1 ? t : null;
        java.util.Arrays.fill(gains, 1);
        Attraction attraction = new Attraction(p, dims);
        double z = Double.NaN;
        // once per JVM (the compiled code stays), and not for small runs, which are done sooner than its ~40 ms
        if (n >= 2_000) Kernel.warmUpOnce();
        for (int it = 0; it < o.iterations; it++) {
            double exaggeration = it < o.exaggerationIterations ? o.earlyExaggeration : 1;
            double momentum = it < o.momentumSwitchIteration ? o.momentum : o.finalMomentum;
            attraction.load(y);
            if (tree != null) {
                z = treeStep(tree, attraction, y, n, dims, neg, par);
            } else {
                par.forEach(Attraction.BLOCKS, b -> attraction.block(y, b));
                z = repulsion.compute(y, n, dims, neg);
            }
            final double invZ = 1 / Math.max(z, Double.MIN_NORMAL);
            boolean klNow = o.klEvery > 0 && ((it + 1) % o.klEvery == 0);
            double kl = klNow ? KlDivergence.of(p, y, dims, z, par) : Double.NaN;
            par.forChunks(n, (c, from, to) -> {
                attraction.gather(attr, from, to);
                for (int e = from * dims, end = to * dims; e < end; e++) {
                    double g = exaggeration * attr[e] - neg[e] * invZ;
                    gains[e] = sign(g) != sign(velocity[e]) ? gains[e] + 0.2 : gains[e] * 0.8;
                    if (gains[e] < 0.01) gains[e] = 0.01;
                    velocity[e] = momentum * velocity[e] - learningRate * gains[e] * g;
                    y[e] += velocity[e];
                }
            });
            centre(y, n, dims);
            if (!listener.onIteration(it + 1, o.iterations, y, kl)) return new Outcome(it + 1, true, z);
        }
        return new Outcome(o.iterations, false, z);
    }

    /**
     * Attraction and tree repulsion in one parallel region: the serial tree build, the attraction blocks,
     * then the walk's chunks, handed out in that order to whichever thread is free. So the build runs
     * beside the attraction, and no thread idles at a barrier between the two halves. A walk chunk
     * waits for the build (done long before in practice: the attraction comes first). Z is summed over
     * the chunks in order, as {@link TreeRepulsion#compute} does, so the result is the same to the bit.
     */
    private static double treeStep(TreeRepulsion tree, Attraction attraction, double[] y, int n, int dims,
                                   double[] neg, Parallel par) {
        double[] shares = new double[Parallel.MAX_CHUNKS];
        java.util.concurrent.atomic.AtomicInteger built = new java.util.concurrent.atomic.AtomicInteger();  // 1 ok, 2 failed
        par.forEach(1 + Attraction.BLOCKS + Parallel.MAX_CHUNKS, i -> {
            if (i == 0) {
                try {
                    tree.build(y, n, dims);
                    built.set(1);
                } finally {
                    built.compareAndSet(0, 2);
                }
            } else if (i <= Attraction.BLOCKS) {
                attraction.block(y, i - 1);
            } else {
                while (built.get() == 0) Thread.onSpinWait();
                if (built.get() != 1) return;   // the build's exception surfaces from forEach
                int units = tree.walkUnits(), chunks = Parallel.chunks(units), c = i - 1 - Attraction.BLOCKS;
                if (c < chunks) {
                    shares[c] = tree.walkRange(Parallel.chunkStart(units, chunks, c), Parallel.chunkStart(units, chunks, c + 1), neg);
                }
            }
        });
        double z = 0;
        for (int c = 0, chunks = Parallel.chunks(tree.walkUnits()); c < chunks; c++) z += shares[c];
        return z;
    }

    /** bhtsne's sign: -1, 0 or 1 (Math.signum is a call, not an intrinsic, in Java 17). */
    private static int sign(double v) { return v > 0 ? 1 : v < 0 ? -1 : 0; }

    static void centre(double[] y, int n, int dims) {
        for (int t = 0; t < dims; t++) {
            double m = 0;
            for (int i = 0; i < n; i++) m += y[i * dims + t];
            m /= n;
            for (int i = 0; i < n; i++) y[i * dims + t] -= m;
        }
    }
}
