package imagetsne.grid;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

class GridShapeTest {
    @Test
    void choosesEnoughCellsCloseToAspectWithFewEmpty() {
        for (int n : new int[] {1, 2, 3, 7, 100, 101, 997, 2000, 8000, 50000}) {
            for (double aspect : new double[] {1.0, 16 / 9.0, 0.5}) {
                GridShape s = GridShape.choose(n, aspect);
                assertTrue(s.cells() >= n, n + " fits " + s);
                if (n >= 100) {
                    assertTrue(s.cells() - n <= (n >= 997 ? 0.03 : 0.1) * n, "few empty cells: " + n + " -> " + s);
                    double ratio = s.cols() / (double) s.rows();
                    assertTrue(Math.abs(Math.log(ratio / aspect)) < 0.25, "aspect " + aspect + " vs " + s);
                }
            }
        }
        assertEquals(new GridShape(1, 1), GridShape.choose(0, 1));
        assertEquals(new GridShape(10, 10), GridShape.choose(100, 1));
        assertTrue(GridShape.choose(50, Double.NaN).cells() >= 50);
    }

    @Test
    void cellPositionsSpanTheUnitSquare() {
        GridShape s = new GridShape(5, 3);
        assertEquals(0, s.cellX(0));
        assertEquals(1, s.cellX(4));
        assertEquals(0.5, s.cellY(1));
        assertEquals(0.5, new GridShape(1, 1).cellX(0));
        assertThrows(IllegalArgumentException.class, () -> new GridShape(0, 3));
    }
}
