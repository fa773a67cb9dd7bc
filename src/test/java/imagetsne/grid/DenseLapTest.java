package imagetsne.grid;

import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.api.Test;

class DenseLapTest {
    private static final ProgressTicker QUIET = new ProgressTicker(GridProgress.NONE);

    @Test
    void coldAndWarmStartsBothReachTheHungarianOptimum() {
        for (long seed : new long[] {1, 2}) {
            double[] xy = ClusteredPoints.generate(400, seed);
            GridShape s = seed == 1 ? GridShape.choose(400, 1.0) : new GridShape(25, 20); // 100 empty cells
            double[] cx = Multiscale.cellXs(s), cy = Multiscale.cellYs(s);
            double ref = ReferenceLap.hungarian(ReferenceLap.costMatrix(xy, s));
            int[] cold = DenseLap.solve(xy, cx, cy, null, null, Long.MAX_VALUE, QUIET);
            assertEquals(ref, GridAssigner.cost(xy, s, cold), 1e-9 * ref, "cold start, seed " + seed);
            AuctionLap a = new AuctionLap(xy, cx, cy, false, QUIET);
            a.solve(0.05, 0.05, Integer.MAX_VALUE); // a rough auction: many pairs left for the exact finish
            int[] warm = DenseLap.solve(xy, cx, cy, a.prices(), a.personCells(), Long.MAX_VALUE, QUIET);
            assertTrue(GridAssigner.isValid(warm, s.cells()));
            assertEquals(ref, GridAssigner.cost(xy, s, warm), 1e-9 * ref, "warm start, seed " + seed);
        }
    }

    @Test
    void givesUpWhenTheScanBudgetRunsOut() {
        double[] xy = ClusteredPoints.generate(300, 4);
        GridShape s = GridShape.choose(300, 1.0);
        assertNull(DenseLap.solve(xy, Multiscale.cellXs(s), Multiscale.cellYs(s), null, null, 10, QUIET));
    }
}
