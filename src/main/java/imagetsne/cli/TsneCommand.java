package imagetsne.cli;

import imagetsne.io.AtomicFiles;
import imagetsne.io.CsvMatrix;
import imagetsne.reduce.Pca;
import imagetsne.reduce.Tsne;
import imagetsne.reduce.TsneOptions;
import imagetsne.reduce.TsneResult;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "tsne", mixinStandardHelpOptions = true,
        description = "t-SNE of a numeric CSV (one row per item; header and a label column allowed) or an IDX images file (.gz allowed).")
final class TsneCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "INPUT", description = "numeric CSV or IDX images file")
    Path input;
    @Option(names = {"-o", "--output"}, required = true, paramLabel = "coords.csv", description = "output CSV with header x,y (or x,y,z), one row per input row")
    Path output;
    @Option(names = "--labels", paramLabel = "FILE", description = "labels (IDX label file or one per line) to report the layout's 10-NN accuracy")
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
        AtomicFiles.checkWritable(output); // before the work, not after it
        TsneOptions o = new TsneOptions();
        flags.applyTo(o);
        Inputs.Matrix m = Inputs.read(input, n);
        String[] lab = labels != null ? Inputs.labels(labels, n) : m.labels();
        if (lab != null && lab.length < m.rows().length)
            throw new IllegalArgumentException("usage: " + (labels != null ? labels : input) + " has " + lab.length + " labels for " + m.rows().length + " rows");
        long t0 = System.nanoTime();
        int d = m.rows()[0].length;
        double[][] x;
        if (flags.pcaDims > 0 && d > flags.pcaDims) {
            x = Pca.reduce(m.rows(), flags.pcaDims);
            if (!quiet) System.err.printf(java.util.Locale.ROOT, "PCA %d -> %d dims in %.2f s%n", d, x[0].length, AnalyzeCommand.secs(t0));
        } else {
            x = new double[m.rows().length][];
            for (int i = 0; i < x.length; i++) { x[i] = new double[d]; for (int j = 0; j < d; j++) x[i][j] = m.rows()[i][j]; }
        }
        int[] step = {0};
        TsneResult r = Tsne.run(x, o, (it, total, y, kl) -> {
            if (!quiet && (it % 100 == 0 || it == total)) System.err.println("  iteration " + it + "/" + total + (Double.isNaN(kl) ? "" : " kl=" + AnalyzeCommand.fmt(kl)));
            step[0] = it;
            return true;
        });
        double seconds = AnalyzeCommand.secs(t0);
        if (r.message() != null && !r.message().isBlank() && !quiet) System.err.println(r.message());
        double[][] rows = new double[r.n()][];
        for (int i = 0; i < r.n(); i++) rows[i] = r.row(i);
        CsvMatrix.write(output, o.dims == 3 ? new String[] {"x", "y", "z"} : new String[] {"x", "y"}, rows);
        if (lab != null && !quiet) {
            System.err.println("10-NN accuracy of the layout: " + AnalyzeCommand.fmt(imagetsne.reduce.Quality.knnAccuracy(r.y(), r.dims(), codes(lab, r.n()), 10)));
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
