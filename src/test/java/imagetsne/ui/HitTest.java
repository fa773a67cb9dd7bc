package imagetsne.ui;

import static org.junit.jupiter.api.Assertions.*;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class HitTest {
    private final Controls cp = new Controls();

    @Test
    void containsIsTheRectangleInScreenCoordinates() {
        Slider s = cp.addSlider("s").setPosition(10, 20).setSize(100, 18);
        assertTrue(s.contains(10, 20));
        assertTrue(s.contains(109.9f, 37.9f));
        assertFalse(s.contains(110, 25));
        assertFalse(s.contains(9.9f, 25));
        assertFalse(s.contains(50, 38));
        assertFalse(s.contains(50, 19.9f));
        assertTrue(cp.isInside(50, 25));
        assertFalse(cp.isInside(200, 200));
        s.setVisible(false);
        assertFalse(s.contains(50, 25));
        assertFalse(cp.isInside(50, 25));
    }

    @Test
    void groupBackgroundIsInsideButNotAControl() {
        Group g = cp.addGroup("g").setPosition(0, 0).setWidth(200);
        Slider s = cp.addSlider("s").setRange(0, 100);
        g.add(s);
        float below = g.getHeight() - 2; // bottom padding, under the slider
        assertTrue(cp.isInside(100, below));
        assertTrue(cp.mousePressed(100, below), "a press on the panel background is swallowed");
        cp.mouseReleased(100, below);
        assertEquals(0, s.getValue());
        assertTrue(g.isOpen());
    }

    @Test
    void closedGroupHidesChildrenFromHits() {
        Group g = cp.addGroup("g").setPosition(0, 0).setWidth(200);
        Slider s = cp.addSlider("s").setRange(0, 100);
        g.add(s);
        float sy = s.absY() + 5, sx = s.absX() + s.getWidth() / 2;
        assertTrue(s.contains(sx, sy));
        assertTrue(cp.mousePressed(sx, sy));
        cp.mouseReleased(sx, sy);
        assertEquals(50, s.getValue(), 0.01);

        // a click on the bar closes the group
        assertTrue(cp.mousePressed(5, 5));
        cp.mouseReleased(5, 5);
        assertFalse(g.isOpen());
        assertFalse(s.contains(sx, sy));
        assertFalse(cp.isInside(sx, sy));
        assertFalse(cp.mousePressed(sx + 30, sy), "the sketch gets clicks where the closed group's children were");
        cp.mouseReleased(sx + 30, sy);
        assertFalse(cp.mouseWheel(sx, sy, -1));
        assertEquals(50, s.getValue(), 0.01);
    }

    @Test
    void hiddenControlsHitNothing() {
        Button b = cp.addButton("b").setPosition(0, 0);
        List<ControlEvent> events = new ArrayList<>();
        b.onClick(events::add);
        cp.setVisible(false);
        assertFalse(cp.isVisible());
        assertFalse(cp.isInside(5, 5));
        assertFalse(cp.mousePressed(5, 5));
        assertFalse(cp.mouseReleased(5, 5));
        assertFalse(cp.mouseWheel(5, 5, 1));
        assertFalse(cp.mouseMoved(5, 5));
        assertTrue(events.isEmpty());
        cp.setVisible(true);
        assertTrue(cp.mousePressed(5, 5));
        assertTrue(cp.mouseReleased(5, 5));
        assertEquals(1, events.size());
    }

    @Test
    void lockedControlsIgnoreInputButSwallowIt() {
        Button b = cp.addButton("b").setPosition(0, 0).setLock(true);
        Slider s = cp.addSlider("s").setPosition(0, 40).setRange(0, 100).setValue(10);
        List<ControlEvent> events = new ArrayList<>();
        b.onClick(events::add);
        s.onChange(events::add);
        s.setLock(true);
        assertTrue(cp.mousePressed(5, 5), "a locked button still keeps the click from the sketch");
        cp.mouseReleased(5, 5);
        assertTrue(cp.mousePressed(150, 45));
        cp.mouseDragged(190, 45);
        cp.mouseReleased(190, 45);
        assertTrue(cp.mouseWheel(100, 45, -3));
        assertEquals(10, s.getValue());
        assertTrue(events.isEmpty());

        b.setLock(false);
        cp.mousePressed(5, 5);
        cp.mouseReleased(5, 5);
        assertEquals(1, events.size());
    }

    @Test
    void lockedGroupLocksItsChildren() {
        Group g = cp.addGroup("g").setPosition(0, 0);
        Toggle t = cp.addToggle("t");
        g.add(t);
        g.setLock(true);
        float ty = t.absY() + 2;
        cp.mousePressed(t.absX() + 2, ty);
        cp.mouseReleased(t.absX() + 2, ty);
        assertFalse(t.getBooleanValue());
        cp.mousePressed(5, 5);
        cp.mouseReleased(5, 5);
        assertTrue(g.isOpen(), "a locked group's bar does not collapse it");
    }

    @Test
    void laterControllersAreOnTop() {
        Toggle under = cp.addToggle("under").setPosition(0, 0).setSize(100, 20);
        Toggle over = cp.addToggle("over").setPosition(50, 0).setSize(100, 20);
        cp.mousePressed(75, 10);
        cp.mouseReleased(75, 10);
        assertTrue(over.getBooleanValue());
        assertFalse(under.getBooleanValue());
    }

    @Test
    void namesAreUniqueAndLookedUp() {
        Slider s = cp.addSlider("perplexity");
        assertSame(s, cp.get("perplexity"));
        assertSame(s, cp.get(Slider.class, "perplexity"));
        assertNull(cp.get("nothing"));
        assertThrows(ClassCastException.class, () -> cp.get(Toggle.class, "perplexity"));
        assertThrows(IllegalArgumentException.class, () -> cp.addToggle("perplexity"));
    }
}
