package imagetsne.bench;

import imagetsne.grid.ClusteredPoints;
import imagetsne.grid.GridAssigner;
import imagetsne.grid.GridAssignment;
import imagetsne.grid.GridShape;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Grid assignment benchmark driver (bench/grid/run.sh calls it).
 *   gen N SEED OUT.csv           clustered stand-in layout, header x,y
 *   shape N                      prints "shape COLS ROWS" (GridShape.choose(n, 1))
 *   solve IN.csv MODE [REPEATS]  MODE exact|fast|auto; reads x,y (renormalised to 0..1), prints
 *                                "result MODE n cols rows seconds cost"
 */
public final class GridBenchmark {
    public static void main(String[] args) throws IOException {
        Locale.setDefault(Locale.ROOT);
        if (args.length == 0) { System.err.println("usage: gen N SEED OUT | shape N | solve IN MODE [REPEATS]"); System.exit(2); }
        switch (args[0]) {
            case "gen" -> {
                int n = Integer.parseInt(args[1]);
                double[] xy = ClusteredPoints.generate(n, Long.parseLong(args[2]));
                Path out = Path.of(args[3]), tmp = out.resolveSibling(out.getFileName() + ".tmp");
                try (BufferedWriter w = Files.newBufferedWriter(tmp)) {
                    w.write("x,y\n");
                    for (int i = 0; i < n; i++) w.write(xy[2 * i] + "," + xy[2 * i + 1] + "\n");
                }
                Files.move(tmp, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            }
            case "shape" -> {
                GridShape s = GridShape.choose(Integer.parseInt(args[1]), 1.0);
                System.out.println("shape " + s.cols() + " " + s.rows());
            }
            case "solve" -> {
                double[] xy = readCsv(Path.of(args[1]));
                ClusteredPoints.normalise(xy);
                int n = xy.length / 2;
                GridShape shape = GridShape.choose(n, 1.0);
                GridAssigner.Mode mode = GridAssigner.Mode.valueOf(args[2].toUpperCase(Locale.ROOT));
                int repeats = args.length > 3 ? Integer.parseInt(args[3]) : 1;
                GridAssignment best = null;
                for (int r = 0; r < repeats; r++) { // best of repeats: the CPU is shared
                    GridAssignment a = GridAssigner.assign(xy, shape, mode);
                    if (best == null || a.seconds() < best.seconds()) best = a;
                }
                check(best, n);
                System.out.printf("result %s %d %d %d %.4f %.10f%n", args[2], n, shape.cols(), shape.rows(), best.seconds(), best.cost());
            }
            default -> { System.err.println("unknown command " + args[0]); System.exit(2); }
        }
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
        List<String> lines = Files.readAllLines(file);
        List<double[]> pts = new ArrayList<>();
        for (int k = 0; k < lines.size(); k++) {
            String line = lines.get(k).trim();
            if (line.isEmpty()) continue;
            String[] f = line.split("[,;\\s]+");
            try {
                pts.add(new double[] {Double.parseDouble(f[0]), Double.parseDouble(f[1])});
            } catch (RuntimeException e) {
                if (k == 0) continue;
                throw new IOException(file + ":" + (k + 1) + ": not an x,y row: " + line);
            }
        }
        double[] xy = new double[2 * pts.size()];
        for (int i = 0; i < pts.size(); i++) { xy[2 * i] = pts.get(i)[0]; xy[2 * i + 1] = pts.get(i)[1]; }
        return xy;
    }
}
