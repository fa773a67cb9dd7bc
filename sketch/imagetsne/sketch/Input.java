package imagetsne.sketch;

import processing.core.PConstants;
import processing.event.MouseEvent;

/**
 * What keys and the mouse do in the sketch: the shortcuts, pan and zoom, turning a 3-D layout, hover,
 * click to select, a click on the legend. The panel sees mouse events first (Controls.attach) and keys
 * first (here), as controlP5 does; what it takes goes no further. Runs on the animation thread.
 */
final class Input {
    private final ImageTsneSketch s;
    private float pressX, pressY;
    private boolean dragged, overStatus;

    Input(ImageTsneSketch s) { this.s = s; }

    void keyPressed() {
        View view = s.view;
        if (s.panel.controls.keyPressed(s.key, s.keyCode)) {
            if (s.key == PConstants.ESC) s.key = 0; // the search field took it: it must not quit the sketch
            s.dirty = true;
            return;
        }
        if (s.key == PConstants.ESC) {
            s.key = 0;  // Esc cancels, it must not quit the sketch
            if (s.showHelp) s.showHelp = false;
            else if (s.isBusy()) s.cancelJob();
            else s.clearSelection();
            s.dirty = true;
            return;
        }
        switch (s.key) {
            case 'g', 'G' -> s.toggleGrid();
            case '+', '=' -> view.zoom(1.25f);
            case '-', '_' -> view.zoom(0.8f);
            case '0' -> { view.fit(); view.orbit.reset(); }
            case '3' -> s.toggleThreeD();
            case 'o' -> s.chooseFolder();
            case 'r', 'R' -> s.rerun();
            case 'l' -> s.chooseJsonToLoad();
            case 'v' -> s.chooseVectors();
            case '/' -> { s.panel.controls.setVisible(true); s.panel.search.focus(); }
            case 's' -> s.chooseJsonToSave();
            case 'p' -> s.chooseScreenshot();
            case 'P' -> s.choosePoster();
            case 'h' -> s.panel.controls.setVisible(!s.panel.controls.isVisible());
            case '?' -> s.showHelp = !s.showHelp;
            case PConstants.CODED -> {
                if (!view.threeD(s.scene())) return;
                switch (s.keyCode) {
                    case PConstants.LEFT -> view.orbit.drag(-20, 0);
                    case PConstants.RIGHT -> view.orbit.drag(20, 0);
                    case PConstants.UP -> view.orbit.drag(0, -20);
                    case PConstants.DOWN -> view.orbit.drag(0, 20);
                    default -> { return; }
                }
            }
            default -> { return; }
        }
        s.dirty = true;
    }

    void mousePressed() {
        pressX = s.mouseX;
        pressY = s.mouseY;
        dragged = false;
        s.dirty = true;
    }

    /** Drag pans; in 3-D it turns the layout, and shift-drag or the right button pans. */
    void mouseDragged(MouseEvent e) {
        if (s.panel.controls.hasMouse()) return;
        int mx = s.mouseX, my = s.mouseY;
        if (Math.abs(mx - pressX) + Math.abs(my - pressY) > 3) dragged = true;
        if (s.view.threeD(s.scene()) && !e.isShiftDown() && s.mouseButton != PConstants.RIGHT) s.view.orbit.drag(mx - s.pmouseX, my - s.pmouseY);
        else s.view.camera.pan(mx - s.pmouseX, my - s.pmouseY);
        s.hover = -1;
        s.dirty = true;
    }

    void mouseReleased() {
        s.dirty = true;
        if (s.panel.controls.hasMouse() || dragged) return;
        String label = s.overlays.legendLabelAt(s.mouseX, s.mouseY);
        if (label != null) { s.toggleLabel(label); return; }
        Scene scene = s.scene();
        int i = s.view.inArea(s.mouseX, s.mouseY) ? s.view.spriteAt(scene.size(), s.mouseX, s.mouseY) : -1;
        s.selection.select(scene, i);
    }

    void mouseMoved() {
        int h = s.panel.controls.hasMouse() ? -1 : s.view.spriteAt(s.scene().size(), s.mouseX, s.mouseY);
        if (h != s.hover) { s.hover = h; s.dirty = true; }
        boolean onStatus = s.mouseY >= s.height - s.statusHeight() && s.mouseX >= s.statusLeft(); // its full text shows
        if (onStatus != overStatus) { overStatus = onStatus; s.dirty = true; }
    }

    void mouseExited() {
        if (s.hover >= 0) { s.hover = -1; s.dirty = true; }
    }

    void mouseWheel(MouseEvent e) {
        s.dirty = true;
        if (s.panel.controls.hasMouse()) return;
        s.view.zoomAround(s.mouseX, s.mouseY, (float) Math.pow(1.15, -e.getCount()));
    }
}
