package imagetsne.sketch;

import imagetsne.analysis.AnalysisListener;
import imagetsne.analysis.AnalysisOptions;
import imagetsne.analysis.AnalysisResult;
import imagetsne.analysis.Analyzer;
import imagetsne.analysis.Stage;
import imagetsne.grid.GridAssigner;
import imagetsne.grid.GridAssignment;
import imagetsne.grid.GridShape;
import imagetsne.io.AtomicFiles;
import imagetsne.io.LayoutJson;
import imagetsne.layout.Item;
import imagetsne.layout.Layout;
import imagetsne.poster.Poster;
import imagetsne.reduce.NearestNeighbours;
import imagetsne.render.SpriteRenderer;
import imagetsne.render.SpriteRenderers;
import imagetsne.source.ImageDecoder;
import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicReference;
import javax.imageio.ImageIO;
import processing.core.PApplet;
import processing.core.PImage;
import processing.event.MouseEvent;

/**
 * The app: every image of a layout as a textured sprite at its t-SNE point or grid cell, a control panel,
 * and analysis on a worker thread. State belongs to the animation thread; other threads (the analysis,
 * AWT dialog callbacks, tests) hand work over through {@link #onAnimationThread}.
 */
public class ImageTsneSketch extends PApplet {
    static final int BACKGROUND = 0xFF181818;
    private static final float GRID_SECONDS = 0.8f;
    private static final int IDLE_FPS = 12, ACTIVE_FPS = 60;
    private static final String HELP = String.join("\n",
            "Image t-SNE Live",
            "",
            "drag            pan",
            "wheel, + / -    zoom around the cursor",
            "0               reset the view",
            "g               view as grid / t-SNE (animated)",
            "click           similar images (feature space)",
            "o               analyze a directory",
            "l / s           load / save layout JSON",
            "p / P           save screenshot / poster of the whole layout",
            "h               hide / show the panel",
            "Esc             cancel the running analysis",
            "?               this help");

    final SketchOptions options;
    final AnalysisSettings settings;
    private final ConcurrentLinkedQueue<Runnable> tasks = new ConcurrentLinkedQueue<>();
    final Executor ui = this::post;
    private final Camera camera = new Camera();
    /** Volatile with `job`: whoever sees a new scene also sees the job that fills it as running. */
    private volatile Scene scene = new Scene();
    private Scene previous;
    /** The running job; null again only once its result has been applied here (so tests see a settled state). */
    private volatile BackgroundJob job;
    private SketchPanel panel;
    private SpriteRenderer renderer;
    private final AtomicReference<double[]> liveEmbedding = new AtomicReference<>();
    private volatile int liveDims = 2;

    private boolean gridOn;
    private float gridT;             // 0 = t-SNE, 1 = grid; animated toward gridOn
    private float scale = 1, imageSize = 1;
    private float[] sx = new float[0], sy = new float[0];
    private float spriteSize;
    private int hover = -1, selected = -1;
    private int[] neighbours = new int[0];
    /** The selected image and its neighbours as PImages, made once per selection, not per frame. */
    private PImage[] listImages = new PImage[0];
    private String neighbourNote = "";
    private PImage hoverImage;
    private int hoverImageIndex = -1;
    private boolean showHelp, dirty = true, pressedOnPanel, dragged;
    private float pressX, pressY;
    private int lastW, lastH, frameRateNow;
    private long lastActive = System.nanoTime(), lastFrameNanos = System.nanoTime();
    private volatile String status = "";
    private boolean statusError;
    private final List<String> skipped = new ArrayList<>();
    private Path pendingScreenshot;
    private CompletableFuture<Path> pendingScreenshotDone;
    private Path lastDir;
    private volatile boolean ready;

    public ImageTsneSketch(SketchOptions options) {
        this.options = options;
        this.settings = AnalysisSettings.load(options.settings);
    }

    // ---------------------------------------------------------------- Processing lifecycle

    @Override public void settings() {
        size(options.width, options.height, options.renderer.equals("p2d") ? P2D : JAVA2D);
        if (options.renderer.equals("p2d")) smooth(2);
    }

