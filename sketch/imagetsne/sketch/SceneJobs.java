package imagetsne.sketch;

import imagetsne.analysis.AnalysisListener;
import imagetsne.analysis.AnalysisOptions;
import imagetsne.analysis.AnalysisResult;
import imagetsne.analysis.LoadedLayout;
import imagetsne.analysis.Session;
import imagetsne.analysis.Stage;
import imagetsne.io.LayoutJson;
import imagetsne.layout.Layout;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executor;
import java.util.function.Function;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The sketch's long verbs (analyze a folder, re-run with other settings, load a layout, draw a poster) as
 * engine jobs on the {@link JobRunner}: each fills a new {@link Scene} from what its job reports, so sprites
 * appear as thumbnails arrive and move with every t-SNE iteration, and the scene on screen is replaced only
 * by one that has something to show. A cancel puts the previous scene back and says what is shown.
 */
final class SceneJobs {
    /** What the jobs need of the sketch; called on the animation thread. */
    interface Host {
        Scene scene();

        void show(Scene s, boolean fit);

        void message(String text, boolean error);

        /** The aspect of the free part of the window: a new grid's shape is chosen for it. */
        double gridAspect();

        void jobStarted(String title);

        void jobEnded();
    }

    private final Host host;
    private final Executor ui;
    private final JobRunner runner;
    /** The newest live embedding, taken by draw(); older ones are dropped. */
    final AtomicReference<double[]> liveEmbedding = new AtomicReference<>();
    volatile int liveDims = 2;
    private final List<String> skipped = new ArrayList<>();
    private Scene previous;

    SceneJobs(Host host, Executor ui) {
        this.host = host;
        this.ui = ui;
        this.runner = new JobRunner(ui);
    }

    JobRunner runner() { return runner; }

    boolean busy() { return runner.busy(); }

    List<String> skipped() { return List.copyOf(skipped); }

    /** Analyzes a folder or bucket; the current layout stays until the new one has images. {@code cacheTo}: where to keep the result, or null. */
    void analyze(AnalysisOptions o, Path cacheTo) {
        Scene next = new Scene();
        next.source = o.source;
        String where = o.s3 != null ? o.s3.toString() : o.source.toString();
        next.title = o.s3 != null ? o.s3.toString() : o.source.getFileName() == null ? where : o.source.getFileName().toString();
        next.madeWith = o;
        start("analyze " + next.title, next, Session.analyze(o), o, cacheTo, true);
        host.message("analyzing " + where, false);
    }

    /**
     * t-SNE and the grid again with other settings, on the features of the layout shown: no file is read,
     * the sprites move live from where they are.
     */
    void rerun(AnalysisOptions o) {
        Scene cur = host.scene();
        if (cur.features == null) {
            host.message("re-run needs an analysis made in this window (a loaded layout has no features): analyze its folder", true);
            return;
        }
        Scene next = new Scene();
        next.source = cur.source;
        next.title = cur.title;
        next.madeWith = o;
        next.features = cur.features;
        next.expected = cur.size();
        next.provisional = false;
        for (int i = 0; i < cur.size(); i++) {
            next.atlas.set(i, cur.atlas.thumbnail(i));
            next.add(cur.paths.get(i));
            next.tx[i] = cur.tx[i];
            next.ty[i] = cur.ty[i];
            next.tz[i] = cur.tz[i];
        }
        next.dims = o.tsne.dims; // a switch to 3-D shows at once: the flat layout turns while t-SNE lifts it
        next.palette.copyFrom(cur.palette);
        System.arraycopy(cur.frame, 0, next.frame, 0, Math.min(cur.frame.length, next.frame.length));
        start("re-run " + next.title, next, Session.rerun(cur.features, o), o, null, false);
        host.message("re-running t-SNE and the grid with the new settings", false);
    }

    private void start(String title, Scene next, imagetsne.analysis.Job<AnalysisResult> job, AnalysisOptions o, Path cacheTo, boolean fresh) {
        skipped.clear();
        previous = host.scene();
        host.jobStarted(title);
        host.show(next, fresh); // before the runner is busy: whoever sees it busy sees the new scene
        runner.start(title, job, live -> listener(live, next, fresh), r -> {
            if (cacheTo != null) {
                try { LayoutJson.write(r.layout(), cacheTo); } catch (IOException e) { /* a cache only */ }
            }
            finished(next, r);
        }, msg -> {
            restorePrevious();
            host.message("analysis failed: " + msg + "; " + shown(), true);
            host.jobEnded();
        }, () -> {
            restorePrevious();
            host.message("analysis cancelled; " + shown(), false);
            host.jobEnded();
        });
    }

