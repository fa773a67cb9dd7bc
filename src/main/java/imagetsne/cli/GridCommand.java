package imagetsne.cli;

import imagetsne.analysis.CancelToken;
import imagetsne.analysis.Session;
import imagetsne.grid.GridAssigner;
import imagetsne.grid.GridAssignment;
import imagetsne.grid.GridShape;
import imagetsne.io.AtomicFiles;
import imagetsne.io.CsvMatrix;
import imagetsne.io.LayoutJson;
import imagetsne.layout.Item;
import imagetsne.layout.Layout;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "grid", mixinStandardHelpOptions = true, abbreviateSynopsis = true,
        description = "Snap a layout to a grid: every item gets one cell, minimising the sum of squared distances.")
final class GridCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "INPUT", description = "layout JSON, or CSV of points (x,y columns)")
    Path input;
    @Option(names = {"-o", "--output"}, required = true, paramLabel = "OUTPUT", description = ".json: the layout with grid fields (JSON input only); .csv: col,row per input row")
    Path output;
    @Option(names = "--cols", description = "grid columns (default: chosen from n and --aspect)", defaultValue = "0")
    int cols;
    @Option(names = "--rows", description = "grid rows (default: chosen from n and --aspect)", defaultValue = "0")
    int rows;
    @Option(names = "--aspect", description = "aspect ratio width/height for the chosen shape (default: ${DEFAULT-VALUE})", defaultValue = "1.5")
    double aspect;
    @Option(names = "--mode", description = "auto, exact or fast (default: ${DEFAULT-VALUE}: exact up to 2,000 items, beyond within 0.5%% of the optimum)", defaultValue = "auto")
    String mode;
    @Option(names = {"-q", "--quiet"}, description = "no progress output")
    boolean quiet;
    @Option(names = "--verbose", description = "stack traces on errors")
    boolean verbose;

    @Override public Integer call() throws Exception {
        boolean jsonIn = input.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".json");
        boolean jsonOut = output.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".json");
        if (jsonOut && !jsonIn) throw new UsageError("JSON output needs a layout JSON input (a CSV has no image paths)");
        AtomicFiles.checkWritable(output); // before the work, not after it
        Layout layout;
        if (jsonIn) {
            layout = LayoutJson.read(input).layout();
        } else {
            CsvMatrix.Table t = CsvMatrix.read(input, 0);
            if (t.columns() < 2) throw new UsageError("" + input + " needs at least two numeric columns (x,y)");
            List<Item> items = new ArrayList<>(t.size());
            for (int i = 0; i < t.size(); i++) items.add(new Item("row-" + i, null, new double[] {t.rows()[i][0], t.rows()[i][1]}));
            layout = new Layout(items);
            layout.normalise();
        }
        int n = layout.size();
        if (n == 0) throw new UsageError("" + input + " has no items");
        GridShape shape;
        if (cols > 0 || rows > 0) {
            int c = cols > 0 ? cols : (n + rows - 1) / rows;
            int r = rows > 0 ? rows : (n + c - 1) / c;
            if ((long) c * r < n) throw new UsageError("a " + c + "x" + r + " grid has fewer cells than the " + n + " items");
            shape = new GridShape(c, r);
        } else {
            shape = GridShape.choose(n, aspect);
        }
        GridAssigner.Mode m = switch (mode.toLowerCase(Locale.ROOT)) {
            case "auto" -> GridAssigner.Mode.AUTO;
            case "exact" -> GridAssigner.Mode.EXACT;
            case "fast" -> GridAssigner.Mode.FAST;
            default -> throw new UsageError("--mode must be auto, exact or fast (is '" + mode + "')");
        };
        long t0 = System.nanoTime();
        GridAssignment a;
        try (Progress progress = new Progress(System.err, quiet)) {
            a = Session.grid(layout, shape, m).run(progress, new CancelToken());
        }
        double seconds = AnalyzeCommand.secs(t0);
        if (!quiet) System.err.println(a.exact() ? "grid: optimal"
                : Double.isNaN(a.gap()) ? "grid: approximate, no bound computed above " + String.format(Locale.ROOT, "%,d", GridAssigner.APPROX_ABOVE) + " items"
                : String.format(Locale.ROOT, "grid: at most %.2f%% above the optimum (lower bound %.6f)", 100 * a.gap(), a.lowerBound()));
        if (jsonOut) {
            LayoutJson.write(layout.withGrid(a), output);
        } else {
            int[][] out = new int[n][];
            for (int i = 0; i < n; i++) out[i] = new int[] {a.col(i), a.row(i)};
            CsvMatrix.writeInts(output, new String[] {"col", "row"}, out);
        }
        System.out.println("grid n=" + n + " cols=" + shape.cols() + " rows=" + shape.rows() + " cost=" + String.format(Locale.ROOT, "%.6f", a.cost())
                + " seconds=" + AnalyzeCommand.fmt(seconds));
        return 0;
    }
}