    @Override public void setup() {
        surface.setTitle("Image t-SNE Live");
        surface.setResizable(true);
        frameRate(ACTIVE_FPS);
        frameRateNow = ACTIVE_FPS;
        textFont(createFont("SansSerif", 12, true));
        renderer = SpriteRenderers.create(options.renderer, g);
        scale = (float) settings.scale;
        imageSize = (float) settings.imageSize;
        panel = new SketchPanel(this, settings);
        camera.setView(width, height);
        lastDir = options.start != null ? options.start.toAbsolutePath().getParent() : Path.of("").toAbsolutePath();
        openStart();
        ready = true;
    }

    /** What the sketch opens on: a layout file, a folder, or the bundled images (cached layout when fresh). */
    private void openStart() {
        Path p = options.start;
        if (p == null) { message("nothing to show: use analyze directory (o) or load (l)", false); return; }
        if (Files.isDirectory(p)) {
            Path cached = options.bundledLayout;
            if (cached != null && Files.isRegularFile(cached) && isFresh(cached, p)) loadJson(cached);
            else analyze(p);
        } else {
            loadJson(p);
        }
    }

    @Override public void draw() {
        for (Runnable r; (r = tasks.poll()) != null; ) { r.run(); dirty = true; }
        if (width != lastW || height != lastH) { lastW = width; lastH = height; camera.setView(width, height); dirty = true; }
        double[] y = liveEmbedding.getAndSet(null);
        if (y != null && scene.size() > 0) { scene.setEmbedding(y, liveDims); dirty = true; }

        boolean animating = animateGrid();
        boolean busy = job != null;
        boolean active = dirty || animating || busy || panel.controls.needsRedraw() || pendingScreenshot != null || mousePressed;
        if (active) lastActive = System.nanoTime();
        // an idle sketch leaves the CPU to the analyzer: skip drawing and slow the loop down
        boolean idle = (System.nanoTime() - lastActive) > 500_000_000L;
        setFrameRate(idle ? IDLE_FPS : ACTIVE_FPS);
        // under software GL even an empty P2D frame costs ~40 ms: stop the loop; events and tasks restart it
        if (idle && !active && options.renderer.equals("p2d")) noLoop();
        if (!active) return;  // JAVA2D and P2D both keep the last frame when draw() paints nothing
        dirty = false;

        background(BACKGROUND);
        drawSprites();
        if (pendingScreenshot != null) captureScreenshot();
        drawOverlays(busy);
        if (panel.controls.isVisible()) panel.controls.draw(g);
        if (showHelp) drawHelp();
    }

    private void setFrameRate(int fps) {
        if (fps != frameRateNow) { frameRate(fps); frameRateNow = fps; }
    }

    // ---------------------------------------------------------------- drawing

    private boolean animateGrid() {
        long now = System.nanoTime();
        float dt = Math.min(0.1f, (now - lastFrameNanos) / 1e9f);
        lastFrameNanos = now;
        float target = gridOn ? 1 : 0;
        if (gridT == target) return false;
        float step = dt / GRID_SECONDS;
        gridT = gridT < target ? Math.min(target, gridT + step) : Math.max(target, gridT - step);
        return true;
    }

    /** World: the unit square scaled to `base` pixels (fits the window at zoom 1), spread by `scale`. */
    private void computeScreenPositions() {
        int n = scene.size();
        if (sx.length < n) { sx = new float[n]; sy = new float[n]; }
        float e = gridT * gridT * (3 - 2 * gridT);    // smoothstep
        float baseT = 0.9f * Math.min(width, height);
        float baseG = baseT;
        if (scene.hasGrid()) {
            Layout l = scene.layout;
            float wU = (l.gridCols()) * scene.gridPitch, hU = (l.gridRows()) * scene.gridPitch;
            baseG = Math.min(0.94f * width / wU, 0.94f * (height - 30) / hU);
        } else {
            e = 0;
        }
        float base = baseT + (baseG - baseT) * e;
        float s = base * scale;
        for (int i = 0; i < n; i++) {
            float u = scene.tx[i], v = scene.ty[i];
            if (e > 0) { u += (scene.gx[i] - u) * e; v += (scene.gy[i] - v) * e; }
            sx[i] = camera.screenX((u - 0.5f) * s);
            sy[i] = camera.screenY((v - 0.5f) * s);
        }
        float tsneSize = imageSize * baseT / (float) Math.sqrt(Math.max(1, n)) * 1.1f;
        float gridSize = scene.hasGrid() ? baseG * scene.gridPitch * 0.92f * Math.min(1, scale) : tsneSize;
        spriteSize = Math.max(1, (tsneSize + (gridSize - tsneSize) * e) * camera.zoom());
    }

