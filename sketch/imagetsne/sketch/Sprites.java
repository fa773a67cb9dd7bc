package imagetsne.sketch;

import imagetsne.render.SpriteRenderer;
import processing.core.PGraphics;

/**
 * The sprites of a frame, at the places {@link View#update} gave them: all of them (far to near in 3-D), a
 * search's dimming with its matches drawn again on top, the 3-D axes, and the selection's outlines.
 */
final class Sprites {
    /** The search's second pass, kept from frame to frame rather than allocated in the render loop. */
    private int[] mine = new int[0];
    private float[] mx = new float[0], my = new float[0];

    void draw(PGraphics g, SpriteRenderer renderer, View view, Scene scene, Selection selection, Overlays overlays) {
        int n = scene.size();
        if (n == 0) return;
        int[] frame = scene.frame.length >= n ? scene.frame : null;
        if (view.order != null) renderer.draw(g, scene.atlas, view.sx, view.sy, view.sizes, view.order, view.ordered, frame);
        else renderer.draw(g, scene.atlas, view.sx, view.sy, n, view.spriteSize, frame);
        boolean[] match = scene.match;
        if (match != null && match.length >= n) {
            // a search: everything dimmed, then the matches drawn again on top, bright
            g.noStroke();
            g.fill(ImageTsneSketch.BACKGROUND & 0x00FFFFFF | 0xB4000000);
            g.rect(view.areaX(), view.areaY(), view.areaWidth(), view.areaHeight());
            if (view.order != null) {
                if (mine.length < view.ordered) mine = new int[view.ordered];
                int m = 0;
                for (int k = 0; k < view.ordered; k++) if (match[view.order[k]]) mine[m++] = view.order[k];
                renderer.draw(g, scene.atlas, view.sx, view.sy, view.sizes, mine, m, frame);
            } else {
                if (mx.length < n) { mx = new float[n]; my = new float[n]; }
                for (int i = 0; i < n; i++) {
                    mx[i] = match[i] ? view.sx[i] : View.AWAY;
                    my[i] = match[i] ? view.sy[i] : View.AWAY;
                }
                renderer.draw(g, scene.atlas, mx, my, n, view.spriteSize, frame);
            }
        }
        if (view.order != null) overlays.axes(g, view);
        if (selection.has() && selection.selected < n) {
            g.noFill();
            // a dark halo under each outline, so it shows on light and dark images and in dense clusters
            for (int pass = 0; pass < 2; pass++) {
                g.strokeWeight(pass == 0 ? 5 : 2);
                g.stroke(pass == 0 ? 0xC0000000 : 0xFFFFFFFF);
                for (int j : selection.neighbours) outline(g, view, j, 4);
                g.stroke(pass == 0 ? 0xC0000000 : 0xFFFFDC00);
                outline(g, view, selection.selected, 7);
            }
        }
    }

    private static void outline(PGraphics g, View view, int i, float pad) {
        float h = view.size(i) / 2 + pad / 2;
        g.rect(view.sx[i] - h, view.sy[i] - h, 2 * h, 2 * h);
    }
}
