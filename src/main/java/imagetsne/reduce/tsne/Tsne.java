package imagetsne.reduce.tsne;

import imagetsne.reduce.KnnGraph;
import java.util.Locale;

/**
 * Entry point of the t-SNE engine (Barnes-Hut, exact and FFT-interpolated repulsion). Phases, one class
 * each in imagetsne.reduce.tsne: neighbours (imagetsne.reduce.KnnGraph / ApproxKnn), affinities, initialisation, optimiser
 * with a Repulsion strategy, KL divergence.
 */
public final class Tsne {
    private Tsne() {}

    /**
     * Embeds the rows of x. A perplexity too large for n is clamped to (n - 1) / 3 (the result says which
     * was used). Same seed and options give the same result. The listener may stop the run (cancelled).
     * @throws IllegalArgumentException for invalid options ({@link TsneOptions#checkValidity()}) or rows
     */
    public static TsneResult run(double[][] x, TsneOptions options, TsneListener listener) { return run(x, options, listener, null); }

    /**
     * The same, abandoned within a chunk of work when {@code stop} says so, in any phase (the neighbour
     * search and the affinities included, which the listener does not see).
     * @throws imagetsne.reduce.Cancelled when stopped
     */
    public static TsneResult run(double[][] x, TsneOptions options, TsneListener listener, java.util.function.BooleanSupplier stop) {
        long t0 = System.nanoTime();
        TsneOptions o = options.copy().checkValidity();
        if (listener == null) listener = TsneListener.NONE;
        int n = x.length;
        int d = n == 0 ? 0 : x[0].length;
        int dims = o.dims;
        double[] flat = new double[n * d];
        for (int i = 0; i < n; i++) {
            if (x[i].length != d) throw new IllegalArgumentException("t-SNE: row " + i + " has " + x[i].length + " values, expected " + d);
            for (int j = 0; j < d; j++) {
                double v = x[i][j];
                if (!Double.isFinite(v)) throw new IllegalArgumentException("t-SNE: row " + i + " has a non-finite value");
                flat[i * d + j] = v;
            }
        }
        if (d == 0) { // no features at all: every point is the same
            d = 1;
            flat = new double[n];
        }
        if (n < 2) {
            // nothing to arrange: a single point sits at the origin
            listener.onIteration(o.iterations, o.iterations, new double[n * dims], 0);
            double s = seconds(t0);
            return new TsneResult(new double[n * dims], n, dims, 0, false, o.iterations, o.perplexity, "none", Kernels.name(), 0, 0,
                    new TsneResult.Timings(0, 0, 0, 0, s));
        }
        // from here on the points are in input-space locality order; y goes back to the caller's order
        int[] order = Locality.order(flat, n, d);
        flat = Locality.rows(flat, d, order);
        TsneListener outer = listener;
        double[] shown = new double[n * dims];
        if (outer != TsneListener.NONE) listener = (it, total, yy, kl) -> outer.onIteration(it, total, Locality.back(yy, dims, order, shown), kl);
        o.perplexity = Math.min(o.perplexity, (n - 1) / 3.0);
        TsneOptions.Repulsion mode = pickRepulsion(o, n);
        if (mode == TsneOptions.Repulsion.FFT && dims != 2) mode = TsneOptions.Repulsion.BARNES_HUT; // FFT is 2-D only
        try (Parallel par = new Parallel(o.threads, stop)) {
            // exact gradients want exact P over all pairs (bhtsne's theta = 0); otherwise k = 3 * perplexity
            boolean exact = mode == TsneOptions.Repulsion.EXACT;
            int k = exact ? n - 1 : Math.max(1, Math.min(n - 1, (int) (3 * o.perplexity)));
            // The PCA start needs only x: it runs on a thread of its own beside the neighbour search, whose
            // two threads leave gaps while the JIT is still compiling (~0.1 s saved at 10k points).
            final double[] input = flat;
            final int inputDims = d;
            java.util.concurrent.CompletableFuture<double[]> start = o.init == TsneOptions.Init.PCA
                    ? java.util.concurrent.CompletableFuture.supplyAsync(() -> Initialization.pca(input, n, inputDims, dims, o.seed),
                            r -> { Thread t = new Thread(r, "tsne-start"); t.setDaemon(true); t.start(); })
                    : java.util.concurrent.CompletableFuture.completedFuture(null);
            // the kernel's warm-up beside the neighbour search (started sooner by prepare()); the optimiser
            // waits for it; not for small runs, which are done sooner than its ~40 ms
            if (n >= 2_000) Kernel.warmUpInBackground(() -> {});
            long tk = System.nanoTime();
            Neighbors nn = neighbours(flat, n, d, k, o, exact, par, stop);
            long ta = System.nanoTime();
            SparseP p = Affinities.compute(nn, o.perplexity, par);
            long to = System.nanoTime();
            nn = null; // let the neighbour graph go before the optimiser allocates

            double[] y = join(start);
            if (y == null) y = Locality.rows(Initialization.random(n, dims, o.seed), dims, order);
            flat = null;
            double lr = o.learningRate > 0 ? o.learningRate : Math.max(200, n / o.earlyExaggeration);
            Repulsion rep = switch (mode) {
                case EXACT -> new ExactRepulsion(par);
                case FFT -> new FftRepulsion(par);
                default -> dims == 2 ? new BarnesHut2D(o.theta, par) : new BarnesHutRepulsion(o.theta, par);
            };
            long ti = System.nanoTime();
            Optimizer.Outcome out = Optimizer.run(p, y, dims, lr, o, rep, listener, par);
            long te = System.nanoTime();
            double kl;
            if (n <= o.exactKlBelow) {
                kl = KlDivergence.exact(p, y, dims, par);
            } else {
                double z = rep.compute(y, n, dims, new double[n * dims]);
                kl = KlDivergence.of(p, y, dims, z, par);
            }
            TsneResult.Timings times = new TsneResult.Timings((ta - tk) / 1e9, (to - ta) / 1e9, (ti - to) / 1e9, (te - ti) / 1e9, seconds(t0));
            return new TsneResult(Locality.back(y, dims, order, new double[n * dims]), n, dims, kl, out.cancelled(), out.iterations(), o.perplexity,
                    mode.name().toLowerCase(Locale.ROOT).replace('_', '-'), Kernels.name(), k, lr, times);
        }
    }

