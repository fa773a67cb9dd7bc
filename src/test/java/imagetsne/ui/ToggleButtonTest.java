package imagetsne.ui;

import static org.junit.jupiter.api.Assertions.*;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ToggleButtonTest {
    private final Controls cp = new Controls();
    private final List<ControlEvent> events = new ArrayList<>();

    private void click(float x, float y) {
        cp.mousePressed(x, y);
        cp.mouseReleased(x, y);
    }

    @Test
    void toggleFlipsOnClickAndReportsItsValue() {
        Toggle t = cp.addToggle("grid").setLabel("view as grid").setPosition(0, 0).setValue(false).onChange(events::add);
        click(5, 5);
        assertTrue(t.getBooleanValue());
        assertEquals(1, t.getValue());
        click(100, 5); // the label part of the row counts too
        assertFalse(t.getBooleanValue());
        assertEquals(2, events.size());
        assertTrue(events.get(0).booleanValue());
        assertEquals(1, events.get(0).value());
        assertFalse(events.get(1).booleanValue());
        assertEquals("grid", events.get(1).name());

        t.setValue(true);
        t.setValue(true);
        assertEquals(3, events.size(), "setValue fires on a change only");
        t.setValue(0f);
        assertFalse(t.getBooleanValue());
    }

    @Test
    void buttonFiresOnReleaseInsideOnly() {
        Button b = cp.addButton("analyze").setLabel("analyze directory").setPosition(0, 0).setSize(100, 20)
                .onClick(events::add);
        assertTrue(cp.mousePressed(50, 10));
        assertTrue(events.isEmpty(), "not on press");
        assertTrue(cp.mouseReleased(60, 12));
        assertEquals(1, events.size());
        assertEquals("analyze", events.get(0).name());
        assertEquals("analyze directory", events.get(0).stringValue());

        cp.mousePressed(50, 10);
        cp.mouseDragged(300, 10);
        cp.mouseReleased(300, 10);
        assertEquals(1, events.size(), "released outside: no click");

        assertFalse(cp.mousePressed(300, 10));
        assertFalse(cp.mouseReleased(50, 10), "pressed outside, released inside: no click");
        assertEquals(1, events.size());
        assertSame(b, events.get(0).controller());
    }

    @Test
    void setBroadcastFalseSuppressesCallbacks() {
        Slider s = cp.addSlider("s").setPosition(0, 0).setRange(0, 100).onChange(events::add);
        Toggle t = cp.addToggle("t").setPosition(0, 40).onChange(events::add);
        Button b = cp.addButton("b").setPosition(0, 80).onClick(events::add);
        s.setBroadcast(false).setValue(40).setBroadcast(true);
        assertEquals(40, s.getValue());
        t.setBroadcast(false);
        b.setBroadcast(false);
        click(5, 45);
        click(5, 85);
        assertTrue(t.getBooleanValue(), "the state still changes");
        assertTrue(events.isEmpty());
        assertFalse(t.isBroadcast());

        s.setValue(60);
        t.setBroadcast(true);
        click(5, 45);
        assertEquals(2, events.size());
        assertEquals(60, events.get(0).value());
        assertFalse(events.get(1).booleanValue());
    }

    @Test
    void labelAndProgressBarHoldTextAndAreNotInteractive() {
        Label l = cp.addLabel("status").setText("ready").setPosition(0, 0).onChange(events::add);
        ProgressBar p = cp.addProgressBar("progress").setPosition(0, 40).setValue(0.4f).setText("t-SNE 40%");
        assertEquals("ready", l.getText());
        assertEquals(Label.LINE_HEIGHT, l.getHeight());
        l.setText("two\nlines");
        assertEquals(2 * Label.LINE_HEIGHT, l.getHeight());
        assertEquals("two\nlines", events.get(0).stringValue());
        assertEquals(0.4f, p.getValue());
        assertEquals(1, p.setValue(3).getValue());
        assertEquals(0, p.setValue(Float.NaN).getValue());
        assertEquals("t-SNE 40%", p.getText());
        assertEquals(0xFFFF0000, l.setColor(0xFFFF0000).getColor());
        // top-level: over the panel but nothing reacts
        assertTrue(cp.isInside(5, 45));
        assertTrue(cp.mousePressed(5, 45));
        cp.mouseReleased(5, 45);
        assertEquals(0, p.getValue());
    }
}
