package imagetsne.ui;

import static org.junit.jupiter.api.Assertions.*;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class DropDownTest {
    private final Controls cp = new Controls();
    private final List<ControlEvent> events = new ArrayList<>();
    // header y 10..28, items a 28..46, b 46..64, c 64..82, d 82..100
    private final DropDown dd = cp.addDropDown("features").setPosition(10, 10).setSize(150, 18)
            .setItems("auto", "cnn", "hog", "pixels").setIndex(1).onChange(events::add);

    private boolean click(float x, float y) {
        boolean used = cp.mousePressed(x, y);
        cp.mouseReleased(x, y);
        return used;
    }

    @Test
    void clickOpensAndAnItemSelectsAndCloses() {
        assertFalse(dd.isOpen());
        assertFalse(cp.isInside(50, 70));
        assertTrue(click(50, 15));
        assertTrue(dd.isOpen());
        assertTrue(cp.isInside(50, 70));
        assertTrue(click(50, 70));
        assertFalse(dd.isOpen());
        assertEquals(2, dd.getIndex());
        assertEquals("hog", dd.getSelected());
        assertEquals(1, events.size());
        assertEquals("hog", events.get(0).stringValue());
        assertEquals(2, events.get(0).value());
        // the header again toggles: open, then closed
        click(50, 15);
        click(50, 15);
        assertFalse(dd.isOpen());
        assertEquals(2, dd.getIndex());
    }

    @Test
    void clickElsewhereClosesWithoutSelecting() {
        click(50, 15);
        assertTrue(click(500, 500), "the closing click is used up");
        assertFalse(dd.isOpen());
        assertEquals(1, dd.getIndex());
        assertTrue(events.isEmpty());
        assertFalse(click(500, 500), "a click elsewhere with the list closed goes to the sketch");
    }

    @Test
    void openListTakesClicksOverControlsBelow() {
        List<ControlEvent> clicks = new ArrayList<>();
        cp.addButton("below").setPosition(10, 30).setSize(150, 20).onClick(clicks::add);
        Toggle wheelTarget = cp.addToggle("t").setPosition(10, 50);
        click(50, 15);
        assertTrue(click(50, 35));
        assertEquals("auto", dd.getSelected());
        assertTrue(clicks.isEmpty(), "the button under the list did not fire");
        assertTrue(click(50, 35));
        assertEquals(1, clicks.size(), "with the list closed the button takes the click");

        click(50, 15);
        assertTrue(cp.mouseWheel(20, 55, -1));
        assertFalse(wheelTarget.getBooleanValue());
    }

    @Test
    void openListInAGroupTakesClicksOverLaterSiblings() {
        Group g = cp.addGroup("more").setPosition(300, 0);
        DropDown kind = cp.addDropDown("kind").setItems("a", "b", "c");
        Toggle t = cp.addToggle("after");
        g.add(kind, t);
        float kx = kind.absX() + 20, ky = kind.absY() + 5;
        assertTrue(t.absY() < kind.absY() + 2 * kind.getHeight(), "the list's first item covers the toggle");
        click(kx, ky);
        click(kx, t.absY() + 3);
        assertEquals("a", kind.getSelected());
        assertFalse(t.getBooleanValue());
    }

    @Test
    void onlyOneListOpensAndAClosedGroupDropsIts() {
        Group g = cp.addGroup("g").setPosition(300, 0);
        DropDown other = cp.addDropDown("other").setItems("x", "y");
        g.add(other);
        click(50, 15);
        click(other.absX() + 5, other.absY() + 5);
        assertTrue(other.isOpen());
        assertFalse(dd.isOpen());
        g.setOpen(false);
        assertFalse(cp.isInside(other.absX() + 5, other.absY() + 30));
        assertFalse(other.isOpen() && other.isShown());
    }

    @Test
    void itemsAndIndex() {
        assertEquals(List.of("auto", "cnn", "hog", "pixels"), dd.getItems());
        dd.setItems("pixels", "cnn");
        assertEquals("cnn", dd.getSelected(), "new items keep the selection when they hold it");
        dd.setItems("a", "b");
        assertEquals(-1, dd.getIndex());
        assertNull(dd.getSelected());
        assertThrows(IndexOutOfBoundsException.class, () -> dd.setIndex(2));
        dd.setSelected("b");
        assertEquals(1, dd.getIndex());
        assertThrows(IllegalArgumentException.class, () -> dd.setSelected("zzz"));
        dd.setLock(true);
        click(50, 15);
        assertFalse(dd.isOpen(), "a locked dropdown does not open");
    }
}