    /**
     * Compiles the SIMD sums in the background, so a t-SNE that follows (after a file is read and a PCA)
     * does not wait for them. Optional: a run of 2,000 points or more compiles them itself otherwise.
     */
    public static void prepare() { Kernel.warmUpInBackground(Tsne::warmUpNeighbours); }

    /**
     * The exact neighbour search and the affinities on 700 random points (~20 ms, mostly interpreted), so
     * that their loops are compiled before a real run's: cold, the two took 0.6-0.7 s of a 10,000-point run
     * against 0.3 s warm. Part of {@link #prepare}'s warm-up (before the input is read), before the
     * kernels'; not of a run's own, which would search beside it.
     */
    private static void warmUpNeighbours() {
        int n = 700, d = 16, k = 30;
        java.util.Random r = new java.util.Random(1);
        double[] x = new double[n * d];
        for (int i = 0; i < x.length; i++) x[i] = r.nextGaussian() + (i / d % 7);   // a few clusters
        try (Parallel par = new Parallel(2)) {
            Affinities.compute(neighbours(x, n, d, k, new TsneOptions(), true, par), k / 3.0, par);
        }
    }

    static TsneOptions.Repulsion pickRepulsion(TsneOptions o, int n) {
        if (o.repulsion != TsneOptions.Repulsion.AUTO) return o.repulsion;
        if (o.theta == 0) return TsneOptions.Repulsion.EXACT;
        if (o.dims == 2 && n >= o.fftFrom) return TsneOptions.Repulsion.FFT;
        return TsneOptions.Repulsion.BARNES_HUT;
    }

    /** Exact brute-force search for small inputs (and exact mode), RP-forest + refinement for large ones. */
    static Neighbors neighbours(double[] x, int n, int d, int k, TsneOptions o, boolean forceExact, Parallel par) {
        return neighbours(x, n, d, k, o, forceExact, par, null);
    }

    static Neighbors neighbours(double[] x, int n, int d, int k, TsneOptions o, boolean forceExact, Parallel par,
                                java.util.function.BooleanSupplier stop) {
        boolean exact = forceExact || o.knn == TsneOptions.Knn.EXACT
                || (o.knn == TsneOptions.Knn.AUTO && n < o.knnExactBelow);
        if (!exact) {
            // its distances are the kernel's (the exact search's are the PCA's products): it waits for the warm-up
            if (n >= 2_000) Kernel.warmUpOnce();
            return new ApproxKnn().knn(x, d, k, o.seed, par);
        }
        KnnGraph.Result r = KnnGraph.exact(x, x.length / d, d, k, stop);
        return new Neighbors(r.n(), r.k(), r.indices(), r.sqDistances());
    }

    private static double[] join(java.util.concurrent.CompletableFuture<double[]> f) {
        try {
            return f.join();
        } catch (java.util.concurrent.CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) throw r;
            if (e.getCause() instanceof Error err) throw err;
            throw e;
        }
    }

    private static double seconds(long t0) { return (System.nanoTime() - t0) / 1e9; }
}