    private void drawSprites() {
        computeScreenPositions();
        int n = scene.size();
        if (n == 0) return;
        renderer.draw(g, scene.atlas, sx, sy, n, spriteSize, scene.frame.length >= n ? scene.frame : null);
        if (selected >= 0 && selected < n) {
            noFill();
            stroke(255);
            strokeWeight(2);
            for (int j : neighbours) rectAt(j, 4);
            stroke(255, 220, 0);
            rectAt(selected, 6);
        }
    }

    private void rectAt(int i, float pad) {
        float h = spriteSize / 2 + pad / 2;
        rect(sx[i] - h, sy[i] - h, 2 * h, 2 * h);
    }

    private void drawOverlays(boolean busy) {
        int n = scene.size();
        if (busy) {
            panel.setProgress(job.fraction(), job.statusText());
        }
        // hover preview: larger thumbnail with its file name and label
        if (hover >= 0 && hover < n && !mousePressed) {
            PImage img = hoverImage(hover);
            float side = 128;
            float x = Math.min(width - side - 16, mouseX + 16), y = Math.min(height - side - 60, mouseY + 16);
            noStroke();
            fill(0, 200);
            rect(x - 6, y - 6, side + 12, side + 48);
            if (img != null) {
                float k = side / Math.max(img.width, img.height);
                image(img, x + (side - img.width * k) / 2, y + (side - img.height * k) / 2, img.width * k, img.height * k);
            } else {
                fill(80);
                rect(x, y, side, side);
            }
            fill(255);
            textAlign(LEFT, TOP);
            text(ellipsize(Path.of(scene.paths.get(hover)).getFileName().toString(), side + 4), x, y + side + 4);
            String label = scene.layout != null ? scene.layout.get(hover).label() : null;
            if (label != null) { fill(200); text(ellipsize(label, side + 4), x, y + side + 20); }
        }
        drawNeighbourList();
        drawLegend();
        // status line
        noStroke();
        fill(0, 170);
        rect(0, height - 22, width, 22);
        fill(statusError ? color(255, 110, 100) : color(230));
        textAlign(LEFT, CENTER);
        String right = String.format(Locale.ROOT, "%d images  zoom %.1fx  %.0f fps  %s", n, camera.zoom(), frameRate, renderer.name());
        text(ellipsize(status, width - textWidth(right) - 30), 8, height - 12);
        fill(150);
        textAlign(RIGHT, CENTER);
        text(right, width - 8, height - 12);
        textAlign(LEFT, BASELINE);
    }

    private void drawNeighbourList() {
        if (selected < 0 || selected >= scene.size()) return;
        float x = width - 230, y = 10, row = 40;
        noStroke();
        fill(0, 190);
        rect(x - 8, y - 4, 226, 30 + row * (neighbours.length + 1));
        fill(255);
        textAlign(LEFT, TOP);
        text("similar images " + neighbourNote, x, y);
        y += 22;
        for (int k = -1; k < neighbours.length; k++) {
            int i = k < 0 ? selected : neighbours[k];
            PImage img = listImages[k + 1];
            if (img != null) image(img, x, y, 32 * img.width / (float) Math.max(img.width, img.height), 32 * img.height / (float) Math.max(img.width, img.height));
            fill(k < 0 ? color(255, 220, 0) : color(230));
            text(ellipsize(Path.of(scene.paths.get(i)).getFileName().toString(), 170), x + 40, y + 8);
            y += row;
        }
    }

