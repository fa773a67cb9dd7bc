package imagetsne.render;

import processing.core.PConstants;
import processing.core.PGraphics;
import processing.core.PImage;
import processing.opengl.PGraphicsOpenGL;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * P2D/P3D renderer: thumbnails (mip level 0) packed into page textures, one textured
 * {@code beginShape(QUADS)} per page per frame. Item i lives in a fixed cell (page i / perPage), so a
 * new thumbnail only rewrites its cell and Processing re-uploads the changed region of that page.
 * Cells have a 1-px gutter repeating their edge pixels so that bilinear sampling does not bleed in
 * from the neighbours. Placeholders and frames are one untextured QUADS shape drawn last.
 * Memory: one 2048x2048 page per ~960 items of a 64-px atlas (16 MB heap + 16 MB texture), per ~12,800
 * items once a large atlas keeps 16 px. No detail copies near the camera: this draws the atlas's entries.
 */
final class P2DSpriteRenderer implements SpriteRenderer {
    private static final int PAGE = 2048;

    private SpriteAtlas atlas;
    private long seenVersion = -1;
    private int cell, stride, perRow, perPage, pageSize;
    private final List<PImage> pages = new ArrayList<>();
    private SpriteAtlas.Sprite[] placed = new SpriteAtlas.Sprite[0];
    private PGraphics lastG;
    // per-frame buckets (reused): visible sprite indices grouped by page
    private int[] order = new int[0], pageStart = new int[0], pageFill = new int[0];

    @Override public String name() { return "p2d"; }

    @Override
    public int draw(PGraphics g, SpriteAtlas atlas, float[] x, float[] y, int n, float size, int[] frame) {
        if (n <= 0 || !(size > 0)) return 0;
        if (x.length < n || y.length < n) throw new IllegalArgumentException("x/y shorter than n=" + n);
        if (lastG != null && lastG != g) dispose(); // textures belong to one GL context
        lastG = g;
        SpriteAtlas.Sprite[] sprites = sync(g, atlas);
        int np = pages.size();
        if (pageStart.length < np + 2) { pageStart = new int[np + 2]; pageFill = new int[np + 2]; }
        if (order.length < n) order = new int[n];
        Arrays.fill(pageStart, 0, np + 2, 0);
        float W = g.width, H = g.height;
        // pass 1: cull and count per page; bucket np holds placeholders
        int drawn = 0;
        for (int i = 0; i < n; i++) {
            int b = bucket(sprites, i, x, y, size, W, H, np);
            if (b >= 0) { pageStart[b + 1]++; drawn++; }
        }
        for (int p = 0; p <= np; p++) pageStart[p + 1] += pageStart[p];
        System.arraycopy(pageStart, 0, pageFill, 0, np + 1);
        for (int i = 0; i < n; i++) {
            int b = bucket(sprites, i, x, y, size, W, H, np);
            if (b >= 0) order[pageFill[b]++] = i;
        }

        int textureMode = begin(g);
        g.fill(0xFFFFFFFF);
        for (int p = 0; p < np; p++) {
            if (pageStart[p] == pageStart[p + 1]) continue;
            g.beginShape(PConstants.QUADS);
            g.texture(pages.get(p));
            for (int o = pageStart[p]; o < pageStart[p + 1]; o++) {
                int i = order[o];
                SpriteAtlas.Sprite sp = sprites[i];
                float sw = SpriteAtlas.Sprite.width(sp, size), sh = SpriteAtlas.Sprite.height(sp, size);
                float l = x[i] - sw / 2, t = y[i] - sh / 2, r = l + sw, bt = t + sh;
                int c = i % perPage;
                float u0 = (c % perRow) * stride + 1, v0 = (c / perRow) * stride + 1;
                float u1 = u0 + sp.w[0], v1 = v0 + sp.h[0];
                g.vertex(l, t, u0, v0);
                g.vertex(r, t, u1, v0);
                g.vertex(r, bt, u1, v1);
                g.vertex(l, bt, u0, v1);
            }
            g.endShape();
        }
        boolean framed = false;
        if (frame != null) for (int o = 0; o < pageStart[np + 1] && !framed; o++) framed = frameOf(frame, order[o]) != 0;
        if (pageStart[np] < pageStart[np + 1] || framed) {
            g.beginShape(PConstants.QUADS);
            g.fill(PLACEHOLDER);
            for (int o = pageStart[np]; o < pageStart[np + 1]; o++) {
                int i = order[o];
                quad(g, x[i] - size / 2, y[i] - size / 2, x[i] + size / 2, y[i] + size / 2);
            }
            if (framed) {
                for (int o = 0; o < pageStart[np + 1]; o++) {
                    int i = order[o], fc = frameOf(frame, i);
                    if (fc == 0) continue;
                    SpriteAtlas.Sprite sp = i < sprites.length ? sprites[i] : null;
                    float sw = SpriteAtlas.Sprite.width(sp, size), sh = SpriteAtlas.Sprite.height(sp, size);
                    float l = x[i] - sw / 2, t = y[i] - sh / 2, r = l + sw, b = t + sh;
                    g.fill(fc);
                    quad(g, l, t, r, Math.min(b, t + 1));
                    quad(g, l, Math.max(t, b - 1), r, b);
                    quad(g, l, t + 1, Math.min(r, l + 1), b - 1);
                    quad(g, Math.max(l, r - 1), t + 1, r, b - 1);
                }
            }
            g.endShape();
        }
        end(g, textureMode);
        return drawn;
    }

