package imagetsne.ui;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import processing.core.PConstants;
import processing.core.PGraphics;

/**
 * A collapsible panel: a header bar (a click toggles open) over a semi-transparent background on which
 * the children stack vertically in the order added. A child's own position is an offset inside its slot
 * (x: indent, y: extra space above). Hidden children take no room; a closed group draws and hits only its
 * bar. The height follows the content; {@code setHeight} sets the bar's height. Value: 1 open, 0 closed.
 */
public final class Group extends Controller<Group> {
    static final float BAR_HEIGHT = 18, PADDING = 6, SPACING = 4;

    private final List<Controller<?>> children = new ArrayList<>();
    private boolean open = true;

    Group(Controls cp, String name) { super(cp, name, BAR_HEIGHT); }

    /** Appends children (moving them out of any other group or the top level). */
    public Group add(Controller<?>... cs) {
        for (Controller<?> c : cs) {
            if (c.cp != cp) throw new IllegalArgumentException(c.getName() + " belongs to another Controls");
            for (Group g = this; g != null; g = g.parent) {
                if (g == c) throw new IllegalArgumentException("cannot add " + c.getName() + " inside itself");
            }
            if (c.parent != null) c.parent.children.remove(c);
            else cp.detach(c);
            c.parent = this;
            children.add(c);
        }
        changed();
        return this;
    }

    public List<Controller<?>> getChildren() { return Collections.unmodifiableList(children); }

    public boolean isOpen() { return open; }

    /** Callbacks fire on a change. */
    public Group setOpen(boolean o) {
        if (o != open) {
            open = o;
            fire();
        }
        return this;
    }

    @Override
    public float getValue() { return open ? 1 : 0; }

    @Override
    public Group setValue(float v) { return setOpen(v != 0); }

    @Override
    String stringValue() { return Boolean.toString(open); }

    float barHeight() { return super.getHeight(); }

    float innerWidth() { return getWidth() - 2 * PADDING; }

    @Override
    public float getHeight() {
        float h = barHeight();
        if (!open) return h;
        float content = 0;
        boolean any = false;
        for (Controller<?> c : children) {
            if (!c.isVisible()) continue;
            content += (any ? SPACING : 0) + c.y + c.getHeight();
            any = true;
        }
        return any ? h + 2 * PADDING + content : h;
    }

    float childX(Controller<?> c) { return absX() + PADDING + c.x; }

    float childY(Controller<?> c) {
        float cy = absY() + barHeight() + PADDING;
        for (Controller<?> s : children) {
            if (s == c) break;
            if (s.isVisible()) cy += s.y + s.getHeight() + SPACING;
        }
        return cy + c.y;
    }

    @Override
    Controller<?> hit(float mx, float my) {
        if (!isShown()) return null;
        if (open) {
            for (int i = children.size() - 1; i >= 0; i--) {
                Controller<?> h = children.get(i).hit(mx, my);
                if (h != null) return h;
            }
        }
        return contains(mx, my) ? this : null;
    }

    boolean onBar(float mx, float my) { return contains(mx, my) && my < absY() + barHeight(); }

    @Override
    void press(float mx, float my) {
        if (onBar(mx, my)) setOpen(!open);
    }

    @Override
    boolean isHot() { return cp.hover == this && onBar(cp.mouseX, cp.mouseY); }

    @Override
    void draw(PGraphics g) {
        float ax = absX(), ay = absY(), w = getWidth(), bar = barHeight();
        if (open && getHeight() > bar) rect(g, Controls.PANEL, ax, ay + bar, w, getHeight() - bar);
        rect(g, isHot() ? fgColor() : bgColor(), ax, ay, w, bar);
        text(g, textColor(), getLabel(), ax + 6, ay, bar, w - 24, PConstants.LEFT);
        // open: a minus; closed: a plus
        float cx = ax + w - 10, cy = ay + bar / 2;
        rect(g, textColor(), cx - 4, cy - 0.5f, 8, 1);
        if (!open) rect(g, textColor(), cx - 0.5f, cy - 4, 1, 8);
        if (!open) return;
        for (Controller<?> c : children) {
            if (c.isVisible()) c.draw(g);
        }
    }
}
