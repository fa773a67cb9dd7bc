package imagetsne.sketch;

/**
 * The orbit of a 3-D layout: the unit cube turned about its centre (yaw about the vertical axis, then
 * pitch about the horizontal one) and seen in perspective from {@link #DISTANCE} cube sides away. It
 * projects onto a plane in cube sides that the 2-D {@link Camera} then pans and zooms, so zoom, pan and
 * zoom-to-cursor work as in 2-D. Screen y points down, depth away from the viewer. Pure maths.
 */
final class Orbit {
    /** Eye to cube centre, in cube sides: near enough for depth to read, far enough that nothing comes close. */
    static final float DISTANCE = 2.5f;
    /** Radians per pixel dragged. */
    static final float PER_PIXEL = 0.01f;
    static final float START_YAW = 0.6f, START_PITCH = -0.35f;
    private static final float MAX_PITCH = 1.55f;

    private float yaw = START_YAW, pitch = START_PITCH;
    private float cy, sy, cp, sp; // cos/sin of the angles in use

    float yaw() { return yaw; }

    float pitch() { return pitch; }

    /** A drag: right turns the cube right (yaw), down tips its top toward the viewer (pitch), which stops short of the poles. */
    void drag(float dx, float dy) { set(yaw + dx * PER_PIXEL, pitch + dy * PER_PIXEL); }

    void set(float yaw, float pitch) {
        this.yaw = (float) Math.IEEEremainder(yaw, 2 * Math.PI);
        this.pitch = Math.max(-MAX_PITCH, Math.min(MAX_PITCH, pitch));
    }

    void reset() { set(START_YAW, START_PITCH); }

    /** Fixes the angles for the projections that follow, scaled by {@code amount} (0 = seen from the front). */
    void begin(float amount) {
        double a = yaw * amount, b = pitch * amount;
        cy = (float) Math.cos(a);
        sy = (float) Math.sin(a);
        cp = (float) Math.cos(b);
        sp = (float) Math.sin(b);
    }

    /**
     * Projects the cube point (u, v, w), each 0..1, into {@code out}: the plane x and y in cube sides from
     * the centre, the perspective scale (1 at the centre's depth, larger nearer), and the distance from
     * the eye in cube sides (sort far to near by it). Call {@link #begin} first.
     */
    void project(float u, float v, float w, float[] out) {
        float x = u - 0.5f, y = v - 0.5f, z = w - 0.5f;
        float x1 = x * cy - z * sy, z1 = x * sy + z * cy;
        float y2 = y * cp - z1 * sp, z2 = y * sp + z1 * cp;
        float d = DISTANCE + z2;
        float f = DISTANCE / d;
        out[0] = x1 * f;
        out[1] = y2 * f;
        out[2] = f;
        out[3] = d;
    }
}