    /**
     * In the order given: consecutive sprites of one page share a shape, and a shape ends wherever the
     * page changes or a frame or placeholder (untextured) comes between, so overlaps come out as ordered.
     * Depth order mixes pages, so this switches textures far more often than the batched draw.
     */
    @Override
    public int draw(PGraphics g, SpriteAtlas atlas, float[] x, float[] y, float[] size, int[] order, int m, int[] frame) {
        if (m <= 0) return 0;
        if (order.length < m) throw new IllegalArgumentException("order shorter than m=" + m);
        if (lastG != null && lastG != g) dispose(); // textures belong to one GL context
        lastG = g;
        SpriteAtlas.Sprite[] sprites = sync(g, atlas);
        int np = pages.size();
        float W = g.width, H = g.height;
        int textureMode = begin(g);
        int open = -2; // the shape being built: a page, np for untextured quads, -2 for none
        int drawn = 0;
        for (int k = 0; k < m; k++) {
            int i = order[k];
            float sz = size[i];
            if (!(sz > 0)) continue;
            int b = bucket(sprites, i, x, y, sz, W, H, np);
            if (b < 0) continue;
            drawn++;
            SpriteAtlas.Sprite sp = i < sprites.length ? sprites[i] : null;
            float sw = SpriteAtlas.Sprite.width(sp, sz), sh = SpriteAtlas.Sprite.height(sp, sz);
            float l = x[i] - sw / 2, t = y[i] - sh / 2, r = l + sw, bt = t + sh;
            open = shape(g, open, b, np);
            if (b == np) {
                g.fill(PLACEHOLDER);
                quad(g, l, t, r, bt);
            } else {
                g.fill(0xFFFFFFFF);
                int c = i % perPage;
                float u0 = (c % perRow) * stride + 1, v0 = (c / perRow) * stride + 1;
                g.vertex(l, t, u0, v0);
                g.vertex(r, t, u0 + sp.w[0], v0);
                g.vertex(r, bt, u0 + sp.w[0], v0 + sp.h[0]);
                g.vertex(l, bt, u0, v0 + sp.h[0]);
            }
            int fc = frame == null ? 0 : frameOf(frame, i);
            if (fc != 0) {
                open = shape(g, open, np, np);
                g.fill(fc);
                quad(g, l, t, r, Math.min(bt, t + 1));
                quad(g, l, Math.max(t, bt - 1), r, bt);
                quad(g, l, t + 1, Math.min(r, l + 1), bt - 1);
                quad(g, Math.max(l, r - 1), t + 1, r, bt - 1);
            }
        }
        if (open != -2) g.endShape();
        end(g, textureMode);
        return drawn;
    }

    /** Ends the open shape when the next quad needs another one (page b, or np: untextured); returns the open one. */
    private int shape(PGraphics g, int open, int b, int np) {
        if (open == b) return open;
        if (open != -2) g.endShape();
        g.beginShape(PConstants.QUADS);
        if (b != np) g.texture(pages.get(b));
        return b;
    }

    private static int frameOf(int[] frame, int i) { return i < frame.length ? frame[i] : 0; }

    private static void quad(PGraphics g, float l, float t, float r, float b) {
        g.vertex(l, t);
        g.vertex(r, t);
        g.vertex(r, b);
        g.vertex(l, b);
    }

