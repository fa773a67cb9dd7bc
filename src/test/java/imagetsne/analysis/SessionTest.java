package imagetsne.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import imagetsne.features.EmojiData;
import imagetsne.features.FeatureKind;
import imagetsne.grid.GridAssigner;
import imagetsne.grid.GridAssignment;
import imagetsne.grid.GridShape;
import imagetsne.io.LayoutJson;
import imagetsne.layout.Item;
import imagetsne.layout.Layout;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The engine's jobs, each on real emoji files: what they return, what they report, and that each stops when cancelled. */
class SessionTest {
    @TempDir static Path tmp;
    static Path folder;
    static final List<String> CATS = List.of("Flags", "Food & Drink", "Smileys & Emotion");

    @BeforeAll static void emojiFolder() throws IOException {
        folder = tmp.resolve("emoji");
        for (Map.Entry<Path, String> e : EmojiData.sample(CATS, 20, 3)) {
            Path dir = Files.createDirectories(folder.resolve(e.getValue().replaceAll("[^A-Za-z]+", "-")));
            Files.copy(e.getKey(), dir.resolve(e.getKey().getFileName()));
        }
    }

    static AnalysisOptions options(Path source) {
        AnalysisOptions o = new AnalysisOptions();
        o.source = source;
        o.noCache = true;
        o.features.kind = FeatureKind.HOG;
        o.tsne.iterations = 400;
        o.tsne.perplexity = 15;
        return o;
    }

    @Test void analyzeReturnsItsPartsAsData() throws Exception {
        Set<Stage> stages = EnumSet.noneOf(Stage.class);
        AtomicInteger ready = new AtomicInteger(), iterations = new AtomicInteger();
        AnalysisResult r = Session.analyze(options(folder)).run(new AnalysisListener() {
            @Override public void stage(Stage stage, String message) { stages.add(stage); }
            @Override public void imageReady(String path, BufferedImage thumbnail) { ready.incrementAndGet(); }
            @Override public void tsneIteration(int iteration, int total, double[] y, int dims) { iterations.incrementAndGet(); }
        }, new CancelToken());
        FeatureSet fs = r.features();
        assertEquals(60, fs.size());
        assertEquals(60, ready.get(), "every thumbnail reported as it came");
        assertEquals(400, iterations.get());
        assertEquals(EnumSet.of(Stage.SCAN, Stage.FEATURES, Stage.PCA, Stage.TSNE, Stage.GRID, Stage.DONE), stages);
        assertEquals("hog", fs.info().kind());
        assertNull(fs.info().model());
        assertEquals(fs.info().dimension(), fs.vectors()[0].length);
        assertEquals(Set.of("Flags", "Food-Drink", "Smileys-Emotion"), new HashSet<>(fs.labels()));
        for (BufferedImage t : fs.thumbnails()) assertEquals(64, Math.max(t.getWidth(), t.getHeight()));
        // the embedding says what was used: PCA to 50 of hog's 2008 dimensions, the asked perplexity (60 points allow 19.7)
        assertEquals(2008, r.embedding().inputDims());
        assertEquals(50, r.embedding().pcaDims());
        assertEquals(15, r.embedding().tsne().perplexity());
        // the layout: normalised points, one distinct cell each, the grid's cost for its shape
        Layout l = r.layout();
        assertEquals(60, l.size());
        Set<Integer> cells = new HashSet<>();
        for (Item it : l.items()) {
            assertTrue(it.x() >= 0 && it.x() <= 1 && it.y() >= 0 && it.y() <= 1, it.toString());
            assertTrue(cells.add(it.row() * l.gridCols() + it.col()), "one image per cell");
        }
        assertEquals(GridShape.choose(60, 1.5), l.gridShape());
        assertEquals(GridAssigner.cost(l.pointsFlat(2), l.gridShape(), r.grid().cellOf()), r.grid().cost(), 1e-9);
        assertTrue(r.seconds().keySet().containsAll(List.of(Stage.FEATURES, Stage.TSNE, Stage.GRID)));
    }

    @Test void rerunReadsNoFile() throws Exception {
        Path copy = tmp.resolve("rerun");
        copyTree(folder, copy);
        AnalysisResult first = Session.analyze(options(copy)).run();
        deleteTree(copy); // the re-run must not need the files
        AnalysisOptions o = options(copy);
        o.tsne.perplexity = 5;
        o.tsne.seed = 9;
        AnalysisResult again = Session.rerun(first.features(), o).run();
        assertEquals(60, again.layout().size());
        assertEquals(5, again.embedding().tsne().perplexity());
        assertEquals(first.layout().get(7).path(), again.layout().get(7).path(), "same images, same order");
        assertFalse(first.layout().get(7).x() == again.layout().get(7).x() && first.layout().get(7).y() == again.layout().get(7).y(),
                "other settings, other points");
    }

    /** A listener that cancels when a stage starts: the job must stop there, whatever the stage. */
    @Test void analyzeStopsWhenCancelledInAnyStage() throws Exception {
        for (Stage at : List.of(Stage.SCAN, Stage.FEATURES, Stage.PCA, Stage.TSNE, Stage.GRID)) {
            CancelToken cancel = new CancelToken();
            List<Stage> seen = new ArrayList<>();
            long t0 = System.nanoTime();
            assertThrows(CancelToken.CancelledException.class, () -> Session.analyze(options(folder)).run(new AnalysisListener() {
                @Override public void stage(Stage stage, String message) {
                    seen.add(stage);
                    if (stage == at) cancel.cancel();
                }
            }, cancel), "cancelled at " + at);
            assertFalse(seen.contains(Stage.DONE), at + ": " + seen);
            assertEquals(at, seen.get(seen.size() - 1), "nothing starts after the cancel: " + seen);
            assertTrue((System.nanoTime() - t0) / 1e9 < 30, "stopped in time at " + at);
        }
    }

