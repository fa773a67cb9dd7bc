package imagetsne.ui;

import static org.junit.jupiter.api.Assertions.*;

import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import processing.awt.PGraphicsJava2D;
import processing.core.PApplet;
import processing.core.PGraphics;

/** Renders onto an offscreen JAVA2D canvas (no window; works with or without a display) and reads pixels back. */
class DrawTest {
    static final int W = 320, H = 240, WHITE = 0xFFFFFF;

    private final Controls cp = new Controls();

    /** Draws the panel over white, returns the canvas with pixels loaded. */
    static PGraphics render(Controls cp, Consumer<PGraphics> before) {
        PGraphicsJava2D g = new PGraphicsJava2D();
        g.setParent(new PApplet());
        g.setPrimary(false);
        g.setSize(W, H);
        g.beginDraw();
        g.background(255);
        before.accept(g);
        cp.draw(g);
        g.endDraw();
        g.loadPixels();
        return g;
    }

    static PGraphics render(Controls cp) { return render(cp, g -> {}); }

    static int rgb(PGraphics g, float x, float y) { return g.pixels[(int) y * g.width + (int) x] & 0xFFFFFF; }

    static int rgb(int argb) { return argb & 0xFFFFFF; }

    @Test
    void sliderFillUsesForegroundThenActiveUnderTheMouse() {
        cp.addSlider("s").setPosition(10, 10).setSize(200, 18).setRange(0, 100).setValue(50);
        PGraphics g = render(cp);
        assertEquals(rgb(Controls.FOREGROUND), rgb(g, 60, 11), "filled part");
        assertEquals(rgb(Controls.FOREGROUND), rgb(g, 108, 26));
        assertEquals(rgb(Controls.BACKGROUND), rgb(g, 112, 11), "the rest of the bar");
        assertEquals(WHITE, rgb(g, 60, 30), "below the bar");
        cp.mouseMoved(150, 20);
        assertEquals(rgb(Controls.ACTIVE), rgb(render(cp), 60, 11));
        cp.get(Slider.class, "s").setLock(true);
        assertEquals(rgb(Controls.LOCKED_FOREGROUND), rgb(render(cp), 60, 11), "locked: greyed");
    }

    @Test
    void hiddenPanelDrawsNothing() {
        Group panel = cp.addGroup("panel").setPosition(0, 0).setWidth(300);
        panel.add(cp.addSlider("s").setValue(0.5f), cp.addLabel("l").setText("ready"), cp.addButton("b"));
        cp.setVisible(false);
        PGraphics g = render(cp);
        for (int p : g.pixels) assertEquals(WHITE, p & 0xFFFFFF);
        cp.setVisible(true);
        assertNotEquals(WHITE, rgb(render(cp), 5, 5));
    }

    @Test
    void closedGroupDrawsItsBarOnly() {
        Group panel = cp.addGroup("panel").setPosition(0, 0).setWidth(300);
        Slider s = cp.addSlider("s").setValue(1);
        panel.add(s);
        float sy = s.absY() + 1;
        PGraphics open = render(cp);
        assertEquals(rgb(Controls.FOREGROUND), rgb(open, 100, sy));
        int body = rgb(open, 2, panel.getHeight() - 2);
        assertTrue((body & 0xFF) < 0x80 && body == (body & 0xFF) * 0x010101, "dark grey panel behind children: " + Integer.toHexString(body));
        assertTrue((body & 0xFF) > 0, "semi-transparent, not black");

        panel.setOpen(false);
        PGraphics closed = render(cp);
        assertEquals(rgb(Controls.BACKGROUND), rgb(closed, 2, 2), "the bar");
        assertEquals(WHITE, rgb(closed, 100, sy));
        assertEquals(WHITE, rgb(closed, 2, Group.BAR_HEIGHT + 2));
    }

    @Test
    void toggleBoxShowsTheState() {
        Toggle t = cp.addToggle("t").setPosition(10, 10);
        assertEquals(rgb(Controls.BACKGROUND), rgb(render(cp), 12, 12));
        t.setValue(true);
        assertEquals(rgb(Controls.ACTIVE), rgb(render(cp), 12, 12));
    }

    @Test
    void openListIsDrawnOverLaterControls() {
        DropDown dd = cp.addDropDown("dd").setPosition(10, 10).setSize(150, 18).setItems("a", "b").setIndex(0);
        cp.addProgressBar("p").setPosition(10, 28).setSize(150, 18).setValue(1);
        assertEquals(rgb(Controls.FOREGROUND), rgb(render(cp), 12, 30), "closed: the progress bar's fill");
        dd.setOpen(true);
        cp.mouseMoved(100, 50); // over item b
        PGraphics g = render(cp);
        assertEquals(rgb(Controls.FOREGROUND), rgb(g, 12, 30), "item a, selected");
        assertEquals(rgb(Controls.ACTIVE), rgb(g, 12, 48), "item b, under the mouse");
        assertEquals(rgb(Controls.ACTIVE), rgb(g, 12, 12), "the open header");
    }

    @Test
    void textIsDrawnAndStyleRestored() {
        cp.addLabel("l").setPosition(10, 10).setWidth(200).setText("ready\nanalysing");
        PGraphics g = render(cp, c -> {
            c.background(0); // white text
            c.fill(0xFF123456);
        });
        assertEquals(0xFF123456, g.fillColor, "the sketch's fill survives draw()");
        assertTrue(countNot(g, 0, 10, 10, 200, 16) > 10, "first line has ink");
        assertTrue(countNot(g, 0, 10, 26, 200, 16) > 10, "second line has ink");
        assertEquals(0, countNot(g, 0, 10, 44, 200, 30));
    }

    @Test
    void longTextIsCutToTheWidth() {
        cp.addButton("b").setPosition(0, 0).setSize(60, 20).setLabel("a very long label that cannot fit at all");
        cp.addLabel("l").setPosition(0, 30).setWidth(60).setText("another very long line of status text");
        PGraphics g = render(cp, c -> c.background(0));
        assertTrue(countNot(g, 0, 0, 30, 60, 16) > 10, "the cut line has ink");
        assertEquals(0, countNot(g, 0, 61, 0, W - 61, 50), "nothing drawn right of the controls");
    }

    static int countNot(PGraphics g, int rgb, int x0, int y0, int w, int h) {
        int n = 0;
        for (int y = y0; y < y0 + h; y++) {
            for (int x = x0; x < x0 + w; x++) {
                if (rgb(g, x, y) != rgb) n++;
            }
        }
        return n;
    }
}
