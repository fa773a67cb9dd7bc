package imagetsne.ui;

import java.util.Arrays;
import java.util.List;
import processing.core.PConstants;
import processing.core.PGraphics;

/**
 * A closed bar showing the label and the selected item; a click opens the item list below it, drawn over
 * everything else. While open, the list takes clicks first; a click on an item selects it and closes,
 * a click elsewhere closes (see {@link Controls#mousePressed}). Value: the selected index (-1 = none).
 */
public final class DropDown extends Controller<DropDown> {
    static final float DEFAULT_HEIGHT = 18;

    private String[] items = new String[0];
    private int index = -1;
    private boolean open;

    DropDown(Controls cp, String name) { super(cp, name, DEFAULT_HEIGHT); }

    /** Keeps the selected item when the new list holds it, otherwise selects nothing. */
    public DropDown setItems(String... items) {
        String old = getSelected();
        this.items = items.clone();
        int keep = old == null ? -1 : Arrays.asList(this.items).indexOf(old);
        if (keep != index) {
            index = keep;
            fire();
        }
        changed();
        return this;
    }

    public List<String> getItems() { return List.of(items); }

    public int getIndex() { return index; }

    /** The selected item, or null. */
    public String getSelected() { return index < 0 ? null : items[index]; }

    /** -1 selects nothing; callbacks fire only on a change. */
    public DropDown setIndex(int i) {
        if (i < -1 || i >= items.length) {
            throw new IndexOutOfBoundsException("item " + i + " of " + items.length + " in " + getName());
        }
        if (i != index) {
            index = i;
            fire();
        }
        return this;
    }

    /** Selects an item by its text. */
    public DropDown setSelected(String item) {
        int i = Arrays.asList(items).indexOf(item);
        if (i < 0) throw new IllegalArgumentException("no item '" + item + "' in " + getName());
        return setIndex(i);
    }

    public boolean isOpen() { return open; }

    public DropDown setOpen(boolean o) {
        if (o != open) {
            open = o;
            cp.listOpened(this, o);
            changed();
        }
        return this;
    }

    @Override
    public DropDown setLock(boolean lock) {
        if (lock) setOpen(false);
        return super.setLock(lock);
    }

    @Override
    public float getValue() { return index; }

    @Override
    public DropDown setValue(float v) { return setIndex(Math.round(v)); }

    @Override
    String stringValue() { return index < 0 ? "" : items[index]; }

    /** The closed bar, plus the list when open. */
    @Override
    public boolean contains(float mx, float my) {
        if (!isShown()) return false;
        float ax = absX(), ay = absY(), h = getHeight();
        float bottom = ay + h * (open ? 1 + items.length : 1);
        return mx >= ax && mx < ax + getWidth() && my >= ay && my < bottom;
    }

    /** Item under (mx, my) in the open list, or -1. */
    int itemAt(float mx, float my) {
        if (!open || !contains(mx, my)) return -1;
        int i = (int) Math.floor((my - absY()) / getHeight()) - 1;
        return i >= 0 && i < items.length ? i : -1;
    }

    @Override
    void press(float mx, float my) {
        int i = itemAt(mx, my);
        if (i >= 0) setIndex(i);
        setOpen(i < 0 && !open);
    }

    @Override
    void draw(PGraphics g) {
        float ax = absX(), ay = absY(), w = getWidth(), h = getHeight();
        rect(g, open ? Controls.ACTIVE : isHot() ? fgColor() : bgColor(), ax, ay, w, h);
        String sel = stringValue();
        float selW = g.textWidth(sel);
        text(g, textColor(), getLabel(), ax + 4, ay, h, w - selW - 30, PConstants.LEFT);
        text(g, textColor(), sel, ax + w - 18, ay, h, w - 22, PConstants.RIGHT);
        // a small triangle: down when closed, up when open
        float cx = ax + w - 9, cy = ay + h / 2, s = 3;
        g.fill(textColor());
        if (open) g.triangle(cx - s, cy + s / 2, cx + s, cy + s / 2, cx, cy - s);
        else g.triangle(cx - s, cy - s / 2, cx + s, cy - s / 2, cx, cy + s);
    }

    /** The open list, drawn by Controls after every other controller. */
    void drawList(PGraphics g) {
        float ax = absX(), ay = absY(), w = getWidth(), h = getHeight();
        int hover = itemAt(cp.mouseX, cp.mouseY);
        for (int i = 0; i < items.length; i++) {
            float iy = ay + h * (i + 1);
            int c = i == hover ? Controls.ACTIVE : i == index ? Controls.FOREGROUND : Controls.BACKGROUND;
            rect(g, c, ax, iy, w, h);
            rect(g, Controls.PANEL, ax, iy + h - 1, w, 1); // separator
            text(g, Controls.TEXT, items[i], ax + 8, iy, h, w - 12, PConstants.LEFT);
        }
    }
}
