package imagetsne.reduce.tsne;

/**
 * t-SNE settings: the one home of their defaults (as in bhtsne and the original app) and of what values
 * are valid ({@link #checkValidity()}); the command line and the panel read both from here. Fluent setters.
 */
public final class TsneOptions {
    public enum Repulsion { AUTO, EXACT, BARNES_HUT, FFT }
    public enum Init { PCA, RANDOM }

    public int dims = 2;
    public double perplexity = 30;
    /** Barnes-Hut accuracy; 0 means exact O(n^2) gradients. */
    public double theta = 0.5;
    public int iterations = 1000;
    /** Learning rate; <= 0 means automatic: max(200, n / earlyExaggeration) as in openTSNE. */
    public double learningRate = 200;
    public double earlyExaggeration = 12;
    public int exaggerationIterations = 250;
    public double momentum = 0.5;
    public double finalMomentum = 0.8;
    public int momentumSwitchIteration = 250;
    public long seed = 42;
    /** Worker threads; <= 0 means all available processors. */
    public int threads = 0;
    public Repulsion repulsion = Repulsion.AUTO;
    public Init init = Init.PCA;

    public enum Knn { AUTO, EXACT, APPROXIMATE }
    /**
     * Neighbour search: AUTO uses the exact brute-force search (SIMD) below knnExactBelow points, else
     * RP-forest + refinement. Measured at 10,000 points in 50-D: exact 0.3-0.5 s, approximate 0.6 s (recall
     * 0.97); at 20,000 exact 1.4 s, approximate 1.1 s.
     */
    public Knn knn = Knn.AUTO;
    public int knnExactBelow = 15_000;
    /**
     * AUTO repulsion uses FFT interpolation for 2-D from this many points on, Barnes-Hut below. Measured
     * at 70,000 Fashion-MNIST points: Barnes-Hut 34.7 s, FFT 43.9 s; FFT's O(n) should win beyond, unmeasured.
     */
    public int fftFrom = 100_000;
    /**
     * Compute the (approximate) KL divergence every this many iterations for the listener; 0 = never, the
     * default: the app's listeners show progress and the layout, not the KL, and at 70,000 points a KL every
     * 50 iterations (bhtsne's habit) cost 2.7 s of a 17 s optimisation. The result's final KL is always computed.
     */
    public int klEvery = 0;
    /** The final KL uses the exact O(n^2) normaliser up to this many points. */
    public int exactKlBelow = 12_000;

    public TsneOptions dims(int v) { dims = v; return this; }
    public TsneOptions perplexity(double v) { perplexity = v; return this; }
    public TsneOptions theta(double v) { theta = v; return this; }
    public TsneOptions iterations(int v) { iterations = v; return this; }
    public TsneOptions learningRate(double v) { learningRate = v; return this; }
    public TsneOptions earlyExaggeration(double v) { earlyExaggeration = v; return this; }
    public TsneOptions seed(long v) { seed = v; return this; }
    public TsneOptions threads(int v) { threads = v; return this; }
    public TsneOptions repulsion(Repulsion v) { repulsion = v; return this; }
    public TsneOptions init(Init v) { init = v; return this; }
    public TsneOptions knn(Knn v) { knn = v; return this; }
    public TsneOptions exaggerationIterations(int v) { exaggerationIterations = v; return this; }
    public TsneOptions momentumSwitchIteration(int v) { momentumSwitchIteration = v; return this; }
    public TsneOptions klEvery(int v) { klEvery = v; return this; }

    /**
     * @throws IllegalArgumentException naming the first setting out of range and its valid range, e.g.
     *                                  "perplexity must be > 0 (is -3)"; callers show it in their own words
     */
    public TsneOptions checkValidity() {
        check(dims == 2 || dims == 3, "dims must be 2 or 3 (is " + dims + ")");
        check(perplexity > 0 && Double.isFinite(perplexity), "perplexity must be > 0 (is " + perplexity + ")");
        check(theta >= 0 && Double.isFinite(theta), "theta must be >= 0, 0 for exact gradients (is " + theta + ")");
        check(iterations >= 1, "iterations must be >= 1 (is " + iterations + ")");
        check(Double.isFinite(learningRate), "learning rate must be a number, <= 0 for automatic (is " + learningRate + ")");
        check(earlyExaggeration >= 1 && Double.isFinite(earlyExaggeration), "early exaggeration must be >= 1 (is " + earlyExaggeration + ")");
        check(exaggerationIterations >= 0, "exaggeration iterations must be >= 0 (is " + exaggerationIterations + ")");
        check(momentum >= 0 && momentum < 1 && finalMomentum >= 0 && finalMomentum < 1, "momentum must be in 0..1");
        return this;
    }

    private static void check(boolean ok, String message) {
        if (!ok) throw new IllegalArgumentException(message);
    }

    /** A copy (the engine clamps perplexity on its own copy). */
    public TsneOptions copy() { return new TsneOptions().copyFrom(this); }

    /** Takes every setting of another. */
    public TsneOptions copyFrom(TsneOptions o) {
        dims = o.dims; perplexity = o.perplexity; theta = o.theta; iterations = o.iterations;
        learningRate = o.learningRate; earlyExaggeration = o.earlyExaggeration;
        exaggerationIterations = o.exaggerationIterations; momentum = o.momentum; finalMomentum = o.finalMomentum;
        momentumSwitchIteration = o.momentumSwitchIteration; seed = o.seed; threads = o.threads;
        repulsion = o.repulsion; init = o.init; knn = o.knn; knnExactBelow = o.knnExactBelow; fftFrom = o.fftFrom;
        klEvery = o.klEvery; exactKlBelow = o.exactKlBelow;
        return this;
    }
}