    /** The last part of a path or URL, for messages. */
    static String name(String path) {
        int slash = path.lastIndexOf('/');
        return slash >= 0 && slash < path.length() - 1 ? path.substring(slash + 1) : path;
    }

    /** What the window shows after a cancel or failure, in words. */
    private String shown() {
        Scene s = host.scene();
        return s.size() == 0 ? "nothing to show: analyze a folder (o) or load a layout (l)" : "showing the previous layout (" + s.size() + " images)";
    }

    private AnalysisListener listener(Executor ui, Scene next, boolean fresh) {
        return new AnalysisListener() {
            int ready;

            @Override public void stage(Stage stage, String message) { ui.execute(() -> host.message(message, false)); }

            @Override public void progress(Stage stage, long done, long total) {
                if (stage == Stage.FEATURES) ui.execute(() -> next.expected = (int) total);
            }

            @Override public void skipped(String path, String reason) {
                System.err.println("skipped " + path + ": " + reason);
                ui.execute(() -> skipped.add(name(path) + ": " + reason));
            }

            @Override public void warning(String path, String warning) {
                System.err.println("warning " + path + ": " + warning);
                ui.execute(() -> skipped.add(name(path) + " (laid out, damaged): " + warning));
            }

            @Override public void featuresChosen(String kind, String reason) {
                ui.execute(() -> { next.featureKind = kind; next.featureReason = reason; host.message(reason, false); });
            }

            @Override public void imageReady(String path, BufferedImage thumbnail) {
                if (!fresh) return; // a re-run keeps the sprites it has
                int i = ready++;
                next.atlas.set(i, thumbnail);
                ui.execute(() -> next.add(path));
            }

            @Override public void tsneIteration(int iteration, int total, double[] y, int dims) {
                if (iteration % 5 == 0 || iteration == total) { liveDims = dims; liveEmbedding.set(y.clone()); }
            }

            @Override public void info(String message) { ui.execute(() -> host.message(message, false)); }
        };
    }

    private void finished(Scene next, AnalysisResult r) {
        liveEmbedding.set(null);
        next.setLayout(r.layout());
        next.features = r.features();
        next.featureKind = r.features().info().kind();
        next.featureReason = r.features().info().reason();
        previous = null;
        boolean shown = host.scene() == next;
        if (shown) host.show(next, true);
        String sk = skipped.isEmpty() ? "" : "  " + skipped.size() + " skipped (first: " + skipped.get(0) + ")";
        host.message(String.format(Locale.ROOT, "%d images laid out in %.1f s, %s%s", r.layout().size(), r.totalSeconds(),
                r.features().info().reason(), sk), !skipped.isEmpty());
        host.jobEnded();
    }

    /**
     * Numeric vectors: read on the worker, shown at once (images as themselves, other rows as dots in their
     * label's colour), then laid out as a re-run of their "features", moving live.
     */
    void vectors(Path data, Path labels, String labelColumn, String shape, AnalysisOptions o) {
        skipped.clear();
        String title = String.valueOf(data.getFileName());
        host.jobStarted("read " + title);
        runner.start("read " + title, Session.vectors(data, labels, labelColumn, shape, o.maxImages), live -> AnalysisListener.NONE, fs -> {
            Scene next = new Scene();
            next.title = title;
            next.features = fs;
            next.featureKind = fs.info().kind();
            next.featureReason = fs.info().reason();
            next.expected = fs.size();
            for (int i = 0; i < fs.size(); i++) {
                BufferedImage t = fs.thumbnails().get(i);
                next.atlas.set(i, t != null ? t : next.dot(fs.labels().get(i)));
                next.add(fs.paths().get(i));
            }
            o.images = fs.images(); // the "source" a re-run lays out again
            next.madeWith = o;
            host.jobEnded();
            start("lay out " + title, next, Session.rerun(fs, o), o, null, false);
            host.message(fs.info().reason(), false);
        }, msg -> {
            host.message("cannot read " + title + ": " + msg, true);
            host.jobEnded();
        }, () -> {
            host.message("reading cancelled; " + shown(), false);
            host.jobEnded();
        });
    }

