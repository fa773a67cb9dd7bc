package imagetsne.reduce;

import imagetsne.reduce.tsne.Affinities;
import imagetsne.reduce.tsne.ApproxKnn;
import imagetsne.reduce.tsne.BarnesHut2D;
import imagetsne.reduce.tsne.BarnesHutRepulsion;
import imagetsne.reduce.tsne.ExactRepulsion;
import imagetsne.reduce.tsne.FftRepulsion;
import imagetsne.reduce.tsne.Initialization;
import imagetsne.reduce.tsne.Kernels;
import imagetsne.reduce.tsne.KlDivergence;
import imagetsne.reduce.tsne.Neighbors;
import imagetsne.reduce.tsne.Optimizer;
import imagetsne.reduce.tsne.Parallel;
import imagetsne.reduce.tsne.Repulsion;
import imagetsne.reduce.tsne.SparseP;
import imagetsne.reduce.tsne.VpTree;
import java.util.ArrayList;
import java.util.List;

/**
 * Entry point of the t-SNE engine (Barnes-Hut, exact and FFT-interpolated repulsion). Phases, one class
 * each in imagetsne.reduce.tsne: neighbours (VpTree / ApproxKnn), affinities, initialisation, optimiser
 * with a Repulsion strategy, KL divergence.
 */
public final class Tsne {
    private Tsne() {}

    /**
     * Embeds the rows of x. Perplexity too large for n is clamped (message in the result).
     * Same seed and options give the same result. The listener may stop the run (cancelled = true).
     */
    public static TsneResult run(double[][] x, TsneOptions options, TsneListener listener) {
        long t0 = System.nanoTime();
        TsneOptions o = options.copy();
        if (listener == null) listener = TsneListener.NONE;
        if (o.dims < 1) throw new IllegalArgumentException("t-SNE: dims must be >= 1, got " + o.dims);
        if (!(o.perplexity > 0)) throw new IllegalArgumentException("t-SNE: perplexity must be > 0, got " + o.perplexity);
        if (o.theta < 0) throw new IllegalArgumentException("t-SNE: theta must be >= 0, got " + o.theta);
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
        List<String> notes = new ArrayList<>();
        if (n < 2) {
            // nothing to arrange: a single point sits at the origin
            listener.onIteration(o.iterations, o.iterations, new double[n * dims], 0);
            return new TsneResult(new double[n * dims], n, dims, 0, seconds(t0), false,
                    n == 0 ? "no points" : "one point: placed at the origin");
        }
        double maxPerplexity = (n - 1) / 3.0;
        if (o.perplexity > maxPerplexity) {
            notes.add(String.format("perplexity %.4g too large for %d points, clamped to %.4g", o.perplexity, n, maxPerplexity));
            o.perplexity = maxPerplexity;
        }

        TsneOptions.Repulsion mode = pickRepulsion(o, n);
        if (mode == TsneOptions.Repulsion.FFT && dims != 2) {
            notes.add("FFT repulsion is 2-D only: using Barnes-Hut for " + dims + "-D");
            mode = TsneOptions.Repulsion.BARNES_HUT;
        }
        try (Parallel par = new Parallel(o.threads)) {
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
            long tk = System.nanoTime();
            Neighbors nn = neighbours(flat, n, d, k, o, exact, par);
            long ta = System.nanoTime();
            SparseP p = Affinities.compute(nn, o.perplexity, par);
            long to = System.nanoTime();
            nn = null; // let the neighbour graph go before the optimiser allocates

            double[] y = join(start);
            if (y == null) y = Initialization.random(n, dims, o.seed);
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
            notes.add(0, String.format("%s repulsion (%s kernel), k=%d, learning rate %d; times: knn %.2fs, affinities %.2fs, init %.2fs, optimise %.2fs",
                    mode.name().toLowerCase().replace('_', '-'), Kernels.name(), k, Math.round(lr),
                    (ta - tk) / 1e9, (to - ta) / 1e9, (ti - to) / 1e9, (te - ti) / 1e9));
            if (n >= 5_000 && Kernels.name().equals("scalar")) {
                notes.add("SIMD kernel off: start java with --add-modules jdk.incubator.vector for ~1.25x faster t-SNE");
            }
            if (out.cancelled()) notes.add("cancelled at iteration " + out.iterations());
            return new TsneResult(y, n, dims, kl, seconds(t0), out.cancelled(), String.join("; ", notes));
        }
    }

    static TsneOptions.Repulsion pickRepulsion(TsneOptions o, int n) {
        if (o.repulsion != TsneOptions.Repulsion.AUTO) return o.repulsion;
        if (o.theta == 0) return TsneOptions.Repulsion.EXACT;
        if (o.dims == 2 && n >= o.fftFrom) return TsneOptions.Repulsion.FFT;
        return TsneOptions.Repulsion.BARNES_HUT;
    }

    /** Exact VP-tree search for small inputs (and exact mode), RP-forest + refinement for large ones. */
    public static Neighbors neighbours(double[] x, int n, int d, int k, TsneOptions o, boolean forceExact, Parallel par) {
        boolean exact = forceExact || o.knn == TsneOptions.Knn.EXACT
                || (o.knn == TsneOptions.Knn.AUTO && n < o.knnExactBelow);
        return exact ? VpTree.knn(x, d, k, o.seed, par) : new ApproxKnn().knn(x, d, k, o.seed, par);
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
