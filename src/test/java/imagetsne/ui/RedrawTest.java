package imagetsne.ui;

import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.api.Test;

class RedrawTest {
    private final Controls cp = new Controls();
    private final Slider s = cp.addSlider("s").setPosition(0, 0).setRange(0, 100);
    private final Group g = cp.addGroup("g").setPosition(0, 100);

    private void drawn() {
        DrawTest.render(cp);
        assertFalse(cp.needsRedraw(), "draw clears the flag");
    }

    @Test
    void flipsOnStateChangesAndClearsOnDraw() {
        assertTrue(cp.needsRedraw(), "never drawn");
        drawn();
        s.setValue(10);
        assertTrue(cp.needsRedraw());
        drawn();
        s.setValue(10);
        assertFalse(cp.needsRedraw(), "same value: nothing to draw");
        g.setOpen(false);
        assertTrue(cp.needsRedraw());
        drawn();
        cp.addLabel("l").setText("x");
        assertTrue(cp.needsRedraw());
        drawn();
        cp.setVisible(false);
        assertTrue(cp.needsRedraw());
        drawn();
        cp.setVisible(true);
        assertTrue(cp.needsRedraw());
    }

    @Test
    void hoverChangesNeedARedrawPlainMovesDoNot() {
        drawn();
        cp.mouseMoved(500, 500);
        assertFalse(cp.needsRedraw(), "moving over the sketch");
        cp.mouseMoved(10, 5);
        assertTrue(cp.needsRedraw(), "onto the slider: highlight");
        drawn();
        cp.mouseMoved(20, 6);
        assertFalse(cp.needsRedraw(), "within the same slider");
        cp.mouseMoved(20, 101);
        assertTrue(cp.needsRedraw(), "onto the group bar");
        drawn();
        cp.mouseMoved(500, 500);
        assertTrue(cp.needsRedraw(), "off the panel: highlight goes");
    }
}
