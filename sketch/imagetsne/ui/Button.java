package imagetsne.ui;

import java.util.function.Consumer;
import processing.core.PConstants;
import processing.core.PGraphics;

/** A push button: fires its callbacks when the mouse is released inside it after pressing it. */
public final class Button extends Controller<Button> {
    static final float DEFAULT_HEIGHT = 20;

    private float value;

    Button(Controls cp, String name) { super(cp, name, DEFAULT_HEIGHT); }

    /** Same as {@link #onChange}: a button changes only by being clicked. */
    public Button onClick(Consumer<ControlEvent> listener) { return onChange(listener); }

    @Override
    public float getValue() { return value; }

    /** Stores the value that click events carry; does not click. */
    @Override
    public Button setValue(float v) {
        value = v;
        return this;
    }

    @Override
    String stringValue() { return getLabel(); }

    @Override
    void release(float mx, float my) {
        if (contains(mx, my)) fire();
        else changed(); // the pressed look goes away
    }

    @Override
    void draw(PGraphics g) {
        float ax = absX(), ay = absY(), w = getWidth(), h = getHeight();
        int c = !isEnabled() ? Controls.LOCKED_BACKGROUND
                : cp.active == this ? Controls.ACTIVE : cp.hover == this ? Controls.FOREGROUND : Controls.BACKGROUND;
        rect(g, c, ax, ay, w, h);
        text(g, textColor(), getLabel(), ax + w / 2, ay, h, w - 8, PConstants.CENTER);
    }
}
