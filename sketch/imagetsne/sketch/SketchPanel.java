package imagetsne.sketch;

import imagetsne.features.FeatureExtractors;
import imagetsne.ui.Button;
import imagetsne.ui.Controls;
import imagetsne.ui.DropDown;
import imagetsne.ui.Group;
import imagetsne.ui.Label;
import imagetsne.ui.ProgressBar;
import imagetsne.ui.Slider;
import imagetsne.ui.Toggle;

/**
 * The control panel (the controlP5 panel of the original app), built from our imagetsne.ui widgets.
 * Controllers are named as in the original so scripts and tests can find them with controls.get(name).
 */
final class SketchPanel {
    final Controls controls = new Controls();
    final Toggle grid;
    final Slider scale, imageSize, maxImages, perplexity, theta, iterations, learningRate, pcaDims;
    final DropDown features, model;
    final Button analyze, load, save, screenshot, poster, cancel;
    final ProgressBar progress;
    final Label info;

    SketchPanel(ImageTsneSketch s, AnalysisSettings st) {
        Group panel = controls.addGroup("panel").setLabel("Image t-SNE Live   (h hides, ? help)").setPosition(10, 10).setWidth(250);
        grid = controls.addToggle("grid").setLabel("view as grid  (g)").setValue(false)
                .onChange(e -> s.setGrid(e.booleanValue()));
        scale = controls.addSlider("scale").setLabel("scale").setRange(0.25f, 4f).setDecimals(2).setValue((float) st.scale)
                .onChange(e -> s.setScale(e.value()));
        imageSize = controls.addSlider("imageSize").setLabel("image size").setRange(0.1f, 4f).setDecimals(2).setValue((float) st.imageSize)
                .onChange(e -> s.setImageSize(e.value()));
        maxImages = controls.addSlider("maxImages").setLabel("max num images").setRange(10, 100_000).setLogarithmic(true).setDecimals(0)
                .setValue(st.maxImages).onChange(e -> st.maxImages = Math.round(e.value()));
        perplexity = controls.addSlider("perplexity").setLabel("perplexity").setRange(2, 100).setDecimals(0).setValue((float) st.perplexity)
                .onChange(e -> st.perplexity = e.value());
        theta = controls.addSlider("theta").setLabel("theta (0 = exact)").setRange(0, 1).setDecimals(2).setValue((float) st.theta)
                .onChange(e -> st.theta = e.value());
        analyze = controls.addButton("analyze").setLabel("analyze directory  (o)").onClick(e -> s.chooseFolder());
        load = controls.addButton("load").setLabel("load result from json  (l)").onClick(e -> s.chooseJsonToLoad());
        save = controls.addButton("save").setLabel("save result to json  (s)").onClick(e -> s.chooseJsonToSave());
        screenshot = controls.addButton("screenshot").setLabel("save screenshot  (p)").onClick(e -> s.chooseScreenshot());
        poster = controls.addButton("poster").setLabel("save poster, whole layout  (P)").onClick(e -> s.choosePoster());
        progress = controls.addProgressBar("progress").setValue(0).setText("");
        cancel = controls.addButton("cancel").setLabel("cancel  (Esc)").onClick(e -> s.cancelJob());
        info = controls.addLabel("info").setText("");

        Group more = controls.addGroup("more").setLabel("more settings").setOpen(false);
        iterations = controls.addSlider("iterations").setLabel("iterations").setRange(250, 5000).setDecimals(0).setValue(st.iterations)
                .onChange(e -> st.iterations = Math.round(e.value()));
        learningRate = controls.addSlider("learningRate").setLabel("learning rate").setRange(10, 1000).setDecimals(0)
                .setValue((float) st.learningRate).onChange(e -> st.learningRate = e.value());
        pcaDims = controls.addSlider("pcaDims").setLabel("PCA dimensions").setRange(2, 200).setDecimals(0).setValue(st.pcaDims)
                .onChange(e -> st.pcaDims = Math.round(e.value()));
        features = controls.addDropDown("features").setLabel("features").setItems("auto", "cnn", "hog", "pixels")
                .setIndex(indexOf(new String[] {"auto", "cnn", "hog", "pixels"}, st.features))
                .onChange(e -> st.features = e.stringValue());
        String[] models = FeatureExtractors.availableModels().toArray(new String[0]);
        model = controls.addDropDown("model").setLabel("CNN model").setItems(models)
                .setIndex(Math.max(0, indexOf(models, st.model)))
                .onChange(e -> st.model = e.stringValue());
        more.add(iterations, learningRate, pcaDims, model, features);

        panel.add(grid, scale, imageSize, maxImages, perplexity, theta, more, analyze, load, save, screenshot, poster, progress, cancel, info);
        setBusy(false);
    }

    /** While a job runs: the verbs that would start another are locked, cancel and the bar show. */
    void setBusy(boolean busy) {
        analyze.setLock(busy);
        load.setLock(busy);
        cancel.setVisible(busy);
        progress.setVisible(busy);
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

    private static int indexOf(String[] items, String v) {
        for (int i = 0; i < items.length; i++) if (items[i].equalsIgnoreCase(v)) return i;
        return 0;
    }
}
