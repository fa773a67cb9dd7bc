package imagetsne.cli;

import static org.junit.jupiter.api.Assertions.*;

import imagetsne.io.CsvMatrix;
import imagetsne.io.LayoutJson;
import imagetsne.layout.Item;
import imagetsne.layout.Layout;
import imagetsne.poster.Poster;
import imagetsne.reduce.tsne.Quality;
import imagetsne.testing.SharedData;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line end to end, on real data, through the same entry point as the jar. */
class CliTest {
    @TempDir Path dir;

    record Run(int code, String out, String err) {
        String lastLine() { List<String> l = out.lines().toList(); return l.isEmpty() ? "" : l.get(l.size() - 1); }
    }

    static Run cli(String... args) { return cli(null, null, args); }

    /**
     * Runs the command line with stdout and stderr captured. When stderr first shows a line starting with
     * `trigger`, onTrigger runs at once, on the thread that printed it (the analysis waits for it).
     */
    static synchronized Run cli(String trigger, Runnable onTrigger, String... args) {
        PrintStream oldOut = System.out, oldErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream() {
            boolean fired;
            @Override public synchronized void write(byte[] b, int off, int len) {
                super.write(b, off, len);
                if (trigger != null && !fired && ("\n" + toString(StandardCharsets.UTF_8)).contains("\n" + trigger)) {
                    fired = true;
                    onTrigger.run();
                }
            }
        };
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            int code = Cli.run(args);
            return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
    }

    @Test void analyzeEmojiWithHogGroupsCategories() throws IOException {
        // a few hundred real emoji, 40 from each category (the full set is dominated by skin-tone variants)
        Map<String, String> category = new HashMap<>();
        Map<String, Integer> perCategory = new HashMap<>();
        Path src = Files.createDirectories(dir.resolve("emoji"));
        for (String line : Files.readAllLines(SharedData.emojiCsv()).subList(1, 3787)) {
            String[] f = line.split("\",\"");
            String file = f[0].replace("\"", ""), cat = f[1];
            if (cat.equals("Component") || perCategory.merge(cat, 1, Integer::sum) > 40) continue;
            category.put(file, cat);
            Files.copy(SharedData.emojiDir().resolve(file), src.resolve(file));
        }
        Path json = dir.resolve("layout.json"), png = dir.resolve("tsne.png"), grid = dir.resolve("grid.png");
        Run r = cli("analyze", src.toString(), "-o", json.toString(), "--features", "hog", "--max-images", "300",
                "--seed", "3", "--screenshot", png.toString(), "--grid-screenshot", grid.toString(), "--cache-dir", dir.resolve("cache").toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.lastLine().matches("analyze n=300 skipped=0 features=hog seconds=[0-9.]+"), r.lastLine());

        Layout l = LayoutJson.read(json).layout();
        assertEquals(300, l.size());
        assertTrue(l.hasGrid(), "the layout carries grid cells");
        Set<String> cells = new HashSet<>();
        for (Item it : l.items()) assertTrue(cells.add(it.col() + "," + it.row()), "one image per cell");

        // same-category emoji are each other's neighbours far more often than chance (labels shuffled)
        Map<String, Integer> codes = new HashMap<>();
        int[] cat = new int[l.size()];
        for (int i = 0; i < l.size(); i++) cat[i] = codes.computeIfAbsent(category.get(name(l.get(i))), k -> codes.size());
        double[] xy = l.pointsFlat(2);
        double acc = Quality.knnAccuracy(xy, 2, cat, 10);
        java.util.Random rnd = new java.util.Random(1);
        double chance = 0;
        for (int rep = 0; rep < 5; rep++) {
            int[] shuffled = cat.clone();
            for (int i = shuffled.length - 1; i > 0; i--) { int j = rnd.nextInt(i + 1); int t = shuffled[i]; shuffled[i] = shuffled[j]; shuffled[j] = t; }
            chance += Quality.knnAccuracy(xy, 2, shuffled, 10) / 5;
        }
        System.err.println("emoji category 10-NN accuracy " + acc + " vs shuffled " + chance);
        assertTrue(acc > 1.5 * chance && acc > chance + 0.1, "category 10-NN accuracy " + acc + " vs chance " + chance);

        assertNotBlank(ImageIO.read(png.toFile()));
        assertNotBlank(ImageIO.read(grid.toFile()));

        // second run with other t-SNE settings reuses the cached features
        Run again = cli("analyze", src.toString(), "-o", json.toString(), "--features", "hog", "--max-images", "300",
                "--seed", "3", "--perplexity", "10", "--cache-dir", dir.resolve("cache").toString());
        assertEquals(0, again.code(), again.err());
        assertTrue(again.err().contains("300 of 300 feature vectors came from the cache"), again.err());
    }

