package imagetsne.sketch;

import imagetsne.features.FeatureExtractors;
import imagetsne.ui.Button;
import imagetsne.ui.Controller;
import imagetsne.ui.Controls;
import imagetsne.ui.DropDown;
import imagetsne.ui.Group;
import imagetsne.ui.Label;
import imagetsne.ui.ProgressBar;
import imagetsne.ui.Slider;
import imagetsne.ui.TextField;
import imagetsne.ui.Toggle;
import java.util.List;

/**
 * The control panel (the controlP5 panel of the original app), built from our imagetsne.ui widgets.
 * Controllers are named as in the original so scripts and tests can find them with controls.get(name).
 * View settings (scale, image size) apply at once; analysis settings mark the layout as stale, and
 * re-run (r) applies them.
 */
final class SketchPanel {
    static final float X = 10, Y = 10, WIDTH = 250;
    final Controls controls = new Controls();
    final Toggle grid, threeD;
    final Slider scale, imageSize, maxImages, perplexity, theta, iterations, learningRate, pcaDims;
    final DropDown features, model;
    final Button analyze, rerun, load, vectors, save, saveMatches, screenshot, poster, cancel;
    final TextField search, seed;
    final Label matches;
    final ProgressBar progress;
    final Label info, stale;

    SketchPanel(ImageTsneSketch s, AnalysisSettings st) {
        Group panel = controls.addGroup("panel").setLabel("Image t-SNE Live   (h hides, ? help)").setPosition(X, Y).setWidth(WIDTH);
        search = controls.addTextField("search").setPlaceholder("search names and labels  (/)")
                .onChange(e -> s.search(e.stringValue())).onSubmit(e -> s.zoomToMatches());
        matches = controls.addLabel("matches").setText("");
        saveMatches = controls.addButton("saveMatches").setLabel("save matches to json").onClick(e -> s.chooseMatchesToSave());
        grid = controls.addToggle("grid").setLabel("view as grid  (g)").setValue(false)
                .onChange(e -> s.setGrid(e.booleanValue()));
        threeD = controls.addToggle("threeD").setLabel("3-D  (3; drag turns)").setValue(st.dims == 3)
                .onChange(e -> s.setThreeD(e.booleanValue()));
        scale = controls.addSlider("scale").setLabel("scale").setRange(0.25f, 4f).setDecimals(2).setValue((float) st.scale)
                .onChange(e -> s.setScale(e.value()));
        imageSize = controls.addSlider("imageSize").setLabel("image size").setRange(0.1f, 4f).setDecimals(2).setValue((float) st.imageSize)
                .onChange(e -> s.setImageSize(e.value()));
        maxImages = controls.addSlider("maxImages").setLabel("max num images").setRange(10, 100_000).setLogarithmic(true).setDecimals(0)
                .setValue(st.maxImages).onChange(e -> { st.maxImages = Math.round(e.value()); s.settingsChanged(); });
        perplexity = controls.addSlider("perplexity").setLabel("perplexity").setRange(2, 100).setDecimals(0).setValue((float) st.perplexity)
                .onChange(e -> { st.perplexity = e.value(); s.settingsChanged(); });
        theta = controls.addSlider("theta").setLabel("theta (0 = exact)").setRange(0, 1).setDecimals(2).setValue((float) st.theta)
                .onChange(e -> { st.theta = e.value(); s.settingsChanged(); });
        stale = controls.addLabel("stale").setText("");
        rerun = controls.addButton("rerun").setLabel("re-run with these settings  (r)").onClick(e -> s.rerun());
        analyze = controls.addButton("analyze").setLabel("analyze directory  (o)").onClick(e -> s.chooseFolder());
        load = controls.addButton("load").setLabel("load result from json  (l)").onClick(e -> s.chooseJsonToLoad());
        vectors = controls.addButton("vectors").setLabel("load vectors (csv, tsv, idx)  (v)").onClick(e -> s.chooseVectors());
        save = controls.addButton("save").setLabel("save result to json  (s)").onClick(e -> s.chooseJsonToSave());
        screenshot = controls.addButton("screenshot").setLabel("save screenshot  (p)").onClick(e -> s.chooseScreenshot());
        poster = controls.addButton("poster").setLabel("save poster, whole layout  (P)").onClick(e -> s.choosePoster());
        progress = controls.addProgressBar("progress").setValue(0).setText("");
        cancel = controls.addButton("cancel").setLabel("cancel  (Esc)").onClick(e -> s.cancelJob());
        info = controls.addLabel("info").setText("");

        Group more = controls.addGroup("more").setLabel("more settings").setOpen(false);
        iterations = controls.addSlider("iterations").setLabel("iterations").setRange(250, 5000).setDecimals(0).setValue(st.iterations)
                .onChange(e -> { st.iterations = Math.round(e.value()); s.settingsChanged(); });
        learningRate = controls.addSlider("learningRate").setLabel("learning rate").setRange(10, 1000).setDecimals(0)
                .setValue((float) st.learningRate).onChange(e -> { st.learningRate = e.value(); s.settingsChanged(); });
        pcaDims = controls.addSlider("pcaDims").setLabel("PCA dimensions").setRange(2, 200).setDecimals(0).setValue(st.pcaDims)
                .onChange(e -> { st.pcaDims = Math.round(e.value()); s.settingsChanged(); });
        String[] kinds = {"auto", "cnn", "hog", "pixels"};
        features = controls.addDropDown("features").setLabel("features").setItems(kinds)
                .setIndex(Math.max(0, indexOf(kinds, st.features)))
                .onChange(e -> { st.features = e.stringValue(); s.settingsChanged(); });
        String[] models = FeatureExtractors.availableModels().toArray(new String[0]);
        model = controls.addDropDown("model").setLabel("CNN model").setItems(models)
                .setIndex(Math.max(0, indexOf(models, st.model)))
                .onChange(e -> { st.model = e.stringValue(); s.settingsChanged(); });
        seed = controls.addTextField("seed").setLabel("seed").setPlaceholder("seed (a whole number)").setText(Long.toString(st.seed))
                .onChange(e -> {
                    try {
                        st.seed = Long.parseLong(e.stringValue().replaceFirst("^seed\\s*", "").trim());
                        s.settingsChanged();
                    } catch (NumberFormatException x) {
                        s.message("seed: a whole number, e.g. 42 (now " + st.seed + ")", true);
                    }
                });
        more.add(iterations, learningRate, pcaDims, seed, model, features);

        panel.add(search, matches, saveMatches, grid, threeD, scale, imageSize, maxImages, perplexity, theta, more, stale, rerun, analyze, load,
                vectors, save, screenshot, poster, progress, cancel, info);
        setBusy(false);
        setStale(null);
        showMatches(-1, 0);
    }

