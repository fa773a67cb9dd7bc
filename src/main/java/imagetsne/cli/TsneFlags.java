package imagetsne.cli;

import imagetsne.reduce.TsneOptions;
import picocli.CommandLine.Option;

/** t-SNE flags shared by analyze and tsne. */
final class TsneFlags {
    @Option(names = "--perplexity", description = "t-SNE perplexity (default: ${DEFAULT-VALUE}); clamped for small sets", defaultValue = "30")
    double perplexity;
    @Option(names = "--theta", description = "Barnes-Hut accuracy, 0 = exact (default: ${DEFAULT-VALUE})", defaultValue = "0.5")
    double theta;
    @Option(names = "--iterations", description = "gradient descent iterations (default: ${DEFAULT-VALUE})", defaultValue = "1000")
    int iterations;
    @Option(names = "--learning-rate", description = "learning rate; 0 = automatic max(200, n/12) (default: ${DEFAULT-VALUE})", defaultValue = "200")
    double learningRate;
    @Option(names = "--early-exaggeration", description = "early exaggeration (default: ${DEFAULT-VALUE})", defaultValue = "12")
    double earlyExaggeration;
    @Option(names = "--pca-dims", description = "PCA dimensions before t-SNE, 0 = no PCA (default: ${DEFAULT-VALUE})", defaultValue = "50")
    int pcaDims;
    @Option(names = "--dims", description = "output dimensions, 2 or 3 (default: ${DEFAULT-VALUE})", defaultValue = "2")
    int dims;
    @Option(names = "--seed", description = "random seed (default: ${DEFAULT-VALUE})", defaultValue = "42")
    long seed;
    @Option(names = "--threads", description = "worker threads, 0 = all cores (default: ${DEFAULT-VALUE})", defaultValue = "0")
    int threads;
    @Option(names = "--repulsion", description = "auto, exact, barnes-hut or fft (default: ${DEFAULT-VALUE})", defaultValue = "auto")
    String repulsion;

    void applyTo(TsneOptions o) {
        if (dims != 2 && dims != 3) throw new IllegalArgumentException("usage: --dims must be 2 or 3");
        if (perplexity <= 0) throw new IllegalArgumentException("usage: --perplexity must be positive");
        if (theta < 0) throw new IllegalArgumentException("usage: --theta must be >= 0");
        if (iterations < 1) throw new IllegalArgumentException("usage: --iterations must be >= 1");
        o.dims = dims;
        o.perplexity = perplexity;
        o.theta = theta;
        o.iterations = iterations;
        o.learningRate = learningRate;
        o.earlyExaggeration = earlyExaggeration;
        o.seed = seed;
        o.threads = threads;
        o.repulsion = switch (repulsion.toLowerCase(java.util.Locale.ROOT)) {
            case "auto" -> TsneOptions.Repulsion.AUTO;
            case "exact" -> TsneOptions.Repulsion.EXACT;
            case "barnes-hut", "bh" -> TsneOptions.Repulsion.BARNES_HUT;
            case "fft" -> TsneOptions.Repulsion.FFT;
            default -> throw new IllegalArgumentException("usage: --repulsion must be auto, exact, barnes-hut or fft");
        };
    }
}
