package imagetsne.ui;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import processing.core.PGraphics;

/**
 * The widget set (controlP5's {@code ControlP5}): creates named controllers, draws them on any PGraphics
 * and routes the sketch's mouse events to them. Mouse methods return true when the panel used the event,
 * so the sketch does not also pan or zoom. Everything runs on the caller's thread (the animation thread).
 */
public final class Controls {
    /** controlP5's default theme. */
    public static final int BACKGROUND = 0xFF002D5A, FOREGROUND = 0xFF016C9E, ACTIVE = 0xFF00B4EA,
            TEXT = 0xFFFFFFFF;
    /** Behind a group's children: dark, semi-transparent over the images. */
    public static final int PANEL = 0xC0000000;
    static final int LOCKED_BACKGROUND = 0xFF2A3038, LOCKED_FOREGROUND = 0xFF4A525C, LOCKED_TEXT = 0xFF8C939A;
    static final float TEXT_SIZE = 12;

    private final Map<String, Controller<?>> byName = new LinkedHashMap<>();
    private final List<Controller<?>> top = new ArrayList<>(); // drawn in this order, hit in reverse
    private boolean visible = true;
    private volatile boolean dirty = true;
    Controller<?> hover, active;
    /** The text field that has the keyboard, or null (volatile: tests ask from their own thread). */
    volatile TextField focus;
    private DropDown openList;
    float mouseX = Float.NaN, mouseY = Float.NaN;
    private int hoverPart;

    public Group addGroup(String name) { return add(new Group(this, name)); }

    public Slider addSlider(String name) { return add(new Slider(this, name)); }

    public Toggle addToggle(String name) { return add(new Toggle(this, name)); }

    public Button addButton(String name) { return add(new Button(this, name)); }

    public Label addLabel(String name) { return add(new Label(this, name)); }

    public ProgressBar addProgressBar(String name) { return add(new ProgressBar(this, name)); }

    public DropDown addDropDown(String name) { return add(new DropDown(this, name)); }

    public TextField addTextField(String name) { return add(new TextField(this, name)); }

    private <C extends Controller<?>> C add(C c) {
        if (byName.containsKey(c.getName())) throw new IllegalArgumentException("duplicate name " + c.getName());
        byName.put(c.getName(), c);
        top.add(c);
        markDirty();
        return c;
    }

    /** The controller of that name, or null. */
    public Controller<?> get(String name) { return byName.get(name); }

    /** The controller of that name and type, or null if there is none; ClassCastException for another type. */
    public <C extends Controller<?>> C get(Class<C> type, String name) { return type.cast(byName.get(name)); }

    /** Every controller, in creation order. */
    public List<Controller<?>> getAll() { return List.copyOf(byName.values()); }

    public boolean isVisible() { return visible; }

    /** Hides or shows the whole panel; hidden, it draws nothing and takes no events. */
    public void setVisible(boolean v) {
        if (v == visible) return;
        visible = v;
        if (!v) {
            closeList();
            hover = active = null;
        }
        markDirty();
    }

    /** True after any change since the last {@link #draw}: an idle sketch can skip frames otherwise. */
    public boolean needsRedraw() { return dirty; }

    void markDirty() { dirty = true; }

    void detach(Controller<?> c) { top.remove(c); }

    void listOpened(DropDown d, boolean open) {
        if (open) {
            if (openList != null && openList != d) openList.setOpen(false);
            openList = d;
        } else if (openList == d) {
            openList = null;
        }
    }

    private void closeList() {
        if (openList != null) openList.setOpen(false);
    }

    /** The open dropdown, if it is still shown (its group may have closed meanwhile). */
    private DropDown shownList() {
        if (openList != null && !openList.isShown()) closeList();
        return openList;
    }

    /** Draws the panel in screen coordinates of g, saving and restoring g's style. */
    public void draw(PGraphics g) {
        dirty = false;
        if (!visible) return;
        g.pushStyle();
        g.textSize(TEXT_SIZE);
        for (Controller<?> c : top) {
            if (c.isVisible()) c.draw(g);
        }
        DropDown list = shownList();
        if (list != null) list.drawList(g);
        g.popStyle();
    }

    /** The deepest shown controller under the point (the open list first), or null. */
    private Controller<?> hit(float x, float y) {
        DropDown list = shownList();
        if (list != null && list.contains(x, y)) return list;
        for (int i = top.size() - 1; i >= 0; i--) {
            Controller<?> h = top.get(i).hit(x, y);
            if (h != null) return h;
        }
        return null;
    }

