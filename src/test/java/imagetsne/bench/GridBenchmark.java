package imagetsne.bench;

import imagetsne.grid.ClusteredPoints;
import imagetsne.grid.GridAssigner;
import imagetsne.grid.GridAssignment;
import imagetsne.grid.GridShape;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Grid assignment benchmark driver (bench/grid/run.sh calls it).
 *   gen N SEED OUT.csv            clustered stand-in layout, header x,y
 *   jitter IN.csv N SEED OUT.csv  N points drawn from a real layout, each moved by a gaussian of 0.4% of
 *                                 the layout's span (collections larger than any t-SNE run here)
 *   shape N                       prints "shape COLS ROWS": GridShape.choose(n, 1.5), the grid command's default
 *   solve IN.csv MODE [REPEATS [LABEL]]  MODE exact|fast|auto; reads x,y (normalised to 0..1 as the grid
 *                                 command does), prints "result LABEL n cols rows seconds cost lowerBound"
 *                                 (LABEL defaults to MODE)
 */
public final class GridBenchmark {
    /** The grid command's default aspect ratio. */
    static final double ASPECT = 1.5;

    public static void main(String[] args) throws IOException {
        Locale.setDefault(Locale.ROOT);
        if (args.length == 0) { System.err.println("usage: gen N SEED OUT | jitter IN N SEED OUT | shape N | solve IN MODE [REPEATS]"); System.exit(2); }
        switch (args[0]) {
            case "gen" -> write(Path.of(args[3]), ClusteredPoints.generate(Integer.parseInt(args[1]), Long.parseLong(args[2])));
            case "jitter" -> write(Path.of(args[4]), jitter(readCsv(Path.of(args[1])), Integer.parseInt(args[2]), Long.parseLong(args[3])));
            case "shape" -> {
                GridShape s = GridShape.choose(Integer.parseInt(args[1]), ASPECT);
                System.out.println("shape " + s.cols() + " " + s.rows());
            }
            case "solve" -> {
                double[] xy = readCsv(Path.of(args[1]));
                ClusteredPoints.normalise(xy);
                int n = xy.length / 2;
                GridShape shape = GridShape.choose(n, ASPECT);
                GridAssigner.Mode mode = GridAssigner.Mode.valueOf(args[2].toUpperCase(Locale.ROOT));
                int repeats = args.length > 3 ? Integer.parseInt(args[3]) : 1;
                GridAssignment best = null;
                for (int r = 0; r < repeats; r++) { // best of repeats: the CPU is shared
                    GridAssignment a = GridAssigner.assign(xy, shape, mode);
                    if (best == null || a.seconds() < best.seconds()) best = a;
                }
                check(best, n);
                String label = args.length > 4 ? args[4] : args[2];
                System.out.printf("result %s %d %d %d %.4f %.10f %.10f%n", label, n, shape.cols(), shape.rows(), best.seconds(), best.cost(), best.lowerBound());
            }
            default -> { System.err.println("unknown command " + args[0]); System.exit(2); }
        }
    }

    private static double[] jitter(double[] src, int n, long seed) {
        int m = src.length / 2;
        double[] lo = {Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY}, hi = {Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY};
        for (int i = 0; i < m; i++) for (int a = 0; a < 2; a++) { lo[a] = Math.min(lo[a], src[2 * i + a]); hi[a] = Math.max(hi[a], src[2 * i + a]); }
        Random r = new Random(seed);
        double[] out = new double[2 * n];
        for (int i = 0; i < n; i++) {
            int k = r.nextInt(m);
            for (int a = 0; a < 2; a++) out[2 * i + a] = src[2 * k + a] + r.nextGaussian() * 0.004 * (hi[a] - lo[a]);
        }
        return out;
    }

    private static void write(Path out, double[] xy) throws IOException {
        Path tmp = out.resolveSibling(out.getFileName() + ".tmp");
        try (BufferedWriter w = Files.newBufferedWriter(tmp)) {
            w.write("x,y\n");
            for (int i = 0; i < xy.length / 2; i++) w.write(xy[2 * i] + "," + xy[2 * i + 1] + "\n");
        }
        Files.move(tmp, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static void check(GridAssignment a, int n) {
        boolean[] used = new boolean[a.shape().cells()];
        for (int i = 0; i < n; i++) {
            int c = a.cellOf()[i];
            if (c < 0 || c >= used.length || used[c]) throw new IllegalStateException("invalid assignment at point " + i);
            used[c] = true;
        }
    }

    /** x,y per line (first two numeric columns); a non-numeric first line is a header. */
    static double[] readCsv(Path file) throws IOException {
        List<double[]> pts = new ArrayList<>();
        try (BufferedReader in = Files.newBufferedReader(file)) {
            String raw;
            for (int k = 1; (raw = in.readLine()) != null; k++) {
                String line = raw.trim();
                if (line.isEmpty()) continue;
                String[] f = line.split("[,;\\s]+");
                try {
                    pts.add(new double[] {Double.parseDouble(f[0]), Double.parseDouble(f[1])});
                } catch (RuntimeException e) {
                    if (k == 1) continue;
                    throw new IOException(file + ":" + k + ": not an x,y row: " + line);
                }
            }
        }
        double[] xy = new double[2 * pts.size()];
        for (int i = 0; i < pts.size(); i++) { xy[2 * i] = pts.get(i)[0]; xy[2 * i + 1] = pts.get(i)[1]; }
        return xy;
    }
}
