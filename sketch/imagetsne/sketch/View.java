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
    final Orbit orbit = new Orbit();
    final GridAnimation grid = new GridAnimation();
    /** Spread of the layout around its centre (1 = fits), and the sprites' size relative to the automatic one. */
    float scale = 1, imageSize = 1;
    private float areaX, areaY, areaW = 1, areaH = 1;
    float[] sx = new float[0], sy = new float[0];
    float spriteSize;
    /** 3-D: each sprite's size, and the draw order far to near (hidden sprites left out); null in 2-D. */
    float[] sizes;
    int[] order;
    int ordered;
    private float[] depth = new float[0];
    private long[] keys = new long[0];
    private final float[] projected = new float[4];
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

    /** True when the scene is shown in perspective (a 3-D layout not all the way into its grid). */
    boolean threeD(Scene s) { return s.dims == 3 && !(s.hasGrid() && grid.eased() == 1); }

    /** Screen positions and sprite size of every sprite of the scene for this frame (hidden ones {@link #AWAY}). */
    void update(Scene s) {
        int n = s.size();
        if (sx.length < n) { sx = new float[n]; sy = new float[n]; }
        placement = Placement.fit(0, 0, areaW, areaH, n, s.grid);
        float e = s.hasGrid() ? grid.eased() : 0;
        float cx = areaW / 2, cy = areaH / 2;
        if (threeD(s)) { update3d(s, n, e, cx, cy); return; }
        sizes = null;
        order = null;
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

    /**
     * The cube turned by the orbit, in perspective, its side two thirds of the free area's short side (a
     * t-SNE cloud is round: its turned extent stays inside); the grid comes in by moving each sprite from
     * its projected point to its cell as in 2-D, while the cube turns to face the viewer.
     */
    private void update3d(Scene s, int n, float e, float cx, float cy) {
        if (sizes == null || sizes.length < n) sizes = new float[Math.max(n, 16)];
        if (order == null || order.length < n) order = new int[Math.max(n, 16)];
        if (depth.length < n) { depth = new float[n]; keys = new long[n]; }
        float side = Math.min(areaW, areaH) * 0.8f * scale;
        float tsne = (float) placement.tsneSprite(n) * imageSize;
        float cell = (float) placement.gridSprite() * Math.min(1, scale);
        float zoom = camera.zoom();
        orbit.begin(1 - e);
        int m = 0;
        for (int i = 0; i < n; i++) {
            orbit.project(s.tx[i], s.ty[i], s.tz[i], projected);
            float wx = projected[0] * side, wy = projected[1] * side, size = tsne * projected[2];
            if (e > 0) {
                wx += (((float) placement.x(s.gx[i]) - cx) * scale - wx) * e;
                wy += (((float) placement.y(s.gy[i]) - cy) * scale - wy) * e;
                size += (cell - size) * e;
            }
            sx[i] = areaX + camera.screenX(wx);
            sy[i] = areaY + camera.screenY(wy);
            sizes[i] = Math.max(1, size * zoom);
            depth[i] = projected[3];
            if (!s.hidden.isEmpty() && !s.shown(i)) { sx[i] = sy[i] = AWAY; continue; }
            // far first: the distance's bits order like the float (positive), the index rides in the low half
            keys[m++] = (long) ~Float.floatToIntBits(projected[3]) << 32 | i;
        }
        java.util.Arrays.sort(keys, 0, m);
        for (int k = 0; k < m; k++) order[k] = (int) keys[k];
        ordered = m;
        spriteSize = Math.max(1, (tsne + (cell - tsne) * e) * zoom);
        for (int a = 0; a < 3; a++) {
            orbit.project(a == 0 ? 1 : 0.5f, a == 1 ? 1 : 0.5f, a == 2 ? 1 : 0.5f, projected);
            axes[2 * a] = projected[0] * 2 / projected[2];
            axes[2 * a + 1] = projected[1] * 2 / projected[2];
        }
        axesFade = 1 - e;
    }

    /** The turned x, y and z axes as unit vectors on screen (no perspective), for the orientation marker; fading out into the grid. */
    final float[] axes = new float[6];
    float axesFade;

    /** Sprite i's size on screen this frame. */
    float size(int i) { return sizes != null ? sizes[i] : spriteSize; }

    /** Zooms around a window point. */
    void zoomAround(float x, float y, float factor) { camera.zoomAround(x - areaX, y - areaY, factor); }

    /** Pans and zooms so the window rectangle (x0, y0)-(x1, y1) fills the free area (with a margin). */
    /** The sprites as last drawn, first to last: far to near in 3-D, index order in 2-D. */
    int[] drawOrder(int n) {
        if (order != null) return java.util.Arrays.copyOf(order, ordered);
        int[] o = new int[n];
        for (int i = 0; i < n; i++) o[i] = i;
        return o;
    }

    /** Zooms and pans so the flagged sprites (as last placed) fill the free area; false when none is shown. */
    boolean zoomTo(boolean[] flagged, int n) {
        float x0 = Float.MAX_VALUE, y0 = Float.MAX_VALUE, x1 = -Float.MAX_VALUE, y1 = -Float.MAX_VALUE;
        for (int i = 0; i < Math.min(flagged.length, Math.min(n, sx.length)); i++) {
            if (!flagged[i] || sx[i] == AWAY) continue;
            x0 = Math.min(x0, sx[i]); x1 = Math.max(x1, sx[i]);
            y0 = Math.min(y0, sy[i]); y1 = Math.max(y1, sy[i]);
        }
        if (x0 > x1) return false;
        zoomTo(x0, y0, x1, y1);
        return true;
    }

    void zoomTo(float x0, float y0, float x1, float y1) {
        float wx0 = camera.worldX(x0 - areaX), wx1 = camera.worldX(x1 - areaX), wy0 = camera.worldY(y0 - areaY), wy1 = camera.worldY(y1 - areaY);
        float w = Math.max(wx1 - wx0, spriteSize / camera.zoom()) + 2 * spriteSize / camera.zoom();
        float h = Math.max(wy1 - wy0, spriteSize / camera.zoom()) + 2 * spriteSize / camera.zoom();
        camera.set((wx0 + wx1) / 2, (wy0 + wy1) / 2, Math.min(areaW / w, areaH / h));
    }

    /** Zooms around the free area's centre. */
    void zoom(float factor) { camera.zoomAround(areaW / 2, areaH / 2, factor); }

    /** The topmost sprite under a window point (the last drawn wins: the nearest in 3-D), or -1. */
    int spriteAt(int n, float x, float y) {
        if (order != null) {
            for (int k = ordered - 1; k >= 0; k--) {
                int i = order[k];
                if (i < n && Math.abs(sx[i] - x) <= sizes[i] / 2 && Math.abs(sy[i] - y) <= sizes[i] / 2) return i;
            }
            return -1;
        }
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
