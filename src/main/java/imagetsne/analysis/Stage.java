package imagetsne.analysis;

/** The stages of the engine's jobs, in the order an analysis runs them; the UI shows their labels. */
public enum Stage {
    SCAN("scanning"), DOWNLOAD("downloading"), FEATURES("reading images and extracting features"), PCA("PCA"),
    TSNE("t-SNE"), GRID("grid"), LOAD("reading the layout"), THUMBNAILS("reading thumbnails"), POSTER("drawing a poster"),
    DONE("done");

    private final String label;

    Stage(String label) { this.label = label; }

    public String label() { return label; }
}