    /** Over any shown controller, group background or open list. */
    public boolean isInside(float x, float y) {
        if (!visible) return false;
        DropDown list = shownList();
        if (list != null && list.contains(x, y)) return true;
        for (Controller<?> c : top) {
            if (c.contains(x, y)) return true;
        }
        return false;
    }

    /**
     * A press on a controller starts it (locked ones swallow it). With a list open, a press outside the list
     * closes it and then goes on to whatever it hit; it counts as used either way.
     */
    public boolean mousePressed(float x, float y) {
        move(x, y);
        if (!visible) return false;
        boolean closed = false;
        DropDown list = shownList();
        if (list != null && !list.contains(x, y)) {
            closeList();
            closed = true;
        }
        Controller<?> c = hit(x, y);
        if (c == null) return closed || isInside(x, y);
        if (c.isEnabled()) {
            active = c;
            c.press(x, y);
            markDirty();
        }
        return true;
    }

    public boolean mouseDragged(float x, float y) {
        move(x, y);
        if (active == null) return false;
        active.drag(x, y);
        return true;
    }

    public boolean mouseReleased(float x, float y) {
        move(x, y);
        Controller<?> a = active;
        if (a == null) return false;
        active = null;
        a.release(x, y);
        markDirty();
        return true;
    }

    /** Tracks hover (drawn in the active colour); true when over the panel. */
    public boolean mouseMoved(float x, float y) {
        move(x, y);
        return isInside(x, y);
    }

    /** Over an enabled slider: nudges it one step per count. Over any other part of the panel: swallowed. */
    public boolean mouseWheel(float x, float y, int count) {
        move(x, y);
        if (!visible) return false;
        Controller<?> c = hit(x, y);
        if (c != null && c.isEnabled()) c.wheel(count);
        return c != null || isInside(x, y);
    }

    private boolean pressOnPanel, consumed;

    /**
     * Hooks the panel into a sketch the way controlP5 does: the PApplet calls {@link #mouseEvent} for every
     * mouse event before the sketch's own handlers, which only ask {@link #hasMouse()} whether to leave it
     * alone. Keys cannot go the same way: PApplet runs registered {@code keyEvent} methods <em>after</em>
     * {@code keyPressed()}, so the key that focuses a field would land in it. The sketch hands each key
     * to {@link #keyPressed} first instead.
     */
    public Controls attach(processing.core.PApplet app) {
        app.registerMethod("mouseEvent", this);
        return this;
    }

    /** A key press from the sketch's {@code keyPressed()}: true when a focused text field took it. */
    public boolean keyPressed(char key, int keyCode) {
        if (focus == null || !visible || !focus.isShown()) return false;
        boolean taken = focus.key(key, keyCode);
        if (taken) markDirty();
        return taken;
    }

    /** True while a text field has the keyboard (the sketch's shortcuts are off). */
    public boolean hasKeyboard() { return focus != null && visible && focus.isShown(); }

    /** Called by the PApplet (see {@link #attach}) before the sketch's own mouse handlers. */
    public void mouseEvent(processing.event.MouseEvent e) {
        float x = e.getX(), y = e.getY();
        switch (e.getAction()) {
            case processing.event.MouseEvent.PRESS -> {
                consumed = pressOnPanel = mousePressed(x, y);
                if (focus != null && !(hit(x, y) instanceof TextField)) { focus = null; markDirty(); } // a click elsewhere ends typing
            }
            case processing.event.MouseEvent.DRAG -> consumed = pressOnPanel && mouseDragged(x, y) || pressOnPanel;
            case processing.event.MouseEvent.RELEASE -> consumed = pressOnPanel && (mouseReleased(x, y) || true);
            case processing.event.MouseEvent.MOVE -> consumed = mouseMoved(x, y);
            case processing.event.MouseEvent.WHEEL -> consumed = mouseWheel(x, y, e.getCount());
            case processing.event.MouseEvent.EXIT -> { move(Float.NaN, Float.NaN); consumed = false; }
            default -> consumed = false;
        }
    }

    /** True when the panel took the current mouse event (a press on it, the drag and release after, a wheel over it). */
    public boolean hasMouse() { return consumed; }

    private void move(float x, float y) {
        Controller<?> h = visible ? hit(x, y) : null;
        // group bars and list items highlight too: redraw when the part under the mouse changes
        int part = h instanceof Group g ? (g.onBar(x, y) ? 1 : 0) : h == openList && h != null ? openList.itemAt(x, y) : 0;
        if (h != hover || part != hoverPart) markDirty();
        hover = h;
        hoverPart = part;
        mouseX = x;
        mouseY = y;
    }
}
