package imagetsne.ui;

import java.util.function.Consumer;
import processing.core.PConstants;
import processing.core.PGraphics;

/**
 * One line of text the user types (controlP5's {@code Textfield}): a click or {@link #focus()} gives it the
 * keyboard, every edit fires the change callbacks, Enter fires {@link #onSubmit}, Esc empties it and
 * gives the keyboard back. Keys reach it through {@link Controls#keyPressed}.
 */
public final class TextField extends Controller<TextField> {
    static final float DEFAULT_HEIGHT = 20;

    private final StringBuilder text = new StringBuilder();
    private String placeholder = "";
    private Consumer<ControlEvent> submit = e -> {};
    /** A label set by the caller is drawn at the right, as a slider's; the default (the name) is not. */
    private boolean labelShown;

    TextField(Controls cp, String name) { super(cp, name, DEFAULT_HEIGHT); }

    @Override public TextField setLabel(String label) {
        labelShown = label != null && !label.isEmpty();
        return super.setLabel(label);
    }

    public String getText() { return text.toString(); }

    public TextField setText(String s) {
        text.setLength(0);
        if (s != null) text.append(s);
        fire();
        return this;
    }

    /** Grey text shown while the field is empty and not focused. */
    public TextField setPlaceholder(String p) {
        placeholder = p == null ? "" : p;
        changed();
        return this;
    }

    /** Enter: the text is done (a search runs, an address is taken). */
    public TextField onSubmit(Consumer<ControlEvent> listener) {
        submit = listener;
        return this;
    }

    public boolean isFocused() { return cp.focus == this; }

    /** Takes the keyboard. */
    public TextField focus() {
        cp.focus = this;
        changed();
        return this;
    }

    @Override public float getValue() { return text.length(); }

    /** Text fields hold text: the value is its length and cannot be set. */
    @Override public TextField setValue(float v) { return this; }

    @Override String stringValue() { return getText(); }

    @Override void press(float mx, float my) { focus(); }

    /** A key while focused: true when it was taken. */
    boolean key(char key, int keyCode) {
        if (key == PConstants.ESC) {
            text.setLength(0);
            cp.focus = null;
            fire();
            return true;
        }
        if (key == PConstants.ENTER || key == PConstants.RETURN) {
            if (isBroadcast()) submit.accept(new ControlEvent(this));
            return true;
        }
        if (key == PConstants.BACKSPACE) {
            if (text.length() > 0) {
                text.setLength(text.length() - 1);
                fire();
            }
            return true;
        }
        if (key == PConstants.CODED || key < ' ' || key == PConstants.DELETE) return keyCode != PConstants.SHIFT;
        text.append(key);
        fire();
        return true;
    }

    @Override
    void draw(PGraphics g) {
        float ax = absX(), ay = absY(), w = getWidth(), h = getHeight();
        rect(g, isFocused() ? Controls.FOREGROUND : bgColor(), ax, ay, w, h);
        boolean empty = text.length() == 0;
        String shown = empty && !isFocused() ? placeholder : getText() + (isFocused() ? "|" : "");
        // the end of a long text stays in view: cut from the left
        String s = shown;
        while (s.length() > 1 && g.textWidth(s) > w - 10) s = s.substring(1);
        float labelW = labelShown && !empty ? g.textWidth(getLabel()) + 12 : 0;
        while (s.length() > 1 && g.textWidth(s) > w - 10 - labelW) s = s.substring(1);
        text(g, empty && !isFocused() ? Controls.LOCKED_TEXT : textColor(), s, ax + 5, ay, h, w - 10 - labelW, PConstants.LEFT);
        if (labelW > 0) text(g, textColor(), getLabel(), ax + w - 4, ay, h, labelW, PConstants.RIGHT);
    }
}
