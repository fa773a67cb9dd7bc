package imagetsne.analysis;

/** The stages of one analysis, in order; the UI shows their names. */
public enum Stage {
    SCAN("scanning"), FEATURES("reading images and extracting features"), PCA("PCA"), TSNE("t-SNE"), GRID("grid"), DONE("done");

    private final String label;
    Stage(String label) { this.label = label; }
    public String label() { return label; }
}
