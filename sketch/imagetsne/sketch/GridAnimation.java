package imagetsne.sketch;

/** The t-SNE-to-grid transition: 0 = t-SNE, 1 = grid, eased, taking {@link #SECONDS} either way. */
final class GridAnimation {
    static final float SECONDS = 0.8f;
    private boolean on;
    private float t;
    private long last = System.nanoTime();

    boolean isOn() { return on; }

    void set(boolean on) { this.on = on; }

    /** 0..1 toward the target. */
    float amount() { return t; }

    /** Smoothstep of {@link #amount()}: starts and ends gently. */
    float eased() { return t * t * (3 - 2 * t); }

    /** Advances by the time since the last call; true while moving. */
    boolean step() {
        long now = System.nanoTime();
        float dt = Math.min(0.1f, (now - last) / 1e9f);
        last = now;
        float target = on ? 1 : 0;
        if (t == target) return false;
        float d = dt / SECONDS;
        t = t < target ? Math.min(target, t + d) : Math.max(target, t - d);
        return true;
    }
}