    /** -1 when culled, the page of sprite i, or np for a placeholder. */
    private int bucket(SpriteAtlas.Sprite[] sprites, int i, float[] x, float[] y, float size, float W, float H, int np) {
        float cx = x[i], cy = y[i];
        if (Float.isNaN(cx) || Float.isNaN(cy)) return -1;
        SpriteAtlas.Sprite sp = i < sprites.length ? sprites[i] : null;
        float sw = SpriteAtlas.Sprite.width(sp, size), sh = SpriteAtlas.Sprite.height(sp, size);
        if (cx + sw / 2 <= 0 || cx - sw / 2 >= W || cy + sh / 2 <= 0 || cy - sh / 2 >= H) return -1;
        return sp == null ? np : i / perPage;
    }

    /** Copies changed atlas entries into their page cells; returns the entries the pages now hold. */
    private SpriteAtlas.Sprite[] sync(PGraphics g, SpriteAtlas a) {
        // pages are cut for the atlas's resident side: when its budget shrinks the cells, they are cut again
        if (a != atlas || (a != null && a.residentSide() != cell)) {
            disposePages();
            atlas = a;
            seenVersion = -1;
            if (a != null) {
                cell = a.residentSide();
                pageSize = PAGE;
                if (PGraphicsOpenGL.maxTextureSize > 0) pageSize = Math.min(pageSize, PGraphicsOpenGL.maxTextureSize);
                stride = cell + 2;
                pageSize = Math.max(pageSize, stride);
                perRow = pageSize / stride;
                perPage = perRow * perRow;
            }
        }
        if (a == null) return new SpriteAtlas.Sprite[0];
        long v = a.version();
        SpriteAtlas.Sprite[] sprites = a.snapshot();
        if (v == seenVersion) return placed; // what the pages hold
        int m = Math.max(sprites.length, placed.length);
        if (placed.length < m) placed = Arrays.copyOf(placed, m);
        java.util.BitSet touched = new java.util.BitSet();
        for (int i = 0; i < m; i++) {
            SpriteAtlas.Sprite sp = i < sprites.length ? sprites[i] : null;
            if (placed[i] == sp) continue;
            int p = i / perPage;
            while (pages.size() <= p) pages.add(g.parent != null ? g.parent.createImage(pageSize, pageSize, PConstants.ARGB)
                                                                 : new PImage(pageSize, pageSize, PConstants.ARGB));
            writeCell(pages.get(p), i % perPage, sp);
            touched.set(p);
            placed[i] = sp;
        }
        // whole-page uploads: Processing 4.5.7's sub-region texture update (updatePixels(x, y, w, h) on a
        // PImage drawn by P2D) overruns its buffer once several regions merge (ArrayIndexOutOfBounds in
        // Texture.convertToRGBA, seen with 1,000 sprites loading); one full upload per touched page per batch
        for (int p = touched.nextSetBit(0); p >= 0; p = touched.nextSetBit(p + 1)) pages.get(p).updatePixels();
        seenVersion = v;
        return placed; // what the pages hold
    }

    private void writeCell(PImage page, int c, SpriteAtlas.Sprite sp) {
        int[] px = page.pixels;
        int ps = page.pixelWidth;
        int ox = (c % perRow) * stride, oy = (c / perRow) * stride;
        for (int r = 0; r < stride; r++) Arrays.fill(px, (oy + r) * ps + ox, (oy + r) * ps + ox + stride, 0);
        if (sp != null) {
            int w = sp.w[0], h = sp.h[0];
            // rows -1..h with clamped source rows and columns: the gutter repeats the edge
            for (int r = -1; r <= h; r++) {
                int sr = sp.off[0] + Math.max(0, Math.min(h - 1, r)) * w;
                int d = (oy + 1 + r) * ps + ox + 1;
                System.arraycopy(sp.pix[0], sr, px, d, w);
                px[d - 1] = sp.pix[0][sr];
                px[d + w] = sp.pix[0][sr + w - 1];
            }
        }
    }

    private void disposePages() {
        if (lastG != null) for (PImage p : pages) lastG.removeCache(p);
        pages.clear();
        placed = new SpriteAtlas.Sprite[0];
        seenVersion = -1;
        atlas = null;
    }

    @Override
    public void dispose() {
        disposePages();
        lastG = null;
    }

    /** Screen coordinates, image-space texture coordinates, no stroke or tint; returns the texture mode to restore. */
    private static int begin(PGraphics g) {
        g.pushMatrix();
        g.resetMatrix();
        g.pushStyle();
        int textureMode = g.textureMode;
        g.textureMode(PConstants.IMAGE);
        g.noStroke();
        g.noTint();
        return textureMode;
    }

    private static void end(PGraphics g, int textureMode) {
        g.textureMode(textureMode);
        g.popStyle();
        g.popMatrix();
    }
}
