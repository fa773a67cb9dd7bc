package imagetsne.bench;

import imagetsne.io.Idx;
import imagetsne.reduce.Pca;
import imagetsne.reduce.tsne.Quality;
import imagetsne.reduce.tsne.Tsne;
import imagetsne.reduce.tsne.TsneOptions;
import imagetsne.reduce.tsne.TsneResult;
import java.io.BufferedWriter;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Our side of bench/tsne/run.sh. Two modes:
 *   export: IDX images -> PCA-50 CSV (+ labels CSV) so every tool gets the same input
 *   run:    PCA-50 CSV or IDX images -> t-SNE, prints one "RESULT ..." line (seconds, KL, 10-NN accuracy, heap)
 * Usage:
 *   export --images F.gz --labels F.gz -n N --pca 50 --out X.csv --out-labels L.csv
 *   score --coords C.csv --labels L.csv   (prints "SCORE knn10=...")
 *   run (--csv X.csv | --images F.gz -n N --pca 50) --labels L.csv|F.gz [--theta 0.5] [--perplexity 30]
 *       [--iterations 1000] [--threads 2] [--repulsion AUTO] [--lr 200] [--coords out.csv]
 *       [--seed S] [--repeat R]   (R - 1 runs first in the same JVM: the last one shows warm, JIT-compiled timings)
 */
public final class TsneBenchmark {
    public static void main(String[] args) throws IOException {
        Locale.setDefault(Locale.ROOT);
        if (args.length == 0) { System.err.println("usage: export|run ... (see class comment)"); System.exit(2); }
        String mode = args[0];
        if (mode.equals("score")) { // 10-NN accuracy of someone else's coordinates, same metric for every tool
            double[][] c = readCsv(Path.of(opt(args, "--coords", "coords.csv")));
            int[] lab = readLabels(Path.of(opt(args, "--labels", "labels.csv")), c.length);
            double[] flat = new double[c.length * c[0].length];
            for (int i = 0; i < c.length; i++) System.arraycopy(c[i], 0, flat, i * c[0].length, c[0].length);
            System.out.printf("SCORE knn10=%.4f%n", Quality.knnAccuracy(flat, c[0].length, lab, 10));
            return;
        }
        String images = opt(args, "--images", null), labels = opt(args, "--labels", null), csv = opt(args, "--csv", null);
        int n = Integer.parseInt(opt(args, "-n", "0"));
        int pcaDims = Integer.parseInt(opt(args, "--pca", "50"));
        long t0 = System.nanoTime();
        double[][] x;
        double pcaSeconds = 0;
        if (csv != null) {
            x = readCsv(Path.of(csv));
        } else {
            float[][] raw = Idx.readImages(Path.of(images), n).asRows(n);
            long tp = System.nanoTime();
            x = Pca.reduce(raw, pcaDims);
            pcaSeconds = (System.nanoTime() - tp) / 1e9;
        }
        int[] lab = labels == null ? null : readLabels(Path.of(labels), x.length);
        if (mode.equals("export")) {
            writeCsv(Path.of(opt(args, "--out", "x.csv")), x);
            if (lab != null) {
                double[][] l = new double[lab.length][1];
                for (int i = 0; i < lab.length; i++) l[i][0] = lab[i];
                writeCsv(Path.of(opt(args, "--out-labels", "labels.csv")), l);
            }
            System.out.printf("exported n=%d d=%d pca_seconds=%.2f%n", x.length, x[0].length, pcaSeconds);
            return;
        }
        TsneOptions o = new TsneOptions()
                .theta(Double.parseDouble(opt(args, "--theta", "0.5")))
                .perplexity(Double.parseDouble(opt(args, "--perplexity", "30")))
                .iterations(Integer.parseInt(opt(args, "--iterations", "1000")))
                .threads(Integer.parseInt(opt(args, "--threads", "2")))
                .learningRate(Double.parseDouble(opt(args, "--lr", "200")))
                .repulsion(TsneOptions.Repulsion.valueOf(opt(args, "--repulsion", "AUTO")))
                .dims(Integer.parseInt(opt(args, "--dims", "2")));
        if (opt(args, "--knn", null) != null) o.knn = TsneOptions.Knn.valueOf(opt(args, "--knn", null));
        if (opt(args, "--fft-from", null) != null) o.fftFrom = Integer.parseInt(opt(args, "--fft-from", null));
        if (opt(args, "--seed", null) != null) o.seed = Long.parseLong(opt(args, "--seed", null));
        o.klEvery = 0;
        // --repeat R: R - 1 extra runs first in the same JVM (their times on stderr), to see warm timings
        for (int rep = Integer.parseInt(opt(args, "--repeat", "1")); rep > 1; rep--) {
            System.err.println("ours (earlier run): " + Tsne.run(x, o, null).summary());
        }
        TsneResult r = Tsne.run(x, o, null);
        double total = (System.nanoTime() - t0) / 1e9;
        long tq = System.nanoTime();
        double acc = lab == null ? Double.NaN : Quality.knnAccuracy(r.y(), r.dims(), lab, 10);
        System.err.printf("ours: 10-NN accuracy computed in %.2fs%n", (System.nanoTime() - tq) / 1e9);
        if (opt(args, "--coords", null) != null) {
            double[][] rows = new double[r.n()][];
            for (int i = 0; i < r.n(); i++) rows[i] = r.row(i);
            writeCsv(Path.of(opt(args, "--coords", null)), rows);
        }
        System.err.println("ours: " + r.summary());
        System.out.printf("RESULT tool=ours n=%d tsne_seconds=%.2f total_seconds=%.2f pca_seconds=%.2f kl=%.4f knn10=%.4f peak_heap_mb=%d%n",
                r.n(), r.seconds().total(), total, pcaSeconds, r.kl(), acc, peakHeapMb());
    }