    /** Loads a layout JSON: parsed, gridded and its thumbnails read on the worker; placeholders show at once. */
    void load(Path file, int thumbnailSize) {
        skipped.clear();
        Scene next = new Scene();
        next.title = String.valueOf(file.getFileName());
        previous = host.scene();
        host.jobStarted("load " + next.title);
        Function<Executor, AnalysisListener> l = ui -> new AnalysisListener() {
            @Override public void stage(Stage stage, String message) { ui.execute(() -> host.message(message, false)); }

            @Override public void layoutRead(Layout layout) {
                ui.execute(() -> {
                    next.setLayout(layout);
                    next.featureKind = layout.featureKind() == null ? "" : layout.featureKind();
                    host.show(next, true);
                });
            }

            @Override public void thumbnailReady(int index, BufferedImage thumbnail) { next.atlas.set(index, thumbnail); }
        };
        runner.start("load " + next.title, Session.load(file, host.gridAspect(), thumbnailSize, 2), l, (LoadedLayout r) -> {
            previous = null;
            next.setLayout(r.layout());
            if (host.scene() != next) host.show(next, true);
            for (var u : r.unreadable()) skipped.add(u.file().getFileName() + ": " + u.reason());
            String miss = r.missing().isEmpty() ? "" : ", " + r.missing().size() + " image files not found (grey placeholders)";
            String bad = skipped.isEmpty() ? "" : ", " + skipped.size() + " unreadable (first: " + skipped.get(0) + ")";
            host.message("loaded " + r.layout().size() + " images from " + next.title + miss + bad, !miss.isEmpty() || !bad.isEmpty());
            host.jobEnded();
        }, msg -> {
            restorePrevious();
            host.message("cannot load " + file.getFileName() + ": " + msg + "; " + shown(), true);
            host.jobEnded();
        }, () -> {
            restorePrevious();
            host.message("loading cancelled; " + shown(), false);
            host.jobEnded();
        });
    }

    /** A poster of the whole layout, t-SNE or grid as on screen, drawn by the engine on the worker. */
    /** A poster of the layout as shown: the grid, the t-SNE points, or a 3-D layout seen as {@code orbit} turns it. */
    void poster(Scene s, boolean grid, int longSide, Path file, Orbit orbit) {
        int n = Math.min(s.size(), s.layout.size());
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) order[i] = i;
        imagetsne.layout.Layout layout = s.layout;
        if (orbit != null) {
            // the view's turn, without perspective (a poster has no eye), drawn far to near so the near ones lie on top
            float[] p = new float[4], depth = new float[n];
            List<imagetsne.layout.Item> seen = new ArrayList<>(n);
            orbit.begin(1);
            for (int i = 0; i < n; i++) {
                orbit.project(s.tx[i], s.ty[i], s.tz[i], p);
                depth[i] = p[3];
            }
            java.util.Arrays.sort(order, (a, b) -> Float.compare(depth[b], depth[a]));
            double[] xy = new double[2 * n];
            double reach = 1e-9;
            for (int k = 0; k < n; k++) {
                int i = order[k];
                orbit.project(s.tx[i], s.ty[i], s.tz[i], p);
                xy[2 * k] = p[0] / p[2];
                xy[2 * k + 1] = p[1] / p[2];
                reach = Math.max(reach, Math.max(Math.abs(xy[2 * k]), Math.abs(xy[2 * k + 1])));
            }
            for (int k = 0; k < n; k++) {
                // one scale for both axes, as on screen, into the unit square the poster places
                imagetsne.layout.Item it = s.layout.get(order[k]).copy();
                it.setPoint(new double[] {0.5 + xy[2 * k] / (2 * reach), 0.5 + xy[2 * k + 1] / (2 * reach)});
                seen.add(it);
            }
            layout = new imagetsne.layout.Layout(seen);
        }
        List<BufferedImage> thumbs = new ArrayList<>(n);
        for (int k = 0; k < n; k++) thumbs.add(s.atlas.thumbnail(order[k]));
        host.jobStarted("poster " + file.getFileName());
        runner.start("poster " + file.getFileName(), Session.poster(layout, thumbs, grid, longSide, file), live -> AnalysisListener.NONE, p -> {
            host.message("saved poster " + p + " (" + longSide + " px)", false);
            host.jobEnded();
        }, msg -> {
            host.message("cannot save poster: " + msg, true);
            host.jobEnded();
        }, () -> {
            host.message("poster cancelled", false);
            host.jobEnded();
        });
        host.message("drawing poster " + file.getFileName() + " (" + longSide + " px) ...", false);
    }

    void cancel() {
        if (runner.busy()) {
            host.message("cancelling ...", false);
            runner.cancel();
        }
    }

    private void restorePrevious() {
        liveEmbedding.set(null);
        if (previous != null) host.show(previous, false);
        previous = null;
    }

    /** Whether a cached layout is newer than every file of the folder it was made from. */
    static boolean isFresh(Path layoutJson, Path dir) {
        try (var files = Files.walk(dir)) {
            long t = Files.getLastModifiedTime(layoutJson).toMillis();
            return files.filter(Files::isRegularFile).allMatch(f -> {
                try { return Files.getLastModifiedTime(f).toMillis() <= t; } catch (IOException e) { return false; }
            });
        } catch (IOException e) {
            return false;
        }
    }
}