    private static String name(Item it) { return Path.of(it.path()).getFileName().toString(); }

    private static void assertNotBlank(BufferedImage img) {
        assertNotNull(img);
        int bg = Poster.BACKGROUND.getRGB() & 0xffffff, differ = 0, total = 0;
        for (int y = 0; y < img.getHeight(); y += 3) for (int x = 0; x < img.getWidth(); x += 3) {
            total++;
            if ((img.getRGB(x, y) & 0xffffff) != bg) differ++;
        }
        assertTrue(differ > total / 10, "poster shows images: " + differ + " of " + total + " sampled pixels are not background");
    }

    @Test void badFilesAreSkippedAndListed() throws IOException {
        Path imgs = dir.resolve("imgs");
        Files.createDirectories(imgs.resolve("sub"));
        try (var s = Files.list(SharedData.emojiDir())) {
            for (Path p : s.sorted().limit(30).toList()) Files.copy(p, imgs.resolve(p.getFileName()));
        }
        Files.writeString(imgs.resolve("sub/notes.jpg"), "this is not a jpeg");
        Files.write(imgs.resolve("truncated.png"), java.util.Arrays.copyOf(Files.readAllBytes(imgs.resolve(
                Files.list(imgs).filter(p -> p.toString().endsWith(".png")).sorted().findFirst().orElseThrow().getFileName())), 60));
        Run r = cli("analyze", imgs.toString(), "-o", dir.resolve("l.json").toString(), "--features", "pixels", "--no-cache");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.lastLine().startsWith("analyze n=30 skipped=2 features=pixels"), r.lastLine());
        assertTrue(r.err().contains("notes.jpg") && r.err().contains("truncated.png"), r.err());
    }

    @Test void analyzeErrorsAndExitCodes() throws IOException {
        Path empty = Files.createDirectories(dir.resolve("empty"));
        Files.writeString(empty.resolve("readme.txt"), "no images here");
        Run r = cli("analyze", empty.toString(), "-o", dir.resolve("x.json").toString());
        assertEquals(1, r.code());
        assertTrue(r.err().contains("no images found"), r.err());
        assertFalse(Files.exists(dir.resolve("x.json")));

        Run usage = cli("analyze", dir.resolve("nope").toString(), "-o", dir.resolve("x.json").toString());
        assertEquals(2, usage.code());
        assertTrue(usage.err().contains("not a folder") && !usage.err().contains("at imagetsne"), usage.err());

        // a usage error is one line and where to find help, not the whole help that scrolls the error away
        for (Run bad : List.of(cli("analyze"), cli("analyze", dir.toString(), "-o", dir.resolve("x.json").toString(), "--perplexity", "-3"),
                cli("analyze", dir.toString(), "-o", dir.resolve("x.json").toString(), "--bogus"))) {
            assertEquals(2, bad.code(), bad.err());
            List<String> lines = bad.err().lines().toList();
            assertEquals(2, lines.size(), bad.err());
            assertTrue(lines.get(0).startsWith("error: "), bad.err());
            assertEquals("see: image-tsne-live analyze --help", lines.get(1));
        }
        assertEquals("error: perplexity must be > 0 (is -3.0)", cli("analyze", dir.toString(), "-o", dir.resolve("x.json").toString(),
                "--perplexity", "-3").err().lines().findFirst().orElse(""));
        Run help = cli("analyze", "--help");
        assertEquals(0, help.code());
        assertTrue(help.out().contains("--perplexity") && help.out().contains("--grid-screenshot"), help.out());
        // wrapped at spaces: no option's file name is cut in two
        assertTrue(help.out().lines().noneMatch(l -> l.strip().startsWith("png") || l.strip().startsWith("json")), help.out());
    }

    @Test void tsneAndGridOnMnist() throws IOException {
        Path coords = dir.resolve("coords.csv");
        Run r = cli("tsne", SharedData.mnistImages().toString(), "-n", "1000", "-o", coords.toString(),
                "--labels", SharedData.mnistLabels().toString(), "--iterations", "500");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.lastLine().matches("tsne n=1000 seconds=[0-9.]+ kl=[0-9.]+"), r.lastLine());
        CsvMatrix.Table t = CsvMatrix.read(coords, 0);
        assertArrayEquals(new String[] {"x", "y"}, t.header());
        assertEquals(1000, t.size());
        var m = java.util.regex.Pattern.compile("10-NN accuracy of the layout: ([0-9.]+)").matcher(r.err());
        assertTrue(m.find(), r.err());
        assertTrue(Double.parseDouble(m.group(1)) > 0.8, "10-NN accuracy " + m.group(1));

        Path cells = dir.resolve("cells.csv");
        Run g = cli("grid", coords.toString(), "-o", cells.toString(), "--cols", "40");
        assertEquals(0, g.code(), g.err());
        assertTrue(g.lastLine().matches("grid n=1000 cols=40 rows=25 cost=[0-9.]+ seconds=[0-9.]+"), g.lastLine());
        CsvMatrix.Table c = CsvMatrix.read(cells, 0);
        assertEquals(1000, c.size());
        Set<String> seen = new HashSet<>();
        for (double[] row : c.rows()) assertTrue(seen.add(row[0] + "," + row[1]), "distinct cells");

        assertEquals(2, cli("grid", coords.toString(), "-o", dir.resolve("g.json").toString()).code(), "CSV in, JSON out is a usage error");
    }

    @Test void exportDatasetWritesClassFolders() throws IOException {
        Path out = dir.resolve("digits");
        Run r = cli("export-dataset", SharedData.mnistImages().toString(), "--labels", SharedData.mnistLabels().toString(),
                "--classes", SharedData.root().resolve("datasets/mnist-10k/classes.txt").toString(), "-o", out.toString(), "--limit", "120", "--csv");
        assertEquals(0, r.code(), r.err());
        long pngs;
        try (var s = Files.walk(out)) { pngs = s.filter(p -> p.toString().endsWith(".png")).count(); }
        assertEquals(120, pngs);
        try (var s = Files.list(out)) { assertEquals(11, s.count(), "10 class folders + data.csv"); }
        CsvMatrix.Table t = CsvMatrix.read(out.resolve("data.csv"), 0);
        assertEquals(120, t.size());
        assertEquals(784, t.columns());
        assertNotNull(t.labels());
    }

    /**
     * Building the command line must not look for a class that is in no jar: the app class loader would open
     * every jar of the class path to find it (all 133 of the app's, at each start). picocli's one such lookup
     * is Groovy's closure class; a class path that does hold one shows whether it was looked for.
     */
    @Test void theCommandLineDoesNotLookForGroovy() throws Exception {
        Path src = dir.resolve("src/groovy/lang/Closure.java"), classes = dir.resolve("classes"), marker = dir.resolve("looked-up");
        Files.createDirectories(src.getParent());
        Files.writeString(src, "package groovy.lang; public class Closure { static { try { java.nio.file.Files.writeString("
                + "java.nio.file.Path.of(System.getProperty(\"marker\")), \"loaded\"); } catch (Exception e) { throw new Error(e); } } }");
        assertEquals(0, javax.tools.ToolProvider.getSystemJavaCompiler().run(null, null, null, "-d", classes.toString(), src.toString()));
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Dmarker=" + marker,
                "-cp", classes + java.io.File.pathSeparator + System.getProperty("java.class.path"), Cli.class.getName(), "--version")
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), out);
        assertTrue(out.contains("image-tsne-live"), out);
        assertFalse(Files.exists(marker), "picocli looked up groovy.lang.Closure");
    }
}
