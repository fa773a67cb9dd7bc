package imagetsne.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Consumer;
import processing.core.PConstants;
import processing.core.PGraphics;

/**
 * Base of every widget: a named rectangle with fluent setters and value callbacks (controlP5's
 * {@code Controller<T>}). Positions are absolute for top-level controllers and relative to the stacking
 * slot inside a {@link Group}. A width never set follows the parent group's inner width.
 */
public abstract class Controller<T extends Controller<T>> {
    static final float DEFAULT_WIDTH = 200;

    final Controls cp;
    private final String name;
    private String label;
    float x, y;
    private float width = -1; // < 0: follow the parent group, or DEFAULT_WIDTH at top level
    private float height;
    private boolean visible = true, locked, broadcast = true;
    Group parent;
    private final List<Consumer<ControlEvent>> listeners = new ArrayList<>();

    Controller(Controls cp, String name, float height) {
        this.cp = cp;
        this.name = Objects.requireNonNull(name, "name");
        this.label = name;
        this.height = height;
    }

    @SuppressWarnings("unchecked")
    final T self() { return (T) this; }

    public String getName() { return name; }

    public String getLabel() { return label; }

    public T setLabel(String label) {
        this.label = label == null ? "" : label;
        changed();
        return self();
    }

    public T setPosition(float x, float y) {
        this.x = x;
        this.y = y;
        changed();
        return self();
    }

    public T setSize(float w, float h) { return setWidth(w).setHeight(h); }

    public T setWidth(float w) {
        width = w;
        changed();
        return self();
    }

    public T setHeight(float h) {
        height = h;
        changed();
        return self();
    }

    public float getWidth() {
        if (width >= 0) return width;
        return parent == null ? DEFAULT_WIDTH : Math.max(0, parent.innerWidth() - x);
    }

    public float getHeight() { return height; }

    public boolean isVisible() { return visible; }

    public T setVisible(boolean v) {
        visible = v;
        changed();
        return self();
    }

    public boolean isLocked() { return locked; }

    /** A locked controller is drawn greyed and ignores the mouse (it still blocks clicks from the sketch). */
    public T setLock(boolean lock) {
        locked = lock;
        changed();
        return self();
    }

    public boolean isBroadcast() { return broadcast; }

    /** False: no callbacks at all, neither from setValue nor from the mouse (controlP5's setBroadcast). */
    public T setBroadcast(boolean b) {
        broadcast = b;
        return self();
    }

    public abstract float getValue();

    public abstract T setValue(float value);

    public T onChange(Consumer<ControlEvent> listener) {
        listeners.add(Objects.requireNonNull(listener));
        return self();
    }

    public float absX() { return parent == null ? x : parent.childX(this); }

    public float absY() { return parent == null ? y : parent.childY(this); }

    /** Hit test in screen coordinates; false when this or an ancestor is hidden or closed. */
    public boolean contains(float mx, float my) {
        if (!isShown()) return false;
        float ax = absX(), ay = absY();
        return mx >= ax && mx < ax + getWidth() && my >= ay && my < ay + getHeight();
    }

    /** Visible, and every enclosing group visible and open (the panel-wide flag is the Controls'). */
    boolean isShown() { return visible && (parent == null || parent.isShown() && parent.isOpen()); }

    /** Takes input: neither this nor an enclosing group is locked. */
    boolean isEnabled() { return !locked && (parent == null || parent.isEnabled()); }

    /** Under the mouse or being pressed: drawn in the active colour as in controlP5. */
    boolean isHot() { return cp.hover == this || cp.active == this; }

    String stringValue() { return format(getValue(), 2); }

    void changed() { cp.markDirty(); }

    void fire() {
        changed();
        if (!broadcast || listeners.isEmpty()) return;
        ControlEvent e = new ControlEvent(this);
        for (Consumer<ControlEvent> l : List.copyOf(listeners)) l.accept(e);
    }

    /** The deepest shown controller at (mx, my), or null. Groups override to search their children. */
    Controller<?> hit(float mx, float my) { return contains(mx, my) ? this : null; }

    // Input, called by Controls only for an enabled controller that was hit (drag/release: the pressed one).
    void press(float mx, float my) {}

    void drag(float mx, float my) {}

    void release(float mx, float my) {}

    void wheel(int count) {}

    abstract void draw(PGraphics g);

    // --- drawing helpers: controlP5's theme, greyed when locked ---

    int bgColor() { return isEnabled() ? Controls.BACKGROUND : Controls.LOCKED_BACKGROUND; }

    int fgColor() {
        if (!isEnabled()) return Controls.LOCKED_FOREGROUND;
        return isHot() ? Controls.ACTIVE : Controls.FOREGROUND;
    }

    int textColor() { return isEnabled() ? Controls.TEXT : Controls.LOCKED_TEXT; }

    static void rect(PGraphics g, int color, float x, float y, float w, float h) {
        g.noStroke();
        g.fill(color);
        g.rect(x, y, w, h);
    }

    /** One line of text vertically centred in a box of height h, cut to fit maxW. */
    static void text(PGraphics g, int color, String s, float x, float y, float h, float maxW, int align) {
        g.fill(color);
        g.textAlign(align, PConstants.CENTER);
        g.text(fit(g, s, maxW), x, y + h / 2 - 1);
    }

    static String fit(PGraphics g, String s, float maxW) {
        if (g.textWidth(s) <= maxW) return s;
        for (int n = s.length() - 1; n > 0; n--) {
            String t = s.substring(0, n) + "...";
            if (g.textWidth(t) <= maxW) return t;
        }
        return "";
    }

    static String format(float v, int decimals) {
        if (decimals <= 0) return Long.toString(Math.round((double) v));
        return String.format(Locale.ROOT, "%." + decimals + "f", v);
    }

    @Override
    public String toString() { return getClass().getSimpleName() + "[" + name + "=" + stringValue() + "]"; }
}
