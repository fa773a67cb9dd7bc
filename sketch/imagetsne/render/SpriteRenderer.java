package imagetsne.render;

import processing.core.PGraphics;

/**
 * Draws many atlas thumbnails as sprites. Implementations: {@link SpriteRenderers#create}.
 * Called on the animation thread, inside {@code draw()} (between beginDraw and endDraw of {@code g}).
 */
public interface SpriteRenderer {
    /** ARGB of a sprite whose thumbnail is not in the atlas yet. */
    int PLACEHOLDER = 0xFF808080;

    String name();

    /**
     * Draws sprites 0..n-1: sprite i centred at (x[i], y[i]) in screen pixels (the current transform of
     * {@code g} is ignored), longest side {@code size} pixels, aspect from the atlas; a square
     * {@link #PLACEHOLDER} when the atlas has no thumbnail for i. {@code frame == null} or
     * {@code frame[i] == 0}: no frame, else a 1-px border of ARGB colour {@code frame[i]} on the sprite's
     * outermost pixels. Sprites entirely outside the frame are culled.
     *
     * @return the number of sprites drawn (not culled)
     */
    int draw(PGraphics g, SpriteAtlas atlas, float[] x, float[] y, int n, float size, int[] frame);

    /**
     * Draws the sprites {@code order[0..m-1]} in that order, each at its own size: sprite i centred at
     * (x[i], y[i]) with longest side {@code size[i]} pixels. A 3-D view passes them far to near, so nearer
     * sprites cover farther ones (the painter's algorithm); frames as in the other draw, each drawn with
     * its sprite. Sprites outside the frame, or of size 0 or NaN, are culled.
     *
     * @return the number of sprites drawn (not culled)
     */
    int draw(PGraphics g, SpriteAtlas atlas, float[] x, float[] y, float[] size, int[] order, int m, int[] frame);

    /** Frees textures and caches; the renderer may be used again afterwards (it rebuilds lazily). */
    void dispose();
}
