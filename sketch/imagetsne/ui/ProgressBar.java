package imagetsne.ui;

import processing.core.PConstants;
import processing.core.PGraphics;

/** A bar filled to a fraction 0..1 with a line of text over it. Not interactive. */
public final class ProgressBar extends Controller<ProgressBar> {
    static final float DEFAULT_HEIGHT = 18;

    private float value;
    private String text = "";

    ProgressBar(Controls cp, String name) { super(cp, name, DEFAULT_HEIGHT); }

    @Override
    public float getValue() { return value; }

    /** Clamped to 0..1. */
    @Override
    public ProgressBar setValue(float v) {
        float c = Float.isNaN(v) ? 0 : Math.max(0, Math.min(1, v));
        if (c != value) {
            value = c;
            fire();
        }
        return this;
    }

    public String getText() { return text; }

    public ProgressBar setText(String text) {
        this.text = text == null ? "" : text;
        changed();
        return this;
    }

    @Override
    String stringValue() { return text; }

    @Override
    Controller<?> hit(float mx, float my) { return null; }

    @Override
    void draw(PGraphics g) {
        float ax = absX(), ay = absY(), w = getWidth(), h = getHeight();
        rect(g, bgColor(), ax, ay, w, h);
        rect(g, isEnabled() ? Controls.FOREGROUND : Controls.LOCKED_FOREGROUND, ax, ay, w * value, h);
        text(g, textColor(), text, ax + 4, ay, h, w - 8, PConstants.LEFT);
    }
}