    static long peakHeapMb() {
        long sum = 0;
        for (MemoryPoolMXBean b : ManagementFactory.getMemoryPoolMXBeans()) {
            if (b.getType() == MemoryType.HEAP) sum += b.getPeakUsage().getUsed();
        }
        return sum >> 20;
    }

    static String opt(String[] args, String name, String def) {
        for (int i = 0; i + 1 < args.length; i++) if (args[i].equals(name)) return args[i + 1];
        return def;
    }

    static int[] readLabels(Path p, int n) throws IOException {
        if (p.toString().endsWith(".gz") || p.toString().contains("idx")) return Idx.readLabels(p, n);
        double[][] l = readCsv(p);
        int[] out = new int[Math.min(n, l.length)];
        for (int i = 0; i < out.length; i++) out[i] = (int) l[i][0];
        return out;
    }

    static double[][] readCsv(Path p) throws IOException {
        List<double[]> rows = new ArrayList<>();
        for (String line : Files.readAllLines(p)) {
            if (line.isBlank() || Character.isLetter(line.trim().charAt(0))) continue; // header
            String[] f = line.split(",");
            double[] r = new double[f.length];
            for (int j = 0; j < f.length; j++) r[j] = Double.parseDouble(f[j].trim());
            rows.add(r);
        }
        return rows.toArray(new double[0][]);
    }

    /** Atomic write: temp file then rename. */
    static void writeCsv(Path p, double[][] rows) throws IOException {
        Path tmp = p.resolveSibling(p.getFileName() + ".tmp");
        try (BufferedWriter w = Files.newBufferedWriter(tmp)) {
            StringBuilder sb = new StringBuilder();
            for (double[] r : rows) {
                sb.setLength(0);
                for (int j = 0; j < r.length; j++) {
                    if (j > 0) sb.append(',');
                    sb.append((float) r[j]);
                }
                w.write(sb.append('\n').toString());
            }
        }
        Files.move(tmp, p, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
