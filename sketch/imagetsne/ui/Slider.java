package imagetsne.ui;

import processing.core.PConstants;
import processing.core.PGraphics;

/**
 * A horizontal bar over [min, max]: pressing or dragging maps the mouse x over the bar to the range,
 * the wheel moves one step. The value is kept clamped and rounded to {@code decimals} places (0 = integers).
 * Value text is drawn at the left inside the bar, the label at the right.
 */
public final class Slider extends Controller<Slider> {
    static final float DEFAULT_HEIGHT = 18;

    private float min = 0, max = 1, value = 0;
    private int decimals = 2;
    private boolean log;

    Slider(Controls cp, String name) { super(cp, name, DEFAULT_HEIGHT); }

    public Slider setRange(float min, float max) {
        if (!(max > min)) throw new IllegalArgumentException("slider range needs max > min: " + min + ".." + max);
        this.min = min;
        this.max = max;
        return setValue(value);
    }

    public float getMin() { return min; }

    public float getMax() { return max; }

    /** Places kept after the point; 0 makes an integer slider whose wheel step is 1. */
    public Slider setDecimals(int decimals) {
        if (decimals < 0) throw new IllegalArgumentException("decimals < 0: " + decimals);
        this.decimals = decimals;
        return setValue(value);
    }

    public int getDecimals() { return decimals; }

    /**
     * Bar position maps to the value exponentially, for wide ranges like 100..100,000 images.
     * Takes effect while min > 0 (linear otherwise), so it may be set before or after the range.
     */
    public Slider setLogarithmic(boolean log) {
        this.log = log;
        changed();
        return this;
    }

    public boolean isLogarithmic() { return log; }

    private boolean logScale() { return log && min > 0; }

    @Override
    public float getValue() { return value; }

    /** Clamps to the range and rounds to the decimals; callbacks fire only when the value changes. */
    @Override
    public Slider setValue(float v) {
        float q = clamp(round(clamp(v)));
        if (q != value) {
            value = q;
            fire();
        }
        return this;
    }

    private float clamp(float v) { return Math.max(min, Math.min(max, v)); }

    private float round(float v) {
        double p = Math.pow(10, decimals);
        return (float) (Math.round(v * p) / p);
    }

    /** Bar fraction 0..1 of a value in the range. */
    float fraction(float v) {
        if (logScale()) return (float) (Math.log(v / min) / Math.log(max / min));
        return (v - min) / (max - min);
    }

    float valueAt(float fraction) {
        float t = Math.max(0, Math.min(1, fraction));
        if (logScale()) return (float) (min * Math.pow(max / min, t));
        return min + t * (max - min);
    }

    @Override
    String stringValue() { return format(value, decimals); }

    @Override
    void press(float mx, float my) { drag(mx, my); }

    @Override
    void drag(float mx, float my) {
        float w = getWidth();
        if (w > 0) setValue(valueAt((mx - absX()) / w));
    }

    /** Positive counts (wheel toward the user) decrease. Logarithmic: 1/100 of the bar, at least one unit. */
    @Override
    void wheel(int count) {
        if (count == 0) return;
        if (!logScale()) {
            setValue(value - count * (decimals == 0 ? 1 : (max - min) / 100));
            return;
        }
        float next = round(clamp(valueAt(fraction(value) - count / 100f)));
        float unit = (float) Math.pow(10, -decimals);
        if (Math.abs(next - value) < unit) next = value - Math.signum(count) * unit;
        setValue(next);
    }

    @Override
    void draw(PGraphics g) {
        float ax = absX(), ay = absY(), w = getWidth(), h = getHeight();
        rect(g, bgColor(), ax, ay, w, h);
        rect(g, fgColor(), ax, ay, w * fraction(value), h);
        String v = stringValue();
        text(g, textColor(), v, ax + 4, ay, h, w - 8, PConstants.LEFT);
        float room = w - 16 - g.textWidth(v);
        if (room > 0) text(g, textColor(), getLabel(), ax + w - 4, ay, h, room, PConstants.RIGHT);
    }
}
