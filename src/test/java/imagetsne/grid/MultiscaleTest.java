package imagetsne.grid;

import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.api.Test;

class MultiscaleTest {
    @Test
    void coarseLevelKeepsThePointsPerCellRatio() {
        double[] xy = ClusteredPoints.generate(1003, 2);
        double[] groups = Multiscale.centroidsOf4(xy);
        assertEquals(2 * 251, groups.length, "ceil(1003 / 4) groups");
        assertEquals((xy[0] + xy[2] + xy[4] + xy[6]) / 4, groups[0], 1e-15);
        assertEquals((xy[2000] + xy[2002] + xy[2004]) / 3, groups[500], 1e-15, "the last group holds the remaining three");
        double[] cells = Multiscale.pairMeans(new double[] {0, 0.25, 0.5, 0.75, 1});
        assertArrayEquals(new double[] {0.125, 0.625, 1}, cells, 1e-15);
    }

    @Test
    void interpolationReproducesALinearPriceInsideAndClampsOutside() {
        GridShape fine = new GridShape(9, 6);
        double[] fcx = Multiscale.cellXs(fine), fcy = Multiscale.cellYs(fine);
        double[] ccx = Multiscale.pairMeans(fcx), ccy = Multiscale.pairMeans(fcy);
        double[] coarse = new double[ccx.length * ccy.length];
        for (int r = 0; r < ccy.length; r++) for (int c = 0; c < ccx.length; c++) coarse[r * ccx.length + c] = 2 * ccx[c] - 3 * ccy[r];
        double[] p = Multiscale.interpolate(coarse, ccx, ccy, fcx, fcy);
        for (int r = 0; r < fcy.length; r++)
            for (int c = 0; c < fcx.length; c++) {
                double x = Math.max(ccx[0], Math.min(ccx[ccx.length - 1], fcx[c]));
                double y = Math.max(ccy[0], Math.min(ccy[ccy.length - 1], fcy[r]));
                assertEquals(2 * x - 3 * y, p[r * fcx.length + c], 1e-12, "cell " + c + "," + r);
            }
    }

    @Test
    void solvesEveryLevelToAValidMatching() {
        int n = 9000; // three levels
        double[] xy = ClusteredPoints.generate(n, 6);
        GridShape s = GridShape.choose(n, 1.5);
        Multiscale.Solved solved = Multiscale.solve(xy, s, 0.005, Integer.MAX_VALUE, new ProgressTicker(GridProgress.NONE));
        int[] cells = solved.cellOf();
        assertTrue(GridAssigner.isValid(cells, s.cells()));
        AuctionLap a = solved.auction();
        assertEquals(GridAssigner.cost(xy, s, cells), a.cost, 1e-9 * a.cost, "cost in the caller's order equals the solver's");
        assertTrue(a.lowerBound <= a.cost && a.cost - a.lowerBound <= 0.005 * a.cost, "certificate " + a.lowerBound + " / " + a.cost);
        assertTrue(GridAssigner.isValid(a.personCells(), s.cells()), "points and empty-cell bidders hold distinct cells");
    }
}
