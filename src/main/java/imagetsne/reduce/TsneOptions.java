package imagetsne.reduce;

/** t-SNE settings, defaults as in bhtsne / the original app. Fluent setters. */
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
    /** Neighbour search: AUTO uses the exact VP-tree below knnExactBelow points, else RP-forest + refinement. */
    public Knn knn = Knn.AUTO;
    public int knnExactBelow = 5_000;
    /**
     * AUTO repulsion uses FFT interpolation for 2-D from this many points on, Barnes-Hut below. Measured
     * at 70,000 Fashion-MNIST points: Barnes-Hut 34.7 s, FFT 43.9 s; FFT's O(n) should win beyond, unmeasured.
     */
    public int fftFrom = 100_000;
    /** Compute the (approximate) KL divergence every this many iterations for the listener; 0 = never. */
    public int klEvery = 50;
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

    /** A copy (the engine clamps perplexity on its own copy). */
    public TsneOptions copy() {
        TsneOptions o = new TsneOptions();
        o.dims = dims; o.perplexity = perplexity; o.theta = theta; o.iterations = iterations;
        o.learningRate = learningRate; o.earlyExaggeration = earlyExaggeration;
        o.exaggerationIterations = exaggerationIterations; o.momentum = momentum; o.finalMomentum = finalMomentum;
        o.momentumSwitchIteration = momentumSwitchIteration; o.seed = seed; o.threads = threads;
        o.repulsion = repulsion; o.init = init; o.knn = knn; o.knnExactBelow = knnExactBelow; o.fftFrom = fftFrom;
        o.klEvery = klEvery; o.exactKlBelow = exactKlBelow;
        return o;
    }
}
