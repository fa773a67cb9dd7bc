package imagetsne.ui;

import processing.core.PConstants;
import processing.core.PGraphics;

/** An on/off switch: a square box (active colour when on) with the label to its right; a click flips it. */
public final class Toggle extends Controller<Toggle> {
    static final float DEFAULT_HEIGHT = 18;

    private boolean on;

    Toggle(Controls cp, String name) { super(cp, name, DEFAULT_HEIGHT); }

    public boolean getBooleanValue() { return on; }

    /** Callbacks fire only on a change. */
    public Toggle setValue(boolean v) {
        if (v != on) {
            on = v;
            fire();
        }
        return this;
    }

    @Override
    public float getValue() { return on ? 1 : 0; }

    @Override
    public Toggle setValue(float v) { return setValue(v != 0); }

    @Override
    String stringValue() { return Boolean.toString(on); }

    @Override
    void press(float mx, float my) { setValue(!on); }

    @Override
    void draw(PGraphics g) {
        float ax = absX(), ay = absY(), h = getHeight();
        int box = !isEnabled() ? (on ? Controls.LOCKED_FOREGROUND : Controls.LOCKED_BACKGROUND)
                : on ? Controls.ACTIVE : isHot() ? Controls.FOREGROUND : Controls.BACKGROUND;
        rect(g, box, ax, ay, h, h);
        text(g, textColor(), getLabel(), ax + h + 6, ay, h, getWidth() - h - 6, PConstants.LEFT);
    }
}
