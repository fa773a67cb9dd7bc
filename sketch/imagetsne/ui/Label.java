package imagetsne.ui;

import processing.core.PConstants;
import processing.core.PGraphics;

/** Text, one or more lines split at '\n', each cut to the width. Not interactive; height follows the lines. */
public final class Label extends Controller<Label> {
    static final float LINE_HEIGHT = 16;

    private String text = "";
    private int color = Controls.TEXT;
    private float value;

    Label(Controls cp, String name) { super(cp, name, 0); }

    public String getText() { return text; }

    public Label setText(String text) {
        String t = text == null ? "" : text;
        if (!t.equals(this.text)) {
            this.text = t;
            fire();
        }
        return this;
    }

    public int getColor() { return color; }

    /** ARGB, e.g. 0xFFFF6060 for an error message. */
    public Label setColor(int argb) {
        color = argb;
        changed();
        return this;
    }

    /** At least the lines' height; a larger setHeight reserves room. */
    @Override
    public float getHeight() {
        return Math.max(super.getHeight(), text.split("\n", -1).length * LINE_HEIGHT);
    }

    @Override
    public float getValue() { return value; }

    @Override
    public Label setValue(float v) {
        value = v;
        return this;
    }

    @Override
    String stringValue() { return text; }

    @Override
    Controller<?> hit(float mx, float my) { return null; } // clicks go to the group behind

    @Override
    void draw(PGraphics g) {
        float ax = absX(), ay = absY(), w = getWidth();
        int c = isEnabled() ? color : Controls.LOCKED_TEXT;
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            text(g, c, lines[i], ax, ay + i * LINE_HEIGHT, LINE_HEIGHT, w, PConstants.LEFT);
        }
    }
}
