package imagetsne.sketch;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class CameraTest {
    @Test
    void zoomKeepsThePointUnderTheCursor() {
        Camera c = new Camera();
        c.setView(1200, 800);
        c.reset(10, -5);
        float wx = c.worldX(900), wy = c.worldY(130);
        c.zoomAround(900, 130, 2.5f);
        assertEquals(2.5f, c.zoom(), 1e-6);
        assertEquals(900, c.screenX(wx), 1e-3);
        assertEquals(130, c.screenY(wy), 1e-3);
        // the centre moved toward the cursor: to the right of 10 and up from -5, by (1 - 1/2.5) of the way
        assertEquals(10 + (wx - 10) * (1 - 1 / 2.5f), c.centerX(), 1e-3);
        assertEquals(-5 + (wy + 5) * (1 - 1 / 2.5f), c.centerY(), 1e-3);
    }

    @Test
    void panMovesTheWorldWithTheMouseAndZoomIsClamped() {
        Camera c = new Camera();
        c.setView(100, 100);
        c.reset(0, 0);
        float sx = c.screenX(3);
        c.pan(12, 0);
        assertEquals(sx + 12, c.screenX(3), 1e-4);
        c.zoomAround(50, 50, 1e6f);
        assertEquals(Camera.MAX_ZOOM, c.zoom());
        c.zoomAround(50, 50, 1e-9f);
        assertEquals(Camera.MIN_ZOOM, c.zoom());
    }

    @Test
    void extensionIsAddedOnlyWhenMissing() {
        assertEquals(Path.of("/a/b.png"), Dialogs.withExtension(Path.of("/a/b"), "png"));
        assertEquals(Path.of("/a/b.PNG"), Dialogs.withExtension(Path.of("/a/b.PNG"), "png"));
        assertEquals(Path.of("/a/x.png.json"), Dialogs.withExtension(Path.of("/a/x.png"), "json"));
    }
}