    private void drawLegend() {
        List<String> labels = scene.palette.labels();
        if (labels.size() < 2 && (labels.isEmpty() || labels.get(0) == null)) return;
        int shown = Math.min(labels.size(), 20);
        float x = width - 200, y = height - 30 - shown * 16 - 8;
        noStroke();
        fill(0, 160);
        rect(x - 8, y - 6, 198, shown * 16 + 10);
        textAlign(LEFT, CENTER);
        for (int i = 0; i < shown; i++) {
            String lab = i == 19 && labels.size() > 20 ? "... " + (labels.size() - 19) + " more" : labels.get(i);
            fill(scene.palette.colour(labels.get(i)));
            rect(x, y + i * 16 + 3, 10, 10);
            fill(220);
            text(ellipsize(lab, 165), x + 16, y + i * 16 + 8);
        }
        textAlign(LEFT, BASELINE);
    }

    private void drawHelp() {
        String[] lines = HELP.split("\n");
        float w = 380, h = lines.length * 18 + 24, x = (width - w) / 2, y = (height - h) / 2;
        noStroke();
        fill(0, 220);
        rect(x, y, w, h);
        fill(255);
        textAlign(LEFT, TOP);
        for (int i = 0; i < lines.length; i++) text(lines[i], x + 16, y + 12 + i * 18);
        textAlign(LEFT, BASELINE);
    }

    private String ellipsize(String s, float maxW) {
        if (s == null) return "";
        if (textWidth(s) <= maxW) return s;
        while (s.length() > 1 && textWidth(s + "...") > maxW) s = s.substring(0, s.length() - 1);
        return s + "...";
    }

    private PImage hoverImage(int i) {
        if (i != hoverImageIndex) { hoverImage = thumbImage(i); hoverImageIndex = i; }
        return hoverImage;
    }

    private PImage thumbImage(int i) {
        BufferedImage b = scene.atlas.thumbnail(i);
        if (b == null) return null;
        // copy through getRGB: the atlas's images view shared buffers at an offset, which new PImage(Image) ignores
        PImage p = createImage(b.getWidth(), b.getHeight(), ARGB);
        b.getRGB(0, 0, b.getWidth(), b.getHeight(), p.pixels, 0, b.getWidth());
        p.updatePixels();
        return p;
    }

    // ---------------------------------------------------------------- verbs (animation thread)

    public void setGrid(boolean on) {
        if (on && !scene.hasGrid()) { message("no grid yet: wait for the layout", false); on = false; }
        gridOn = on;
        panel.showGrid(on);
        dirty = true;
    }

    public void toggleGrid() { setGrid(!gridOn); }

    void setScale(float v) { scale = v; dirty = true; }

    void setImageSize(float v) { imageSize = v; dirty = true; }

    /** Starts analysing a folder in the background; the current layout stays until the new one has images. */
    public void analyze(Path dir) {
        if (job != null) { message("an analysis is already running: cancel it first (Esc)", true); return; }
        Path source = dir.toAbsolutePath().normalize();
        lastDir = source.getParent() != null ? source.getParent() : source;
        AnalysisOptions o = settings.toOptions(source, width / (double) Math.max(1, height - 30));
        Scene next = new Scene();
        next.source = source;
        next.title = source.getFileName() == null ? source.toString() : source.getFileName().toString();
        skipped.clear();
        boolean bundled = options.bundledLayout != null && options.start != null && Files.isDirectory(options.start)
                && source.equals(options.start.toAbsolutePath().normalize());
        BackgroundJob j = new BackgroundJob("analyze " + next.title, ui) {
            @Override void work() throws Exception {
                AnalysisResult r = Analyzer.run(o, listener(this, next), cancel);
                if (bundled) {
                    try { LayoutJson.write(r.layout(), options.bundledLayout); } catch (IOException e) { /* a cache only */ }
                }
                ui.execute(() -> finished(next, r));
            }
            @Override void failed(String msg) { restorePrevious(); message("analysis failed: " + msg, true); endJob(); }
            @Override void cancelled() { restorePrevious(); message("analysis cancelled: the previous layout stays", false); endJob(); }
        };
        previous = scene;
        beginJob(j);  // busy before the new scene shows: no one sees the new scene as finished
        show(next);
        message("analyzing " + source, false);
    }

