package imagetsne.cli;

import imagetsne.reduce.tsne.TsneOptions;
import java.util.Locale;
import picocli.CommandLine.Option;

/**
 * t-SNE flags shared by analyze and tsne. Their defaults are the engine's ({@link TsneOptions}): picocli
 * keeps a field's initial value when the flag is not given, and prints it for ${DEFAULT-VALUE}.
 */
final class TsneFlags {
    private static final TsneOptions D = new TsneOptions();

    @Option(names = "--perplexity", description = "t-SNE perplexity (default: ${DEFAULT-VALUE}); at most (n - 1) / 3 is used")
    double perplexity = D.perplexity;
    @Option(names = "--theta", description = "Barnes-Hut accuracy, 0 = exact (default: ${DEFAULT-VALUE})")
    double theta = D.theta;
    @Option(names = "--iterations", description = "gradient descent iterations (default: ${DEFAULT-VALUE})")
    int iterations = D.iterations;
    @Option(names = "--learning-rate", description = "learning rate; 0 = automatic max(200, n/12) (default: ${DEFAULT-VALUE})")
    double learningRate = D.learningRate;
    @Option(names = "--early-exaggeration", description = "early exaggeration (default: ${DEFAULT-VALUE})")
    double earlyExaggeration = D.earlyExaggeration;
    @Option(names = "--pca-dims", description = "PCA dimensions before t-SNE, 0 = no PCA (default: ${DEFAULT-VALUE})")
    int pcaDims = new imagetsne.analysis.AnalysisOptions().pcaDims;
    @Option(names = "--dims", description = "output dimensions, 2 or 3 (default: ${DEFAULT-VALUE})")
    int dims = D.dims;
    @Option(names = "--seed", description = "random seed (default: ${DEFAULT-VALUE})")
    long seed = D.seed;
    @Option(names = "--threads", description = "worker threads, 0 = all cores (default: ${DEFAULT-VALUE})")
    int threads = D.threads;
    @Option(names = "--repulsion", description = "auto, exact, barnes-hut or fft (default: ${DEFAULT-VALUE})")
    String repulsion = "auto";

    /** The options these flags give; the engine checks them (a complaint is a usage error). */
    TsneOptions options() {
        TsneOptions o = new TsneOptions();
        o.dims = dims;
        o.perplexity = perplexity;
        o.theta = theta;
        o.iterations = iterations;
        o.learningRate = learningRate;
        o.earlyExaggeration = earlyExaggeration;
        o.seed = seed;
        o.threads = threads;
        o.repulsion = switch (repulsion.toLowerCase(Locale.ROOT)) {
            case "auto" -> TsneOptions.Repulsion.AUTO;
            case "exact" -> TsneOptions.Repulsion.EXACT;
            case "barnes-hut", "bh" -> TsneOptions.Repulsion.BARNES_HUT;
            case "fft" -> TsneOptions.Repulsion.FFT;
            default -> throw new UsageError("--repulsion must be auto, exact, barnes-hut or fft (is '" + repulsion + "')");
        };
        return UsageError.check(o::checkValidity);
    }
}
