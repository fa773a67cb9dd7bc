package imagetsne.render;

import processing.core.PConstants;
import processing.core.PGraphics;
import processing.core.PImage;

import java.util.Arrays;

/** The baseline: Processing's image() per sprite (any renderer; for the benchmark). */
final class NaiveSpriteRenderer implements SpriteRenderer {
    private PImage[] images = new PImage[0];           // per index, built from the atlas entry below
    private SpriteAtlas.Sprite[] imageOf = new SpriteAtlas.Sprite[0];

    @Override public String name() { return "naive"; }

    @Override
    public int draw(PGraphics g, SpriteAtlas atlas, float[] x, float[] y, int n, float size, int[] frame) {
        if (n <= 0 || !(size > 0)) return 0;
        return draw(g, atlas, x, y, size, null, null, n, frame);
    }

    @Override
    public int draw(PGraphics g, SpriteAtlas atlas, float[] x, float[] y, float[] size, int[] order, int m, int[] frame) {
        return m <= 0 ? 0 : draw(g, atlas, x, y, Float.NaN, size, order, m, frame);
    }

    private int draw(PGraphics g, SpriteAtlas atlas, float[] x, float[] y, float uniform, float[] sizes, int[] order, int n, int[] frame) {
        SpriteAtlas.Sprite[] sprites = atlas == null ? new SpriteAtlas.Sprite[0] : atlas.snapshot();
        int cap = order == null ? n : x.length;
        if (images.length < cap) {
            images = Arrays.copyOf(images, cap);
            imageOf = Arrays.copyOf(imageOf, cap);
        }
        float W = g.width, H = g.height;
        g.pushMatrix();
        g.resetMatrix();
        g.pushStyle();
        g.imageMode(PConstants.CORNER);
        g.rectMode(PConstants.CORNER);
        g.noTint();
        int drawn = 0;
        for (int k = 0; k < n; k++) {
            int i = order == null ? k : order[k];
            float size = sizes == null ? uniform : sizes[i];
            float cx = x[i], cy = y[i];
            if (Float.isNaN(cx) || Float.isNaN(cy) || !(size > 0)) continue;
            SpriteAtlas.Sprite sp = i < sprites.length ? sprites[i] : null;
            float sw = SpriteAtlas.Sprite.width(sp, size), sh = SpriteAtlas.Sprite.height(sp, size);
            float left = cx - sw / 2, top = cy - sh / 2;
            if (left + sw <= 0 || left >= W || top + sh <= 0 || top >= H) continue;
            drawn++;
            if (sp == null) {
                g.noStroke();
                g.fill(PLACEHOLDER);
                g.rect(left, top, sw, sh);
            } else {
                g.image(image(i, sp), left, top, sw, sh);
            }
            int fc = frame != null && i < frame.length ? frame[i] : 0;
            if (fc != 0) {
                g.noFill();
                g.stroke(fc);
                g.strokeWeight(1);
                g.rect(left + 0.5f, top + 0.5f, sw - 1, sh - 1);
            }
        }
        g.popStyle();
        g.popMatrix();
        return drawn;
    }

    private PImage image(int i, SpriteAtlas.Sprite sp) {
        if (imageOf[i] != sp) {
            PImage p = new PImage(sp.w[0], sp.h[0], PConstants.ARGB);
            System.arraycopy(sp.pix[0], sp.off[0], p.pixels, 0, sp.w[0] * sp.h[0]);
            images[i] = p;
            imageOf[i] = sp;
        }
        return images[i];
    }

    @Override
    public void dispose() {
        images = new PImage[0];
        imageOf = new SpriteAtlas.Sprite[0];
    }
}