    private AnalysisListener listener(BackgroundJob j, Scene next) {
        return new AnalysisListener() {
            int ready;
            @Override public void stage(Stage stage, String message) {
                j.stage(stage.label());
                ui.execute(() -> message(message, false));
            }
            @Override public void progress(Stage stage, long done, long total) {
                j.progress(done, total);
                if (stage == Stage.FEATURES) ui.execute(() -> { next.expected = (int) total; });
            }
            @Override public void skipped(Path file, String reason) {
                System.err.println("skipped " + file + ": " + reason);
                ui.execute(() -> skipped.add(file.getFileName() + ": " + reason));
            }
            @Override public void featuresChosen(String kind, String reason) {
                ui.execute(() -> { next.featureKind = kind; next.featureReason = reason; message("features: " + reason, false); });
            }
            @Override public void imageReady(Path file, BufferedImage thumbnail) {
                int i = ready++;
                next.atlas.set(i, thumbnail);
                ui.execute(() -> next.add(file.toString()));
            }
            @Override public void tsneIteration(int iteration, int total, double[] y, int dims) {
                // only the newest embedding matters: draw() takes it, older ones are dropped
                if (iteration % 5 == 0 || iteration == total) { liveDims = dims; liveEmbedding.set(y.clone()); }
            }
            @Override public void info(String message) { ui.execute(() -> message(message, false)); }
        };
    }

    private void finished(Scene next, AnalysisResult r) {
        liveEmbedding.set(null);
        next.setLayout(r.layout());
        next.features = r.features();
        next.featureKind = r.featureKind();
        next.featureReason = r.featureReason();
        previous = null;
        if (scene == next) fitNewLayout();
        String sk = skipped.isEmpty() ? "" : "  " + skipped.size() + " skipped (first: " + skipped.get(0) + ")";
        message(String.format(Locale.ROOT, "%d images laid out in %.1f s, features: %s%s", r.layout().size(),
                r.seconds().values().stream().mapToDouble(Double::doubleValue).sum(), r.featureReason(), sk), !skipped.isEmpty());
        surface.setTitle("Image t-SNE Live — " + next.title);
        endJob();
    }

    /** Loads a layout JSON; thumbnails are read in the background (missing files stay as placeholders). */
    public void loadJson(Path file) {
        if (job != null) { message("busy: cancel the running job first (Esc)", true); return; }
        LayoutJson.Loaded loaded;
        try {
            loaded = LayoutJson.read(file);
        } catch (IOException | RuntimeException e) {
            message("cannot load " + file.getFileName() + ": " + e.getMessage(), true);
            return;
        }
        lastDir = file.toAbsolutePath().getParent();
        Layout layout = loaded.layout();
        Scene next = new Scene();
        next.title = String.valueOf(file.getFileName());
        next.setLayout(layout);
        next.featureKind = layout.featureKind() == null ? "" : layout.featureKind();
        BackgroundJob j = new BackgroundJob("load " + next.title, ui) {
            @Override void work() throws Exception {
                if (!layout.hasGrid()) {
                    stage("grid");
                    GridShape shape = GridShape.choose(layout.size(), width / (double) Math.max(1, height - 30));
                    GridAssignment ga = GridAssigner.assign(layout.pointsFlat(2), shape, GridAssigner.Mode.AUTO);
                    ui.execute(() -> {
                        for (int i = 0; i < layout.size(); i++) layout.get(i).setGrid(ga.col(i), ga.row(i));
                        layout.setGridShape(shape.cols(), shape.rows());
                        next.updateGrid();
                    });
                }
                stage("reading thumbnails");
                int n = layout.size();
                for (int i = 0; i < n; i++) {
                    cancel.check();
                    Item it = layout.get(i);
                    if (!it.missing()) {
                        try {
                            next.atlas.set(i, ImageDecoder.thumbnail(ImageDecoder.read(Path.of(it.path())), 64));
                        } catch (IOException | RuntimeException e) {
                            String why = Path.of(it.path()).getFileName() + ": " + e.getMessage();
                            ui.execute(() -> skipped.add(why));
                        }
                    }
                    progress(i + 1, n);
                }
                ui.execute(() -> {
                    String miss = loaded.missing().isEmpty() ? "" : ", " + loaded.missing().size() + " image files not found (kept as grey placeholders)";
                    String bad = skipped.isEmpty() ? "" : ", " + skipped.size() + " unreadable (first: " + skipped.get(0) + ")";
                    message("loaded " + n + " images from " + next.title + miss + bad, !miss.isEmpty() || !bad.isEmpty());
                    endJob();
                });
            }
            @Override void failed(String msg) { message("loading thumbnails failed: " + msg, true); endJob(); }
            @Override void cancelled() { message("thumbnail loading cancelled: placeholders stay", false); endJob(); }
        };
        skipped.clear();
        previous = null;
        beginJob(j);  // busy before the new scene shows: no one sees the new scene as finished
        show(next);
        fitNewLayout();
        surface.setTitle("Image t-SNE Live — " + next.title);
    }