    /** While a job runs: the verbs that would start another are locked, cancel and the bar show. */
    void setBusy(boolean busy) {
        analyze.setLock(busy);
        load.setLock(busy);
        vectors.setLock(busy);
        rerun.setLock(busy);
        poster.setLock(busy);
        cancel.setVisible(busy);
        progress.setVisible(busy);
    }

    /** What the changed settings will do, or null when the layout shown was made with them. */
    void setStale(String what) {
        stale.setText(what == null ? "" : what);
        stale.setVisible(what != null);
        rerun.setVisible(what != null);
    }

    /** The panel shows the settings a layout was made with (a re-run starts from there). */
    void show(AnalysisSettings st) {
        List<Controller<?>> all = List.of(maxImages, perplexity, theta, iterations, learningRate, pcaDims, seed, threeD);
        all.forEach(c -> c.setBroadcast(false));
        maxImages.setValue(st.maxImages);
        perplexity.setValue((float) st.perplexity);
        theta.setValue((float) st.theta);
        iterations.setValue(st.iterations);
        learningRate.setValue((float) st.learningRate);
        pcaDims.setValue(st.pcaDims);
        seed.setText(Long.toString(st.seed));
        threeD.setValue(st.dims == 3);
        all.forEach(c -> c.setBroadcast(true));
    }

    /** "12 of 300 match" under the search field, or nothing without a search. */
    void showMatches(int count, int of) {
        matches.setText(count < 0 ? "" : count + " of " + of + " match" + (count > 0 ? ", Enter zooms" : ""));
        matches.setVisible(count >= 0);
        saveMatches.setVisible(count > 0);
    }

    void showThreeD(boolean on) {
        threeD.setBroadcast(false);
        threeD.setValue(on);
        threeD.setBroadcast(true);
    }

    void showGrid(boolean on) {
        grid.setBroadcast(false);
        grid.setValue(on);
        grid.setBroadcast(true);
    }

    void setProgress(double fraction, String text) {
        progress.setValue((float) Math.max(0, fraction));
        progress.setText(text);
    }

    /** The right edge of the panel in window pixels (0 when hidden): the view keeps clear of it. */
    float rightEdge() { return controls.isVisible() ? X + WIDTH + 10 : 0; }

    /** Where the panel ends at the bottom (0 when hidden). */
    float bottomEdge() { return controls.isVisible() ? Y + controls.get("panel").getHeight() + 6 : 0; }

    private static int indexOf(String[] items, String v) {
        for (int i = 0; i < items.length; i++) if (items[i].equalsIgnoreCase(v)) return i;
        return -1;
    }
}