    /** Vectors of MNIST's IDX file: its labels found beside it, rows as 28x28 images, a limit kept and said. */
    @Test void vectorsReadAnIdxFileWithItsLabelsAndSayWhenTheyStopShort() throws Exception {
        Path idx = imagetsne.testing.SharedData.mnistImages();
        FeatureSet cut = Session.vectors(idx, null, null, null, 300).run();
        assertEquals(300, cut.size());
        assertEquals("vectors", cut.info().kind());
        assertTrue(cut.info().reason().startsWith("numeric vectors: the first 300 rows of 784 values from images-idx3-ubyte.gz, drawn as 28x28 images, 10 labels"),
                cut.info().reason());
        assertEquals(28, cut.thumbnails().get(0).getWidth());
        assertEquals(300, cut.labels().size());
        FeatureSet all = Session.vectors(idx, null, null, null, 0).run();
        assertEquals(10_000, all.size());
        assertTrue(all.info().reason().startsWith("numeric vectors: 10000 rows"), all.info().reason());
        FeatureSet exact = Session.vectors(idx, null, null, null, 10_000).run();
        assertTrue(exact.info().reason().startsWith("numeric vectors: 10000 rows"), "a limit the file meets cuts nothing: " + exact.info().reason());
    }

    @Test void loadReadsThumbnailsAndMakesAMissingGrid() throws Exception {
        AnalysisResult r = Session.analyze(options(folder)).run();
        // a layout without grid cells, one image gone
        Layout noGrid = Layout.of(r.layout().items().stream().map(Item::path).toList(), null, r.layout().pointsFlat(2), 2);
        Path json = tmp.resolve("load.json");
        LayoutJson.write(noGrid, json);
        Path gone = Path.of(noGrid.get(3).path());
        Path moved = tmp.resolve("moved.png");
        Files.move(gone, moved);
        try {
            List<Integer> thumbs = new ArrayList<>();
            Layout[] early = new Layout[1];
            LoadedLayout loaded = Session.load(json, 2.0, 32, 2).run(new AnalysisListener() {
                @Override public void layoutRead(Layout layout) { early[0] = layout; }
                @Override public synchronized void thumbnailReady(int index, BufferedImage thumbnail) { thumbs.add(index); }
            }, new CancelToken());
            assertNotNull(early[0], "the layout is reported before the thumbnails");
            assertEquals(59, thumbs.size());
            assertEquals(List.of(gone.toString()), loaded.missing());
            assertNull(loaded.thumbnails().get(3));
            assertEquals(32, Math.max(loaded.thumbnails().get(0).getWidth(), loaded.thumbnails().get(0).getHeight()));
            assertTrue(loaded.layout().hasGrid());
            assertEquals(GridShape.choose(60, 2.0), loaded.layout().gridShape());
            assertTrue(loaded.layout().get(3).missing(), "kept, marked missing");
            // cancelled while the thumbnails come in
            CancelToken cancel = new CancelToken();
            assertThrows(CancelToken.CancelledException.class, () -> Session.load(json, 2.0, 32, 1).run(new AnalysisListener() {
                @Override public void thumbnailReady(int index, BufferedImage thumbnail) { cancel.cancel(); }
            }, cancel));
        } finally {
            Files.move(moved, gone);
        }
    }

    @Test void gridAndPosterJobs() throws Exception {
        AnalysisResult r = Session.analyze(options(folder)).run();
        GridAssignment square = Session.grid(r.layout(), new GridShape(8, 8), GridAssigner.Mode.EXACT).run();
        Layout l = r.layout().withGrid(square);
        assertEquals(new GridShape(8, 8), l.gridShape());
        assertEquals(r.layout().get(0).x(), l.get(0).x(), "withGrid keeps the points");
        Path png = tmp.resolve("poster.png");
        assertEquals(png, Session.poster(l, r.features().thumbnails(), true, 640, png).run());
        BufferedImage img = ImageIO.read(png.toFile());
        assertEquals(640, img.getWidth());
        assertEquals(640, img.getHeight(), "an 8 x 8 grid's poster is square");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Session.poster(l, List.of(), true, 5, png));
        assertTrue(e.getMessage().startsWith("poster size must be"), e.getMessage());
    }

    @Test void optionsAreCheckedBeforeAnyWork() {
        AnalysisOptions o = options(folder);
        o.tsne.perplexity = -2;
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Session.analyze(o));
        assertEquals("perplexity must be > 0 (is -2.0)", e.getMessage());
        o.tsne.perplexity = 30;
        o.pcaDims = -1;
        e = assertThrows(IllegalArgumentException.class, () -> Session.analyze(o));
        assertEquals("PCA dimensions must be >= 0, 0 for none (is -1)", e.getMessage());
    }

    static void copyTree(Path from, Path to) throws IOException {
        try (var s = Files.walk(from)) {
            for (Path p : s.toList()) {
                Path t = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) Files.createDirectories(t);
                else Files.copy(p, t);
            }
        }
    }

    static void deleteTree(Path p) throws IOException {
        try (var s = Files.walk(p)) {
            for (Path f : s.sorted(java.util.Comparator.reverseOrder()).toList()) Files.delete(f);
        }
    }
}
