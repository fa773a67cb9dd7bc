package imagetsne.analysis;

/** The stages of one analysis, in order; the UI shows their names. DOWNLOAD is the S3 step that runs before the analyzer. */
public enum Stage {
    DOWNLOAD("downloading"), SCAN("scanning"), FEATURES("reading images and extracting features"), PCA("PCA"), TSNE("t-SNE"), GRID("grid"), DONE("done");

    private final String label;
    Stage(String label) { this.label = label; }
    public String label() { return label; }
}
