package imagetsne.sketch;

import imagetsne.cli.S3Flags;
import imagetsne.cli.UsageError;
import imagetsne.source.s3.S3Location;
import java.awt.GraphicsEnvironment;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import processing.core.PApplet;

/** `view [FILE.json|DIR]`: opens the sketch (with no arguments the launcher runs this on images/). */
@Command(name = "view", mixinStandardHelpOptions = true,
        description = "Open the sketch on a layout JSON or a folder of images (default: the bundled images/).%n"
                + "Keys: g grid, +/- or wheel zoom, drag pan, 0 reset, o analyze, l load, s save, p screenshot, h panel, ? help.")
public final class ViewCommand implements Callable<Integer> {
    /** Returned when the window stays open: the launcher must not exit. */
    public static final int KEEP_RUNNING = -1;

    @Parameters(arity = "0..1", paramLabel = "FILE.json|DIR|DATA", description = "a layout to load, a folder to analyze, or numeric vectors to lay out (.csv, .tsv, IDX images)")
    Path target;

    @Option(names = "--analyze", paramLabel = "DIR|s3://bucket/prefix", description = "analyze this folder (or S3 bucket) at start-up")
    String analyze;

    @Mixin
    S3Flags s3 = new S3Flags();

    @Option(names = "--labels", paramLabel = "FILE", description = "vectors: a label per row (IDX labels, a metadata TSV, or one per line); default: a label column, or the labels file beside IDX / TSV data")
    Path labels;

    @Option(names = "--label-column", paramLabel = "NAME", description = "vectors: the label column by header name or 1-based number")
    String labelColumn;

    @Option(names = "--shape", paramLabel = "WxH[xC]", description = "vectors: draw rows as images of this shape (default: a square row length is a grey image; other rows are dots)")
    String shape;

    @Option(names = "--load", paramLabel = "FILE", description = "load this layout JSON at start-up")
    Path load;

    @Option(names = "--renderer", defaultValue = "java2d",
            description = "java2d (default: software sprite rasteriser, fastest without a GPU) or p2d (OpenGL; faster on a real GPU)")
    String renderer;

    @Option(names = "--size", defaultValue = "1200x800", paramLabel = "WxH", description = "window size (default: ${DEFAULT-VALUE})")
    String size;

    @Override public Integer call() {
        SketchOptions o = new SketchOptions();
        Path home = Main.projectHome();
        o.settings = home.resolve("data/settings.json");
        o.renderer = renderer.toLowerCase(Locale.ROOT);
        if (!o.renderer.equals("java2d") && !o.renderer.equals("p2d"))
            throw new UsageError("--renderer must be java2d or p2d");
        String[] wh = size.toLowerCase(Locale.ROOT).split("x");
        try {
            o.width = Integer.parseInt(wh[0]);
            o.height = Integer.parseInt(wh[1]);
        } catch (RuntimeException e) {
            throw new UsageError("--size must look like 1200x800");
        }
        if (analyze != null && S3Location.isS3(analyze)) {
            o.startS3 = UsageError.check(() -> S3Location.parse(analyze));
            o.s3 = UsageError.check(() -> s3.toConfig(0, 42));
        } else if (s3.any()) {
            throw new UsageError("the --s3-* flags are for --analyze s3://...");
        }
        Path start = load != null ? load : analyze != null && o.startS3 == null ? Path.of(analyze) : o.startS3 != null ? null : target;
        if (start == null && o.startS3 == null) {
            start = home.resolve("images");
            o.bundledLayout = home.resolve("data/images-layout.json");
        }
        if (start != null && !Files.exists(start)) throw new UsageError(start + " does not exist");
        String lower = start == null ? "" : start.getFileName().toString().toLowerCase(Locale.ROOT);
        if (start != null && Files.isRegularFile(start) && !lower.endsWith(".json")) {
            o.startVectors = start;
            o.vectorLabels = labels;
            o.labelColumn = labelColumn;
            o.shape = shape;
        } else if (labels != null || labelColumn != null || shape != null) {
            throw new UsageError("--labels, --label-column and --shape are for numeric vectors (a .csv, .tsv or IDX file)");
        }
        o.start = start;
        String what = o.startS3 != null ? analyze : String.valueOf(start);
        if (GraphicsEnvironment.isHeadless()) {
            System.err.println("error: no display to open the sketch on. Headless, run the same job as:");
            System.err.println("  java -jar target/image-tsne-live.jar analyze " + what + " -o layout.json --screenshot tsne.png --grid-screenshot grid.png");
            return 1;
        }
        PApplet.runSketch(new String[] {"Image t-SNE Live"}, new ImageTsneSketch(o));
        return KEEP_RUNNING;
    }
}