    /** Saves the current layout (with grid cells and labels) as ml4a-compatible JSON, atomically. */
    public void saveJson(Path file) {
        if (scene.layout == null) { message("nothing to save yet", true); return; }
        try {
            LayoutJson.write(scene.layout, file);
            message("saved " + file, false);
        } catch (IOException | RuntimeException e) {
            message("cannot save " + file + ": " + e.getMessage(), true);
        }
    }

    /** The current view (without the panel) as PNG at the next frame; the future completes when written. */
    public CompletableFuture<Path> saveScreenshot(Path file) {
        pendingScreenshot = file;
        pendingScreenshotDone = new CompletableFuture<>();
        dirty = true;
        return pendingScreenshotDone;
    }

    private void captureScreenshot() {
        Path file = pendingScreenshot;
        CompletableFuture<Path> done = pendingScreenshotDone;
        pendingScreenshot = null;
        try {
            loadPixels();
            BufferedImage img = new BufferedImage(pixelWidth, pixelHeight, BufferedImage.TYPE_INT_RGB);
            img.setRGB(0, 0, pixelWidth, pixelHeight, pixels, 0, pixelWidth);
            AtomicFiles.write(file, out -> ImageIO.write(img, "png", out));
            message("saved screenshot " + file, false);
            done.complete(file);
        } catch (IOException | RuntimeException e) {
            message("cannot save screenshot: " + e.getMessage(), true);
            done.completeExceptionally(e);
        }
    }

    /** A high-resolution poster of the whole layout (t-SNE or grid, as on screen) drawn by the engine. */
    public void savePoster(Path file) {
        if (scene.layout == null) { message("nothing to save yet", true); return; }
        List<BufferedImage> thumbs = new ArrayList<>(scene.size());
        for (int i = 0; i < scene.size(); i++) thumbs.add(scene.atlas.thumbnail(i));
        Layout layout = scene.layout;
        boolean grid = gridOn && scene.hasGrid();
        int side = (int) Math.min(8000, Math.max(2000, Math.sqrt(scene.size()) * 48));
        Thread t = new Thread(() -> {
            try {
                Poster.save(grid ? Poster.grid(layout, thumbs, side) : Poster.tsne(layout, thumbs, side), file);
                ui.execute(() -> message("saved poster " + file, false));
            } catch (IOException | RuntimeException | OutOfMemoryError e) {
                ui.execute(() -> message("cannot save poster: " + e.getMessage(), true));
            }
        }, "poster");
        t.setDaemon(true);
        t.start();
        message("drawing poster " + file.getFileName() + " (" + side + " px) ...", false);
    }

    public void cancelJob() {
        if (job != null && !job.isCancelled()) { job.cancel(); message("cancelling ...", false); }
    }

    private void beginJob(BackgroundJob j) {
        job = j;
        panel.setBusy(true);
        panel.setProgress(0, j.title);
        j.start();
    }

    private void endJob() {
        job = null;
        panel.setBusy(false);
        dirty = true;
    }

    private void restorePrevious() {
        if (previous != null) show(previous);
        previous = null;
    }

    private void show(Scene s) {
        scene = s;
        selected = hover = hoverImageIndex = -1;
        neighbours = new int[0];
        panel.info.setText(s.title);
        dirty = true;
    }

    private void fitNewLayout() {
        camera.reset(0, 0);
        if (gridOn && !scene.hasGrid()) setGrid(false);
    }

    void message(String text, boolean error) {
        status = text == null ? "" : text;
        statusError = error;
        dirty = true;
    }

