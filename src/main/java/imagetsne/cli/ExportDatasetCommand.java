package imagetsne.cli;

import imagetsne.io.AtomicFiles;
import imagetsne.io.Idx;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import javax.imageio.ImageIO;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "export-dataset", mixinStandardHelpOptions = true, abbreviateSynopsis = true,
        description = "Write an IDX image set (e.g. MNIST) as PNG files in one folder per class, ready for analyze.")
final class ExportDatasetCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "IMAGES_IDX", description = "IDX images file (.gz allowed)")
    Path images;
    @Option(names = "--labels", required = true, paramLabel = "LABELS_IDX", description = "IDX labels file (.gz allowed)")
    Path labels;
    @Option(names = "--classes", paramLabel = "classes.txt", description = "class names, one per line, indexed by label")
    Path classes;
    @Option(names = {"-o", "--output"}, required = true, paramLabel = "DIR", description = "output folder")
    Path output;
    @Option(names = "--limit", description = "only the first N images (default: all)", defaultValue = "0")
    int limit;
    @Option(names = "--csv", description = "also write DIR/data.csv: one row of pixel values per image plus a label column")
    boolean csv;
    @Option(names = "--verbose", description = "stack traces on errors")
    boolean verbose;

    @Override public Integer call() throws Exception {
        long t0 = System.nanoTime();
        Idx.Images imgs = Idx.readImages(images, limit);
        int[] lab = Idx.readLabels(labels, limit);
        if (lab.length < imgs.count()) throw new UsageError("" + labels + " has " + lab.length + " labels for " + imgs.count() + " images");
        List<String> names = classes != null ? Files.readAllLines(classes).stream().map(String::trim).filter(s -> !s.isEmpty()).toList() : List.of();
        Files.createDirectories(output);
        int digits = Integer.toString(imgs.count()).length();
        StringBuilder sb = csv ? new StringBuilder() : null;
        if (csv) {
            for (int k = 0; k < imgs.rows() * imgs.cols(); k++) sb.append('p').append(k).append(',');
            sb.append("label\n");
        }
        for (int i = 0; i < imgs.count(); i++) {
            String cls = lab[i] < names.size() ? names.get(lab[i]) : Integer.toString(lab[i]);
            Path dir = output.resolve(safe(cls));
            Files.createDirectories(dir);
            BufferedImage img = new BufferedImage(imgs.cols(), imgs.rows(), BufferedImage.TYPE_BYTE_GRAY);
            img.getRaster().setDataElements(0, 0, imgs.cols(), imgs.rows(),
                    java.util.Arrays.copyOfRange(imgs.pixels(), i * imgs.rows() * imgs.cols(), (i + 1) * imgs.rows() * imgs.cols()));
            Path png = dir.resolve(String.format(Locale.ROOT, "%0" + digits + "d.png", i));
            AtomicFiles.write(png, out -> ImageIO.write(img, "png", out));
            if (csv) {
                float[] px = imgs.image(i);
                for (float v : px) sb.append((int) v).append(',');
                sb.append(cls.contains(",") ? '"' + cls + '"' : cls).append('\n');
            }
            if ((i + 1) % 5000 == 0) System.err.println("  exported " + (i + 1) + "/" + imgs.count());
        }
        if (csv) AtomicFiles.writeString(output.resolve("data.csv"), sb.toString());
        System.out.println("export-dataset n=" + imgs.count() + " dir=" + output + " seconds=" + AnalyzeCommand.fmt(AnalyzeCommand.secs(t0)));
        return 0;
    }

    private static String safe(String s) {
        String t = s.replaceAll("[^A-Za-z0-9._ -]", "_").trim();
        return t.isEmpty() ? "unlabelled" : t;
    }
}
