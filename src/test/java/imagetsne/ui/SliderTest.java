package imagetsne.ui;

import static org.junit.jupiter.api.Assertions.*;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SliderTest {
    private final Controls cp = new Controls();
    // bar from x = 10 to 210, y = 20 to 38
    private final Slider s = cp.addSlider("s").setPosition(10, 20).setSize(200, 18).setRange(0, 100);

    private float press(float x) {
        assertTrue(cp.mousePressed(x, 25));
        cp.mouseReleased(x, 25);
        return s.getValue();
    }

    @Test
    void pressMapsXLinearlyOverTheBar() {
        assertEquals(0, press(10), 1e-4);
        assertEquals(100, press(209.999f), 0.01);
        assertEquals(50, press(110), 1e-4);
        assertEquals(25, press(60), 1e-4);
    }

    @Test
    void dragFollowsAndClampsOutsideTheBar() {
        cp.mousePressed(60, 25);
        assertEquals(25, s.getValue(), 1e-4);
        assertTrue(cp.mouseDragged(160, 100), "a drag keeps going to the pressed slider, off the bar too");
        assertEquals(75, s.getValue(), 1e-4);
        cp.mouseDragged(1000, 25);
        assertEquals(100, s.getValue());
        cp.mouseDragged(-50, 25);
        assertEquals(0, s.getValue());
        assertTrue(cp.mouseReleased(-50, 25));
        assertFalse(cp.mouseDragged(160, 25), "no drag after the release");
        assertEquals(0, s.getValue());
    }

    @Test
    void setValueClampsAndRounds() {
        assertEquals(100, s.setValue(150).getValue());
        assertEquals(0, s.setValue(-5).getValue());
        assertEquals(12.35f, s.setValue(12.3456f).getValue(), 1e-5);
        s.setValue(12.3412f);
        s.setDecimals(1);
        assertEquals(12.3f, s.getValue(), 1e-5, "changing decimals re-rounds the value");
        assertEquals("12.3", new ControlEvent(s).stringValue());
        s.setRange(20, 30);
        assertEquals(20, s.getValue(), "a new range re-clamps the value");
        assertThrows(IllegalArgumentException.class, () -> s.setRange(5, 5));
    }

    @Test
    void integerSliderTakesWholeSteps() {
        s.setDecimals(0);
        assertEquals(33, press(10 + 200 * 0.333f));
        assertEquals(67, press(10 + 200 * 0.666f));
        assertEquals("67", new ControlEvent(s).stringValue());
    }

    @Test
    void logarithmicSliderMapsExponentially() {
        s.setRange(1, 10000).setLogarithmic(true);
        assertEquals(100, press(110), 0.01);
        assertEquals(10, press(60), 0.01);
        assertEquals(1, press(10), 1e-4);
        assertEquals(10000, press(209.999f), 0.5);
        assertEquals(0.75f, s.fraction(1000), 1e-5);
    }

    @Test
    void logarithmicBeforeRangeIsAllowed() {
        Slider m = cp.addSlider("max").setLogarithmic(true).setRange(100, 100000).setDecimals(0).setValue(1000);
        assertEquals(1000, m.getValue());
        assertEquals(1.0f / 3, m.fraction(1000), 1e-5);
    }

    @Test
    void wheelStepsOneOrAHundredthOfTheRange() {
        s.setDecimals(0).setValue(50);
        assertTrue(cp.mouseWheel(100, 25, -1), "wheel away from the user");
        assertEquals(51, s.getValue());
        cp.mouseWheel(100, 25, 2);
        assertEquals(49, s.getValue());
        s.setRange(0, 10).setDecimals(2).setValue(5);
        cp.mouseWheel(100, 25, -1);
        assertEquals(5.1f, s.getValue(), 1e-5);
        cp.mouseWheel(100, 25, -1000);
        assertEquals(10, s.getValue());
        assertFalse(cp.mouseWheel(100, 60, -1), "not over the slider: the sketch zooms");
        assertEquals(10, s.getValue());
    }

    @Test
    void logarithmicWheelMovesAHundredthOfTheBar() {
        s.setRange(100, 100000).setLogarithmic(true).setDecimals(0).setValue(1000);
        cp.mouseWheel(100, 25, -1);
        assertEquals(Math.round(1000 * Math.pow(1000, 0.01)), s.getValue(), 0.5);
        s.setValue(100);
        cp.mouseWheel(100, 25, -1);
        assertEquals(107, s.getValue());
        s.setRange(1, 2).setValue(1);
        cp.mouseWheel(100, 25, -1);
        assertEquals(2, s.getValue(), "an integer log slider moves at least one unit");
    }

    @Test
    void callbacksFireOncePerChange() {
        List<Float> seen = new ArrayList<>();
        s.onChange(e -> {
            assertEquals("s", e.name());
            assertSame(s, e.controller());
            seen.add(e.value());
        });
        cp.mousePressed(110, 25);
        cp.mouseDragged(110, 26);
        cp.mouseDragged(160, 26);
        cp.mouseReleased(160, 26);
        s.setValue(75);
        assertEquals(List.of(50f, 75f), seen);
    }
}