    // ---------------------------------------------------------------- dialogs (callbacks come on the AWT thread)

    void chooseFolder() { selectFolder("Choose a folder of images to analyze", "folderChosen", lastDir.toFile()); }

    void chooseJsonToLoad() { selectInput("Load a layout (JSON)", "jsonToLoadChosen", lastDir.toFile()); }

    void chooseJsonToSave() { selectOutput("Save the layout as JSON", "jsonToSaveChosen", lastDir.resolve(defaultName("layout", "json")).toFile()); }

    void chooseScreenshot() { selectOutput("Save a screenshot (PNG)", "screenshotChosen", lastDir.resolve(defaultName("screenshot", "png")).toFile()); }

    void choosePoster() { selectOutput("Save a poster of the whole layout (PNG)", "posterChosen", lastDir.resolve(defaultName("poster", "png")).toFile()); }

    public void folderChosen(File f) { if (f != null) onAnimationThread(() -> analyze(f.toPath())); }

    public void jsonToLoadChosen(File f) { if (f != null) onAnimationThread(() -> loadJson(f.toPath())); }

    public void jsonToSaveChosen(File f) { if (f != null) onAnimationThread(() -> saveJson(withExtension(f.toPath(), "json"))); }

    public void screenshotChosen(File f) { if (f != null) onAnimationThread(() -> saveScreenshot(withExtension(f.toPath(), "png"))); }

    public void posterChosen(File f) { if (f != null) onAnimationThread(() -> savePoster(withExtension(f.toPath(), "png"))); }

    private String defaultName(String what, String ext) {
        String base = scene.title == null || scene.title.isBlank() ? what : scene.title.replaceAll("\\.json$", "").replaceAll("[^A-Za-z0-9._-]", "_") + "-" + what;
        return base + (gridOn ? "-grid" : "") + "." + ext;
    }

    /** Adds ".png" / ".json" when the name has no such extension. */
    static Path withExtension(Path p, String ext) {
        String name = p.getFileName().toString();
        return name.toLowerCase(Locale.ROOT).endsWith("." + ext) ? p : p.resolveSibling(name + "." + ext);
    }

    // ---------------------------------------------------------------- input

    @Override public void keyPressed() {
        if (key == ESC) {
            key = 0;  // Esc cancels, it must not quit the sketch
            if (showHelp) showHelp = false;
            else if (job != null) cancelJob();
            else clearSelection();
            dirty = true;
            return;
        }
        switch (key) {
            case 'g', 'G' -> toggleGrid();
            case '+', '=' -> camera.zoomAround(width / 2f, height / 2f, 1.25f);
            case '-', '_' -> camera.zoomAround(width / 2f, height / 2f, 0.8f);
            case '0' -> camera.reset(0, 0);
            case 'o' -> chooseFolder();
            case 'l' -> chooseJsonToLoad();
            case 's' -> chooseJsonToSave();
            case 'p' -> chooseScreenshot();
            case 'P' -> choosePoster();
            case 'h' -> panel.controls.setVisible(!panel.controls.isVisible());
            case '?' -> showHelp = !showHelp;
            default -> { return; }
        }
        dirty = true;
    }

    @Override public void mousePressed() {
        pressX = mouseX;
        pressY = mouseY;
        dragged = false;
        pressedOnPanel = panel.controls.isVisible() && panel.controls.mousePressed(mouseX, mouseY);
        dirty = true;
    }

    @Override public void mouseDragged() {
        if (pressedOnPanel) { panel.controls.mouseDragged(mouseX, mouseY); return; }
        if (Math.abs(mouseX - pressX) + Math.abs(mouseY - pressY) > 3) dragged = true;
        camera.pan(mouseX - pmouseX, mouseY - pmouseY);
        hover = -1;
        dirty = true;
    }

    @Override public void mouseReleased() {
        if (pressedOnPanel) { panel.controls.mouseReleased(mouseX, mouseY); pressedOnPanel = false; dirty = true; return; }
        if (!dragged) select(spriteAt(mouseX, mouseY));
        dirty = true;
    }

