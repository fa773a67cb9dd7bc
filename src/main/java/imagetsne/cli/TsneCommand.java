package imagetsne.cli;

import imagetsne.analysis.CancelToken;
import imagetsne.analysis.Embedding;
import imagetsne.analysis.Session;
import imagetsne.io.AtomicFiles;
import imagetsne.io.CsvMatrix;
import imagetsne.io.Vectors;
import imagetsne.reduce.Pca;
import imagetsne.reduce.tsne.Quality;
import imagetsne.reduce.tsne.Tsne;
import imagetsne.reduce.tsne.TsneOptions;
import imagetsne.reduce.tsne.TsneResult;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "tsne", mixinStandardHelpOptions = true, abbreviateSynopsis = true,
        description = "t-SNE of a numeric CSV (one row per item; header and a label column allowed) or an IDX images file (.gz allowed).")
final class TsneCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "INPUT", description = "numeric CSV, an Embedding Projector TSV, or an IDX images file")
    Path input;
    @Option(names = {"-o", "--output"}, required = true, paramLabel = "coords.csv", description = "output CSV with header x,y (or x,y,z), one row per input row")
    Path output;
    @Option(names = "--labels", paramLabel = "FILE", description = "labels (an IDX label file, a metadata TSV, or one per line) to report the layout's 10-NN accuracy; default: the labels file beside IDX or TSV data")
    Path labels;
    @Option(names = "-n", description = "use the first N rows only (default: all)", defaultValue = "0")
    int n;
    @Option(names = {"-q", "--quiet"}, description = "no progress output")
    boolean quiet;
    @Option(names = "--verbose", description = "stack traces on errors")
    boolean verbose;
    @Mixin
    TsneFlags flags = new TsneFlags();

    @Override public Integer call() throws Exception {
        TsneOptions o = flags.options();
        AtomicFiles.checkWritable(output); // before the work, not after it
        if (flags.pcaDims > 0) Pca.prepare(); // compiles the PCA's SIMD products while the input is read
        Tsne.prepare(); // and the t-SNE's sums
        // the same reader as the sketch's "load vectors": CSV, the Projector's TSV, IDX (with its labels beside it)
        Vectors m = Vectors.read(input, labels, null, null, n);
        String[] lab = m.labels() == null ? null : m.labels().toArray(new String[0]);
        long t0 = System.nanoTime();
        Embedding e;
        try (Progress progress = new Progress(System.err, quiet)) {
            e = Session.embed(m.matrix(), flags.pcaDims, o).run(progress, new CancelToken());
        }
        double seconds = AnalyzeCommand.secs(t0);
        TsneResult r = e.tsne();
        double[][] rows = new double[r.n()][];
        for (int i = 0; i < r.n(); i++) rows[i] = r.row(i);
        CsvMatrix.write(output, o.dims == 3 ? new String[] {"x", "y", "z"} : new String[] {"x", "y"}, rows);
        if (lab != null && !quiet) {
            System.err.println("10-NN accuracy of the layout: " + AnalyzeCommand.fmt(Quality.knnAccuracy(r.y(), r.dims(), codes(lab, r.n()), 10)));
        }
        System.out.println("tsne n=" + r.n() + " seconds=" + AnalyzeCommand.fmt(seconds) + " kl=" + AnalyzeCommand.fmt(r.kl()));
        return 0;
    }

    private static int[] codes(String[] labels, int n) {
        Map<String, Integer> ids = new HashMap<>();
        int[] out = new int[n];
        for (int i = 0; i < n; i++) out[i] = ids.computeIfAbsent(labels[i], k -> ids.size());
        return out;
    }
}
