package imagetsne.grid;

import static org.junit.jupiter.api.Assertions.*;

import java.util.Random;
import org.junit.jupiter.api.Test;

class HilbertOrderTest {
    @Test
    void isAPermutationThatKeepsNeighboursTogether() {
        int n = 20_000;
        Random r = new Random(1);
        double[] xy = new double[2 * n];
        for (int k = 0; k < xy.length; k++) xy[k] = r.nextDouble();
        int[] perm = HilbertOrder.of(xy, new ProgressTicker(GridProgress.NONE));
        boolean[] seen = new boolean[n];
        for (int i : perm) {
            assertFalse(seen[i], "index " + i + " twice");
            seen[i] = true;
        }
        double along = 0, given = 0;
        for (int t = 1; t < n; t++) {
            along += Math.hypot(xy[2 * perm[t]] - xy[2 * perm[t - 1]], xy[2 * perm[t] + 1] - xy[2 * perm[t - 1] + 1]);
            given += Math.hypot(xy[2 * t] - xy[2 * t - 2], xy[2 * t + 1] - xy[2 * t - 1]);
        }
        // uniform points: about 1/sqrt(n) apart along the curve, about 0.5 in the given (random) order
        assertTrue(along < given / 20, "mean step along the curve " + along / n + " vs " + given / n);
    }

    @Test
    void tiesKeepTheInputOrder() {
        double[] xy = {0.5, 0.5, 0.1, 0.9, 0.5, 0.5, 0.5, 0.5};
        int[] perm = HilbertOrder.of(xy, new ProgressTicker(GridProgress.NONE));
        int at0 = -1, at2 = -1, at3 = -1;
        for (int t = 0; t < 4; t++) { if (perm[t] == 0) at0 = t; if (perm[t] == 2) at2 = t; if (perm[t] == 3) at3 = t; }
        assertTrue(at0 < at2 && at2 < at3, "equal points stay in input order");
    }

    @Test
    void curveIndexVisitsEveryCellOnce() {
        // order 16 is too big to enumerate; the walk's first 4 x 4 corner must be one of its 16 first steps
        boolean[] hit = new boolean[16];
        for (int x = 0; x < 4; x++) for (int y = 0; y < 4; y++) {
            long d = HilbertOrder.index(x, y);
            assertTrue(d < 16, "cell " + x + "," + y + " at " + d);
            assertFalse(hit[(int) d]);
            hit[(int) d] = true;
        }
    }
}