    @Override public void mouseMoved() {
        panel.controls.mouseMoved(mouseX, mouseY);
        int h = panel.controls.isVisible() && panel.controls.isInside(mouseX, mouseY) ? -1 : spriteAt(mouseX, mouseY);
        if (h != hover) { hover = h; dirty = true; }
    }

    @Override public void mouseWheel(MouseEvent e) {
        if (panel.controls.isVisible() && panel.controls.mouseWheel(mouseX, mouseY, e.getCount())) { dirty = true; return; }
        camera.zoomAround(mouseX, mouseY, (float) Math.pow(1.15, -e.getCount()));
        dirty = true;
    }

    /** The topmost sprite under a screen point (the last drawn wins), or -1. */
    int spriteAt(float x, float y) {
        float h = spriteSize / 2;
        for (int i = Math.min(scene.size(), sx.length) - 1; i >= 0; i--)
            if (Math.abs(sx[i] - x) <= h && Math.abs(sy[i] - y) <= h) return i;
        return -1;
    }

    public void clearSelection() { select(-1); dirty = true; }

    private void select(int i) {
        selected = i;
        neighbours = new int[0];
        if (i < 0) return;
        if (scene.features != null && scene.features.length == scene.size()) {
            neighbours = NearestNeighbours.of(scene.features, i, 8);
            neighbourNote = "(" + scene.featureKind + " features)";
        } else {
            // a loaded JSON has no features: the layout's own distances are the best we have
            float[][] pts = new float[scene.size()][];
            for (int k = 0; k < pts.length; k++) pts[k] = new float[] {scene.tx[k], scene.ty[k]};
            neighbours = NearestNeighbours.of(pts, i, 8);
            neighbourNote = "(in the layout)";
        }
        listImages = new PImage[neighbours.length + 1];
        for (int k = -1; k < neighbours.length; k++) listImages[k + 1] = thumbImage(k < 0 ? i : neighbours[k]);
    }

    // ---------------------------------------------------------------- for tests and the launcher

    /** Queues work for the animation thread and wakes the loop if it was stopped while idle. */
    private void post(Runnable r) {
        tasks.add(r);
        if (!isLooping()) loop();
    }

    /** Input wakes a stopped loop first, so events are handled on the animation thread as usual. */
    @Override public void postEvent(processing.event.Event pe) {
        if (!isLooping()) loop();
        super.postEvent(pe);
    }

    @Override public void windowResized() {
        dirty = true;
        if (!isLooping()) loop();
    }

    /** Runs code on the animation thread at the next frame (state is owned there). */
    public <T> CompletableFuture<T> onAnimationThread(Callable<T> c) {
        CompletableFuture<T> f = new CompletableFuture<>();
        post(() -> {
            try { f.complete(c.call()); } catch (Throwable t) { f.completeExceptionally(t); }
        });
        return f;
    }

    public CompletableFuture<Void> onAnimationThread(Runnable r) {
        return onAnimationThread(() -> { r.run(); return null; });
    }

    public boolean isReady() { return ready; }
    public boolean isBusy() { return job != null; }
    public Layout layout() { return scene.layout; }
    public int spriteCount() { return scene.size(); }
    public boolean gridShown() { return gridOn; }
    public float gridAmount() { return gridT; }
    public float zoom() { return camera.zoom(); }
    public String status() { return status; }
    public String featureKind() { return scene.featureKind; }
    public SketchPanel panel() { return panel; }
    public int selected() { return selected; }
    public int[] neighbours() { return neighbours.clone(); }
    /** Screen position and side of sprite i as last drawn. */
    public float[] spriteOnScreen(int i) { return new float[] {sx[i], sy[i], spriteSize}; }

    private static boolean isFresh(Path layoutJson, Path dir) {
        try (var files = Files.walk(dir)) {
            long t = Files.getLastModifiedTime(layoutJson).toMillis();
            return files.filter(Files::isRegularFile).allMatch(f -> {
                try { return Files.getLastModifiedTime(f).toMillis() <= t; } catch (IOException e) { return false; }
            });
        } catch (IOException e) {
            return false;
        }
    }

    /** Not System.exit in tests: the launcher decides. */
    @Override public void exitActual() {
        if (options.exitOnClose) super.exitActual();
    }

}
