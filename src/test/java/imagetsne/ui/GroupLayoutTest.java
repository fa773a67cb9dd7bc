package imagetsne.ui;

import static imagetsne.ui.Group.BAR_HEIGHT;
import static imagetsne.ui.Group.PADDING;
import static imagetsne.ui.Group.SPACING;
import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.api.Test;

class GroupLayoutTest {
    private final Controls cp = new Controls();
    private final Group panel = cp.addGroup("panel").setLabel("Image t-SNE Live").setPosition(10, 10).setWidth(240);
    private final Slider slider = cp.addSlider("perplexity").setRange(2, 100).setValue(30);
    private final Toggle toggle = cp.addToggle("grid");
    private final Button button = cp.addButton("analyze");

    @Test
    void childrenStackInOrderAddedRelativeToTheGroup() {
        panel.add(slider, toggle, button);
        float top = 10 + BAR_HEIGHT + PADDING;
        assertEquals(10 + PADDING, slider.absX());
        assertEquals(top, slider.absY());
        assertEquals(top + slider.getHeight() + SPACING, toggle.absY());
        assertEquals(toggle.absY() + toggle.getHeight() + SPACING, button.absY());
        assertEquals(240 - 2 * PADDING, slider.getWidth(), "an unset width follows the group");
        float content = slider.getHeight() + toggle.getHeight() + button.getHeight() + 2 * SPACING;
        assertEquals(BAR_HEIGHT + 2 * PADDING + content, panel.getHeight());

        panel.setPosition(100, 200);
        assertEquals(200 + BAR_HEIGHT + PADDING, slider.absY(), "children move with the group");
        assertEquals(100 + PADDING, slider.absX());
    }

    @Test
    void ownPositionIsAnOffsetInTheSlotAndHiddenChildrenTakeNoRoom() {
        panel.add(slider, toggle, button);
        float before = button.absY();
        toggle.setPosition(12, 5);
        assertEquals(10 + PADDING + 12, toggle.absX());
        assertEquals(before + 5, button.absY());
        assertEquals(240 - 2 * PADDING - 12, toggle.getWidth());
        float h = panel.getHeight();
        toggle.setVisible(false);
        assertEquals(toggle.absY() - 5, button.absY());
        assertEquals(h - 5 - toggle.getHeight() - SPACING, panel.getHeight(), 1e-4);
        slider.setWidth(50);
        assertEquals(50, slider.getWidth());
    }

    @Test
    void nestedGroupsStackAndHeightFollowsOpenState() {
        Group more = cp.addGroup("more").setLabel("more settings").setOpen(false);
        DropDown kind = cp.addDropDown("features").setItems("auto", "cnn");
        panel.add(slider, more);
        more.add(kind);
        float moreY = slider.absY() + slider.getHeight() + SPACING;
        assertEquals(moreY, more.absY());
        assertEquals(BAR_HEIGHT, more.getHeight(), "closed: the bar only");
        float closedPanel = panel.getHeight();
        assertFalse(kind.isShown());

        // clicking the nested bar opens it
        assertTrue(cp.mousePressed(more.absX() + 5, more.absY() + 5));
        cp.mouseReleased(more.absX() + 5, more.absY() + 5);
        assertTrue(more.isOpen());
        assertEquals(BAR_HEIGHT + 2 * PADDING + kind.getHeight(), more.getHeight());
        assertEquals(closedPanel + more.getHeight() - BAR_HEIGHT, panel.getHeight());
        assertEquals(more.absY() + BAR_HEIGHT + PADDING, kind.absY());
        assertEquals(10 + 2 * PADDING, kind.absX());
        assertEquals(240 - 4 * PADDING, kind.getWidth(), "nested widths follow the inner group");
        assertTrue(kind.contains(kind.absX() + 1, kind.absY() + 1));

        panel.setOpen(false);
        assertEquals(BAR_HEIGHT, panel.getHeight());
        assertFalse(kind.contains(kind.absX() + 1, kind.absY() + 1), "a closed outer group hides grandchildren");
    }

    @Test
    void addMovesAControllerAndRefusesCycles() {
        Group a = cp.addGroup("a");
        panel.add(a, slider);
        a.add(slider);
        assertEquals(1, panel.getChildren().size());
        assertSame(a, panel.getChildren().get(0));
        assertSame(slider, a.getChildren().get(0));
        assertThrows(IllegalArgumentException.class, () -> a.add(panel));
        assertThrows(IllegalArgumentException.class, () -> a.add(a));
        assertThrows(IllegalArgumentException.class, () -> a.add(new Controls().addToggle("x")));
        // moved into a group: no longer hit at its old top-level position
        toggle.setPosition(400, 400);
        assertTrue(cp.isInside(401, 401));
        a.add(toggle);
        assertFalse(cp.isInside(401, 401));
    }

    @Test
    void groupCallbackReportsOpenState() {
        boolean[] open = {true};
        panel.onChange(e -> open[0] = e.booleanValue());
        panel.setOpen(false);
        assertFalse(open[0]);
        assertEquals(0, panel.getValue());
        panel.setValue(1);
        assertTrue(open[0]);
    }
}
