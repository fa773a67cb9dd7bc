package imagetsne.sketch;

import imagetsne.layout.Placement;

/**
 * Where the sprites are on screen: the layout's unit square placed in the free part of the window (what
 * the panel and the legend leave) by {@link Placement}, the same rectangle for the t-SNE and the grid view
 * so the animation between them moves each sprite as far as the grid assignment priced, then spread by
 * {@code scale} and moved by the camera. Pure arithmetic on the animation thread.
 */
final class View {
    final Camera camera = new Camera();
    final GridAnimation grid = new GridAnimation();
    /** Spread of the layout around its centre (1 = fits), and the sprites' size relative to the automatic one. */
    float scale = 1, imageSize = 1;
    private float areaX, areaY, areaW = 1, areaH = 1;
    float[] sx = new float[0], sy = new float[0];
    float spriteSize;
    private Placement placement;

    /** The free area, in window pixels. */
    void setArea(float x, float y, float w, float h) {
        areaX = x;
        areaY = y;
        areaW = Math.max(1, w);
        areaH = Math.max(1, h);
        camera.setView(Math.round(areaW), Math.round(areaH));
    }

    float areaWidth() { return areaW; }

    float areaHeight() { return areaH; }

    /** Width / height of the free area: the aspect a new grid is chosen for. */
    double areaAspect() { return areaW / (double) areaH; }

    /** Fit to the free area: zoom 1, centred. */
    void fit() { camera.reset(0, 0); }

    /** Far off screen: where hidden sprites go, so the renderer culls them and no click finds them. */
    static final float AWAY = -1e7f;

    /** Screen positions and sprite size of every sprite of the scene for this frame (hidden ones {@link #AWAY}). */
    void update(Scene s) {
        int n = s.size();
        if (sx.length < n) { sx = new float[n]; sy = new float[n]; }
        placement = Placement.fit(0, 0, areaW, areaH, n, s.grid);
        float e = s.hasGrid() ? grid.eased() : 0;
        float cx = areaW / 2, cy = areaH / 2;
        for (int i = 0; i < n; i++) {
            float u = s.tx[i], v = s.ty[i];
            if (e > 0) { u += (s.gx[i] - u) * e; v += (s.gy[i] - v) * e; }
            float wx = ((float) placement.x(u) - cx) * scale, wy = ((float) placement.y(v) - cy) * scale;
            sx[i] = areaX + camera.screenX(wx);
            sy[i] = areaY + camera.screenY(wy);
            if (!s.hidden.isEmpty() && !s.shown(i)) sx[i] = sy[i] = AWAY;
        }
        float tsne = (float) placement.tsneSprite(n) * imageSize;
        float cell = (float) placement.gridSprite() * Math.min(1, scale);
        spriteSize = Math.max(1, (tsne + (cell - tsne) * e) * camera.zoom());
    }

    /** Zooms around a window point. */
    void zoomAround(float x, float y, float factor) { camera.zoomAround(x - areaX, y - areaY, factor); }

    /** Pans and zooms so the window rectangle (x0, y0)-(x1, y1) fills the free area (with a margin). */
    void zoomTo(float x0, float y0, float x1, float y1) {
        float wx0 = camera.worldX(x0 - areaX), wx1 = camera.worldX(x1 - areaX), wy0 = camera.worldY(y0 - areaY), wy1 = camera.worldY(y1 - areaY);
        float w = Math.max(wx1 - wx0, spriteSize / camera.zoom()) + 2 * spriteSize / camera.zoom();
        float h = Math.max(wy1 - wy0, spriteSize / camera.zoom()) + 2 * spriteSize / camera.zoom();
        camera.set((wx0 + wx1) / 2, (wy0 + wy1) / 2, Math.min(areaW / w, areaH / h));
    }

    /** Zooms around the free area's centre. */
    void zoom(float factor) { camera.zoomAround(areaW / 2, areaH / 2, factor); }

    /** The topmost sprite under a window point (the last drawn wins), or -1. */
    int spriteAt(int n, float x, float y) {
        float h = spriteSize / 2;
        for (int i = Math.min(n, sx.length) - 1; i >= 0; i--)
            if (Math.abs(sx[i] - x) <= h && Math.abs(sy[i] - y) <= h) return i;
        return -1;
    }

    /** True when the window point is in the free area (not under the panel or legend). */
    boolean inArea(float x, float y) { return x >= areaX && x < areaX + areaW && y >= areaY && y < areaY + areaH; }

    float areaX() { return areaX; }

    float areaY() { return areaY; }
}
