package imagetsne.sketch;

import imagetsne.analysis.AnalysisOptions;
import imagetsne.io.LayoutJson;
import imagetsne.layout.Layout;
import imagetsne.render.SpriteRenderer;
import imagetsne.render.SpriteRenderers;
import imagetsne.source.s3.S3Location;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import processing.core.PApplet;
import processing.event.MouseEvent;

/**
 * The app: every image of a layout as a textured sprite at its t-SNE point or grid cell, a control panel,
 * and the engine's jobs on a worker thread. This class keeps the lifecycle, the input and the drawing;
 * {@link SceneJobs} runs the verbs, {@link View} places the sprites, {@link Overlays} draws what goes over
 * them. State belongs to the animation thread; other threads (jobs, AWT dialog callbacks, tests) hand
 * work over through {@link #onAnimationThread}.
 */
public class ImageTsneSketch extends PApplet implements SceneJobs.Host {
    static final int BACKGROUND = 0xFF181818;
    private static final int IDLE_FPS = 12, ACTIVE_FPS = 60;

    final SketchOptions options;
    final AnalysisSettings settings;
    private final ConcurrentLinkedQueue<Runnable> tasks = new ConcurrentLinkedQueue<>();
    final Executor ui = this::post;
    // package-private: Input works on them
    final View view = new View();
    final Overlays overlays = new Overlays();
    final Selection selection = new Selection();
    private final SceneJobs jobs = new SceneJobs(this, ui);
    private final Input input = new Input(this);
    /** Volatile: tests read it from their own thread. */
    private volatile Scene scene = new Scene();
    SketchPanel panel;
    private SpriteRenderer renderer;
    private Dialogs dialogs;
    int hover = -1;
    boolean showHelp, dirty = true;
    private int lastW, lastH, frameRateNow;
    private long lastActive = System.nanoTime();
    private volatile String status = "";
    private boolean statusError;
    private final Screenshot screenshot = new Screenshot();
    private final Sprites sprites = new Sprites();
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
        view.scale = (float) settings.scale;
        view.imageSize = (float) settings.imageSize;
        panel = new SketchPanel(this, settings);
        panel.controls.attach(this);
        dialogs = new Dialogs(this, options.start != null ? options.start.toAbsolutePath().getParent() : Path.of("").toAbsolutePath());
        layoutArea();
        openStart();
        ready = true;
    }

    /** What the sketch opens on: a layout file, a folder, or the bundled images (cached layout when fresh). */
    private void openStart() {
        if (options.startS3 != null) { analyzeS3(options.startS3); return; }
        if (options.startVectors != null) { loadVectors(options.startVectors, options.vectorLabels, options.labelColumn, options.shape); return; }
        Path p = options.start;
        if (p == null) { message("nothing to show: analyze a folder (o) or load a layout (l)", false); return; }
        if (Files.isDirectory(p)) {
            Path cached = options.bundledLayout;
            if (cached != null && Files.isRegularFile(cached) && SceneJobs.isFresh(cached, p)) loadJson(cached);
            else analyze(p);
        } else {
            loadJson(p);
        }
    }

    @Override public void draw() {
        for (Runnable r; (r = tasks.poll()) != null; ) { r.run(); dirty = true; }
        if (width != lastW || height != lastH) { lastW = width; lastH = height; dirty = true; }
        double[] y = jobs.liveEmbedding.getAndSet(null);
        if (y != null && scene.size() > 0) { scene.setEmbedding(y, jobs.liveDims); dirty = true; }

        boolean animating = view.grid.step();
        boolean busy = jobs.busy();
        boolean active = dirty || animating || busy || panel.controls.needsRedraw() || screenshot.pending() || mousePressed;
        if (active) lastActive = System.nanoTime();
        // an idle sketch leaves the CPU to the analyzer: skip drawing and slow the loop down
        boolean idle = (System.nanoTime() - lastActive) > 500_000_000L;
        setFrameRate(idle ? IDLE_FPS : ACTIVE_FPS);
        // under software GL even an empty P2D frame costs ~40 ms: stop the loop; events and tasks restart it
        if (idle && !active && options.renderer.equals("p2d")) noLoop();
        if (!active) return;  // JAVA2D and P2D both keep the last frame when draw() paints nothing
        dirty = false;

        layoutArea();
        background(BACKGROUND);
        view.update(scene);
        sprites.draw(g, renderer, view, scene, selection, overlays);
        if (screenshot.pending()) screenshot.capture(this, ui, this::message);
        if (busy) panel.setProgress(jobs.runner().fraction(), jobs.runner().statusText());
        if (hover >= 0 && !mousePressed) overlays.hover(g, scene, hover, mouseX, mouseY);
        overlays.neighbours(g, scene, selection);
        overlays.legend(g, scene, height - statusHeight());
        overlays.status(g, status, statusError, statusRight(), statusLeft());
        if (!mousePressed) overlays.statusFull(g, status, statusRight(), statusLeft(), mouseX, mouseY);
        if (panel.controls.isVisible()) panel.controls.draw(g);
        if (showHelp) overlays.help(g);
    }

    private void setFrameRate(int fps) {
        if (fps != frameRateNow) { frameRate(fps); frameRateNow = fps; }
    }

    /** The free area: the window less the panel on the left, the legend on the right and the status line. */
    private void layoutArea() {
        float left = panel == null ? 0 : panel.rightEdge();
        float right = Overlays.legendRows(scene) > 0 ? Overlays.LEGEND_W + 6 : 0;
        view.setArea(left, 0, width - left - right, height - statusHeight());
    }

    float statusHeight() { return Overlays.statusHeight(g, status, statusRight(), statusLeft()); }

    /** The status line starts right of the panel when a short window has the panel reach down to it. */
    float statusLeft() {
        if (panel == null) return 0;
        float full = Overlays.statusHeight(g, status, statusRight(), 0);
        return panel.bottomEdge() > height - full ? panel.rightEdge() : 0;
    }

    private String statusRight() {
        return String.format(Locale.ROOT, "%d images  zoom %.1fx  %.0f fps  %s", scene.size(), view.camera.zoom(), frameRate, renderer.name());
    }

    // ---------------------------------------------------------------- SceneJobs.Host

    @Override public Scene scene() { return scene; }

    @Override public void show(Scene s, boolean fit) {
        scene = s;
        s.detailArrived = () -> post(() -> {}); // sharper sprites near the camera: a task wakes the loop and redraws
        hover = -1;
        selection.clear();
        panel.info.setText(s.title);
        surface.setTitle(s.title.isEmpty() ? "Image t-SNE Live" : "Image t-SNE Live — " + s.title);
        if (s.madeWith != null) panel.show(AnalysisSettings.from(s.madeWith, settings));
        settingsChanged();
        if (fit) {
            view.fit();
            if (view.grid.isOn() && !s.hasGrid()) setGrid(false);
        }
        dirty = true;
    }

    @Override public void message(String text, boolean error) {
        status = text == null ? "" : text;
        statusError = error;
        dirty = true;
    }

    @Override public double gridAspect() { return view.areaAspect(); }

    @Override public void jobStarted(String title) {
        panel.setBusy(true);
        panel.setProgress(0, title);
    }

    @Override public void jobEnded() {
        panel.setBusy(false);
        settingsChanged();
        dirty = true;
    }

    // ---------------------------------------------------------------- verbs (animation thread)

    public void setGrid(boolean on) {
        if (on && !scene.hasGrid()) { message("no grid yet: wait for the layout", false); on = false; }
        view.grid.set(on);
        panel.showGrid(on);
        dirty = true;
    }

    public void toggleGrid() { setGrid(!view.grid.isOn()); }

    /**
     * The 3-D switch: t-SNE in three dimensions (or back in two). A layout analyzed here is laid out again
     * at once from its features; otherwise the next analysis will be, and the status says so.
     */
    public void setThreeD(boolean on) {
        settings.dims = on ? 3 : 2;
        panel.showThreeD(on);
        Scene s = scene;
        if (s.dims == settings.dims && (s.madeWith == null || s.madeWith.tsne.dims == settings.dims)) { settingsChanged(); return; }
        if (s.features != null && !jobs.busy()) { rerun(); return; }
        settingsChanged();
        message((on ? "3-D" : "2-D") + ": " + (jobs.busy() ? "re-run (r) when the job is done"
                : s.madeWith == null ? "the next analysis is laid out in " + settings.dims + "-D (this layout was loaded from a file)"
                : "re-run (r) analyzes the folder again"), false);
    }

    public void toggleThreeD() { setThreeD(settings.dims != 3); }

    void setScale(float v) { view.scale = v; dirty = true; }

    void setImageSize(float v) { view.imageSize = v; dirty = true; }

    /** Starts analysing a folder in the background; the current layout stays until the new one has images. */
    public void analyze(Path dir) {
        Path source = dir.toAbsolutePath().normalize();
        boolean bundled = options.bundledLayout != null && options.start != null && Files.isDirectory(options.start)
                && source.equals(options.start.toAbsolutePath().normalize());
        AnalysisOptions where = new AnalysisOptions();
        where.source = source;
        analyze(where, bundled ? options.bundledLayout : null);
    }

    /** Starts analysing an S3 bucket (downloaded into the cache first, so a second analysis fetches nothing). */
    public void analyzeS3(S3Location bucket) {
        AnalysisOptions where = new AnalysisOptions();
        where.s3 = bucket;
        where.s3Config = options.s3;
        analyze(where, null);
    }

    /** An analysis of the source {@code where} names, with the panel's settings. */
    private void analyze(AnalysisOptions where, Path cacheTo) {
        if (jobs.busy()) { message("a job is running: cancel it first (Esc)", true); return; }
        AnalysisOptions o;
        try {
            o = settings.toOptions(where, view.areaAspect()).checkValidity();
        } catch (IllegalArgumentException e) {
            message("cannot analyze: " + e.getMessage(), true);
            return;
        }
        jobs.analyze(o, cacheTo);
    }

    /** Applies the panel's analysis settings to the layout shown: t-SNE and grid again, or the whole analysis when features change. */
    public void rerun() {
        if (jobs.busy()) { message("a job is running: cancel it first (Esc)", true); return; }
        Scene s = scene;
        if (s.madeWith == null) { message("nothing to re-run: analyze a folder (o) first", true); return; }
        AnalysisOptions o;
        try {
            o = settings.toOptions(s.madeWith, view.areaAspect()).checkValidity();
        } catch (IllegalArgumentException e) {
            message("cannot re-run: " + e.getMessage(), true);
            return;
        }
        if (s.features != null && AnalysisSettings.sameFeatures(o, s.madeWith)) jobs.rerun(o);
        else jobs.analyze(o, null);
    }

    /** The panel's analysis settings changed: say whether, and how, they differ from those of the layout shown. */
    void settingsChanged() {
        if (panel == null) return;
        Scene s = scene;
        if (s.madeWith == null) { panel.setStale(null); return; }
        AnalysisOptions now = settings.toOptions(s.madeWith, view.areaAspect());
        if (AnalysisSettings.same(now, s.madeWith)) panel.setStale(null);
        else if (AnalysisSettings.sameFeatures(now, s.madeWith)) panel.setStale("changed: re-run keeps the features");
        else panel.setStale("changed: re-run analyzes again");
        dirty = true;
    }

    /** Loads a layout JSON; it is parsed and its thumbnails are read in the background. */
    public void loadJson(Path file) {
        if (jobs.busy()) { message("a job is running: cancel it first (Esc)", true); return; }
        jobs.load(file, 64);
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
        dirty = true;
        return screenshot.request(file);
    }

    /** A high-resolution poster of the whole layout (t-SNE or grid, as on screen) drawn by the engine. */
    public void savePoster(Path file) {
        if (scene.layout == null) { message("nothing to save yet", true); return; }
        if (jobs.busy()) { message("a job is running: cancel it first (Esc)", true); return; }
        int side = (int) Math.min(8000, Math.max(2000, Math.sqrt(scene.size()) * 64));
        boolean grid = view.grid.isOn() && scene.hasGrid();
        jobs.poster(scene, grid, side, file, !grid && view.threeD(scene) ? view.orbit : null);
    }

    public void cancelJob() { jobs.cancel(); }

    /**
     * Shows which sprites match: file name, folder or label containing the text (case-insensitive), or a
     * regular expression written /like this/. An empty text ends the search.
     */
    public void search(String query) {
        boolean[] m = null;
        if (query != null && !query.isBlank()) {
            try {
                m = Search.matches(scene, query);
            } catch (java.util.regex.PatternSyntaxException e) {
                message("not a regular expression: " + e.getDescription(), true);
                return;
            }
        }
        scene.match = m;
        panel.showMatches(m == null ? -1 : Search.count(m), m == null ? 0 : m.length);
        dirty = true;
    }

    /** Zooms and pans so the matches fill the free area. */
    public void zoomToMatches() {
        if (scene.match == null) return;
        if (!view.zoomTo(scene.match, scene.size())) message("no match to zoom to", false);
        dirty = true;
    }

    /** The matching sprites' part of the layout, saved as a layout JSON of its own. */
    public void saveMatches(Path file) {
        boolean[] m = scene.match;
        if (scene.layout == null || m == null) { message("nothing to save: search first (/)", true); return; }
        Layout matching = Search.matching(scene.layout, m);
        try {
            LayoutJson.write(matching, file);
            message("saved " + matching.size() + " matching images to " + file, false);
        } catch (IOException | RuntimeException e) {
            message("cannot save " + file + ": " + e.getMessage(), true);
        }
    }

    /** Numeric vectors (CSV, Projector TSV, IDX images) laid out with the panel's t-SNE settings. */
    public void loadVectors(Path data, Path labels, String labelColumn, String shape) {
        if (jobs.busy()) { message("a job is running: cancel it first (Esc)", true); return; }
        AnalysisOptions o = settings.toOptions(data.toAbsolutePath().getParent(), view.areaAspect());
        jobs.vectors(data, labels, labelColumn, shape, o);
    }

    /** Shows or hides a label's sprites (a click on its row in the legend). */
    void toggleLabel(String label) {
        if (!scene.hidden.remove(label)) scene.hidden.add(label);
        if (selection.has() && !scene.shown(selection.selected)) selection.clear();
        message(scene.hidden.isEmpty() ? "all labels shown" : "hidden: " + String.join(", ", scene.hidden) + "  (click a legend row to show it again)", false);
        dirty = true;
    }

    public void clearSelection() { selection.clear(); dirty = true; }

    // ---------------------------------------------------------------- dialogs (callbacks come on the AWT thread)

    void chooseFolder() { dialogs.folder(); }

    void chooseJsonToLoad() { dialogs.jsonToLoad(); }

    void chooseJsonToSave() { dialogs.jsonToSave(Dialogs.baseName(scene.title, "layout", view.grid.isOn())); }

    void chooseScreenshot() { dialogs.screenshot(Dialogs.baseName(scene.title, "screenshot", view.grid.isOn())); }

    void choosePoster() { dialogs.poster(Dialogs.baseName(scene.title, "poster", view.grid.isOn())); }

    void chooseMatchesToSave() { dialogs.jsonToSave(Dialogs.baseName(scene.title, "matches", false), "matchesToSaveChosen"); }

    void chooseVectors() { dialogs.vectors(); }

    public void matchesToSaveChosen(File f) { dialogs.chosen(f, p -> saveMatches(Dialogs.withExtension(p, "json"))); }

    public void vectorsChosen(File f) { dialogs.chosen(f, p -> loadVectors(p, null, null, null)); }

    public void folderChosen(File f) { dialogs.chosen(f, this::analyze); }

    public void jsonToLoadChosen(File f) { dialogs.chosen(f, this::loadJson); }

    public void jsonToSaveChosen(File f) { dialogs.chosen(f, p -> saveJson(Dialogs.withExtension(p, "json"))); }

    public void screenshotChosen(File f) { dialogs.chosen(f, p -> saveScreenshot(Dialogs.withExtension(p, "png"))); }

    public void posterChosen(File f) { dialogs.chosen(f, p -> savePoster(Dialogs.withExtension(p, "png"))); }

    // ---------------------------------------------------------------- input: Input says what it does

    @Override public void keyPressed() { input.keyPressed(); }

    @Override public void mousePressed() { input.mousePressed(); }

    @Override public void mouseDragged(MouseEvent e) { input.mouseDragged(e); }

    @Override public void mouseReleased() { input.mouseReleased(); }

    @Override public void mouseMoved() { input.mouseMoved(); }

    @Override public void mouseExited() { input.mouseExited(); }

    @Override public void mouseWheel(MouseEvent e) { input.mouseWheel(e); }

    // ---------------------------------------------------------------- threads, tests and the launcher

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
    public boolean isBusy() { return jobs.busy(); }
    public Layout layout() { return scene.layout; }
    public int spriteCount() { return scene.size(); }
    public boolean gridShown() { return view.grid.isOn(); }
    public float gridAmount() { return view.grid.amount(); }
    public float zoom() { return view.camera.zoom(); }
    public String status() { return status; }
    public String featureKind() { return scene.featureKind; }
    public SketchPanel panel() { return panel; }
    public int selected() { return selection.selected; }
    /** The sprite under the mouse (its preview shows), or -1. */
    public int hovered() { return hover; }
    public int[] neighbours() { return selection.neighbours.clone(); }
    /** Screen position and side of sprite i as last drawn. */
    public float[] spriteOnScreen(int i) { return new float[] {view.sx[i], view.sy[i], view.size(i)}; }
    /** 2, or 3 while a 3-D layout is shown. */
    public int dims() { return scene.dims; }
    /** The 3-D view's yaw and pitch, radians. */
    public float[] orbit() { return new float[] {view.orbit.yaw(), view.orbit.pitch()}; }
    /** Sprites as last drawn, first to last (far to near in 3-D). */
    public int[] drawOrder() { return view.drawOrder(scene.size()); }
    /** The topmost sprite under a window point, or -1. */
    public int spriteAt(float x, float y) { return view.spriteAt(scene.size(), x, y); }
    /** The free area the layout is fitted into: x, y, width, height. */
    public float[] freeArea() { return new float[] {view.areaX(), view.areaY(), view.areaWidth(), view.areaHeight()}; }

    /** Not System.exit in tests: the launcher decides. */
    @Override public void exitActual() {
        if (options.exitOnClose) super.exitActual();
    }
}
