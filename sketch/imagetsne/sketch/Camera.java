package imagetsne.sketch;

/**
 * Pan and zoom: screen = (world - center) * zoom + viewCenter. Zoom 1 is "fit to window": the sketch
 * sizes the world so that the whole layout fits at zoom 1. Pure maths, unit-tested without a window.
 */
public final class Camera {
    public static final float MIN_ZOOM = 0.1f, MAX_ZOOM = 60f;
    private float cx, cy;          // world point at the view centre
    private float zoom = 1;
    private int viewW = 1, viewH = 1;

    public void setView(int w, int h) { viewW = Math.max(1, w); viewH = Math.max(1, h); }
    public int viewWidth() { return viewW; }
    public int viewHeight() { return viewH; }
    public float zoom() { return zoom; }
    public float centerX() { return cx; }
    public float centerY() { return cy; }

    public float screenX(float wx) { return (wx - cx) * zoom + viewW * 0.5f; }
    public float screenY(float wy) { return (wy - cy) * zoom + viewH * 0.5f; }
    public float worldX(float sx) { return (sx - viewW * 0.5f) / zoom + cx; }
    public float worldY(float sy) { return (sy - viewH * 0.5f) / zoom + cy; }

    /** Looks at (x, y) with zoom 1. */
    public void reset(float x, float y) { cx = x; cy = y; zoom = 1; }

    public void set(float x, float y, float z) { cx = x; cy = y; zoom = clamp(z); }

    /** Moves the view by a screen-space drag. */
    public void pan(float dxScreen, float dyScreen) {
        cx -= dxScreen / zoom;
        cy -= dyScreen / zoom;
    }

    /** Zooms by factor keeping the world point under (sx, sy) fixed on screen, so zoom follows the cursor. */
    public void zoomAround(float sx, float sy, float factor) {
        float wx = worldX(sx), wy = worldY(sy);
        zoom = clamp(zoom * factor);
        cx = wx - (sx - viewW * 0.5f) / zoom;
        cy = wy - (sy - viewH * 0.5f) / zoom;
    }

    private static float clamp(float z) { return Math.max(MIN_ZOOM, Math.min(MAX_ZOOM, z)); }
}
