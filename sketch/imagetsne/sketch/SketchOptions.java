package imagetsne.sketch;

import java.nio.file.Path;

/** How the sketch starts; filled by the `view` command (or by tests). */
public final class SketchOptions {
    /** A folder to analyze or a layout JSON to load; null opens an empty sketch. */
    public Path start;
    /** Numeric vectors to lay out at start-up (view data.csv --labels labels.txt), with how to read them. */
    public Path startVectors, vectorLabels;
    public String labelColumn, shape;
    /** An S3 bucket to analyze at start-up instead (view --analyze s3://bucket/prefix), and how to reach it. */
    public imagetsne.source.s3.S3Location startS3;
    public imagetsne.source.s3.S3Config s3 = new imagetsne.source.s3.S3Config();
    /** Where the layout of the bundled images is cached (data/images-layout.json), or null. */
    public Path bundledLayout;
    /** Panel defaults (data/settings.json). */
    public Path settings;
    /** java2d (default: our software sprite rasteriser, fastest with software GL) or p2d (OpenGL). */
    public String renderer = "java2d";
    public int width = 1200, height = 800;
    /** Closing the window ends the JVM (the app); false in tests. */
    public boolean exitOnClose = true;
}
