package imagetsne.render;

import processing.awt.PGraphicsJava2D;
import processing.core.PGraphics;
import processing.opengl.PGraphicsOpenGL;

import java.util.List;
import java.util.Locale;

/** Renderer factory by name. */
public final class SpriteRenderers {
    private SpriteRenderers() {}

    /** The default renderer: a software rasteriser for JAVA2D sketches. */
    public static final String DEFAULT = "java2d";

    /**
     * Names {@link #create} accepts. {@code java2d-pixels} is {@code java2d} going through
     * loadPixels()/updatePixels() instead of writing the frame's buffer directly (for the benchmark).
     */
    public static final List<String> NAMES = List.of("java2d", "java2d-pixels", "p2d", "naive");

    /** The best renderer for g: java2d for JAVA2D, p2d for P2D/P3D, naive otherwise. */
    public static SpriteRenderer createFor(PGraphics g) {
        if (g instanceof PGraphicsJava2D) return new Java2DSpriteRenderer(true);
        if (g instanceof PGraphicsOpenGL) return new P2DSpriteRenderer();
        return new NaiveSpriteRenderer();
    }

    /**
     * @throws IllegalArgumentException for an unknown name or a renderer that cannot draw on g
     *         (java2d needs a PGraphicsJava2D, p2d a PGraphicsOpenGL)
     */
    public static SpriteRenderer create(String name, PGraphics g) {
        String key = name == null ? "" : name.trim().toLowerCase(Locale.ROOT);
        switch (key) {
            case "java2d", "java2d-pixels" -> {
                if (!(g instanceof PGraphicsJava2D)) throw cannot(key, g, "a JAVA2D sketch");
                return new Java2DSpriteRenderer(key.equals("java2d"));
            }
            case "p2d" -> {
                if (!(g instanceof PGraphicsOpenGL)) throw cannot(key, g, "a P2D or P3D sketch");
                return new P2DSpriteRenderer();
            }
            case "naive" -> {
                if (g == null) throw new IllegalArgumentException("renderer naive needs a PGraphics");
                return new NaiveSpriteRenderer();
            }
            default -> throw new IllegalArgumentException("unknown sprite renderer '" + name + "' (one of " + NAMES + ")");
        }
    }

    private static IllegalArgumentException cannot(String name, PGraphics g, String needs) {
        return new IllegalArgumentException("sprite renderer " + name + " needs " + needs + ", not "
                + (g == null ? "null" : g.getClass().getSimpleName()));
    }
}
