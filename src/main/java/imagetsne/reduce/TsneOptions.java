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
    /** Learning rate; <= 0 means automatic (max(200, n / earlyExaggeration)). */
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
}
