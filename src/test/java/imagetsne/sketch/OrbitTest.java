package imagetsne.sketch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class OrbitTest {
    final float[] out = new float[4];

    @Test void fromTheFrontTheCubeIsThePlaneAndDepthIsW() {
        Orbit o = new Orbit();
        o.set(0, 0);
        o.begin(1);
        o.project(0.5f, 0.5f, 0.5f, out);
        assertEquals(0, out[0], 1e-6);
        assertEquals(0, out[1], 1e-6);
        assertEquals(1, out[2], 1e-6);
        assertEquals(Orbit.DISTANCE, out[3], 1e-6);
        o.project(1, 0, 0.5f, out); // right, top, centre depth: no perspective change
        assertEquals(0.5, out[0], 1e-6);
        assertEquals(-0.5, out[1], 1e-6);
        o.project(0.5f, 0.5f, 0, out); // the near face: closer, drawn larger
        assertEquals(Orbit.DISTANCE - 0.5, out[3], 1e-6);
        assertTrue(out[2] > 1);
    }

    @Test void aQuarterTurnRightMovesTheFrontFaceRightAndBringsTheLeftFaceToTheFront() {
        Orbit o = new Orbit();
        o.set((float) (Math.PI / 2), 0);
        o.begin(1);
        o.project(0, 0.5f, 0.5f, out); // the left face's centre: now nearest, in the middle
        assertEquals(0, out[0], 1e-6);
        assertEquals(Orbit.DISTANCE - 0.5, out[3], 1e-6);
        o.project(0.5f, 0.5f, 0, out); // the front face's centre: at the right, at the centre's depth
        assertEquals(0.5, out[0], 1e-6);
        assertEquals(Orbit.DISTANCE, out[3], 1e-6);
    }

    @Test void aDragRightTurnsRightAndPitchStopsShortOfThePoles() {
        Orbit o = new Orbit();
        o.set(0, 0);
        o.drag(100, 0);
        assertEquals(100 * Orbit.PER_PIXEL, o.yaw(), 1e-6);
        o.drag(0, 1e6f);
        assertTrue(o.pitch() < Math.PI / 2 && o.pitch() > 1.5);
        o.reset();
        assertEquals(Orbit.START_YAW, o.yaw(), 0);
    }

    @Test void amountZeroIsTheFrontViewWhateverTheAngles() {
        Orbit o = new Orbit();
        o.set(1.1f, 0.7f);
        o.begin(0);
        o.project(0.25f, 0.75f, 0.5f, out);
        assertEquals(-0.25, out[0], 1e-6);
        assertEquals(0.25, out[1], 1e-6);
    }
}
