package imagetsne.layout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import imagetsne.grid.GridShape;
import org.junit.jupiter.api.Test;

/** One rectangle for both views: square cells, inside the area with half a cell to spare, centred. */
class PlacementTest {
    @Test void cellsAreSquareAndTheGridFitsTheArea() {
        for (GridShape shape : new GridShape[] {new GridShape(20, 17), new GridShape(7, 3), new GridShape(1, 5), new GridShape(40, 2)}) {
            Placement p = Placement.fit(100, 50, 900, 600, shape);
            double px = shape.cols() > 1 ? (p.x(shape.cellX(1)) - p.x(shape.cellX(0))) : p.pitch();
            double py = shape.rows() > 1 ? (p.y(shape.cellY(1)) - p.y(shape.cellY(0))) : p.pitch();
            assertEquals(px, py, 1e-9, "square cells for " + shape);
            assertEquals(p.pitch(), px, 1e-9);
            // the outermost sprites (half a pitch around the centres) stay inside the area
            assertTrue(p.x(shape.cellX(0)) - p.pitch() / 2 >= 100 - 1e-9 && p.x(shape.cellX(shape.cols() - 1)) + p.pitch() / 2 <= 1000 + 1e-9, shape.toString());
            assertTrue(p.y(shape.cellY(0)) - p.pitch() / 2 >= 50 - 1e-9 && p.y(shape.cellY(shape.rows() - 1)) + p.pitch() / 2 <= 650 + 1e-9, shape.toString());
            // and it is centred
            assertEquals(550, (p.x(shape.cellX(0)) + p.x(shape.cellX(shape.cols() - 1))) / 2, 1e-9);
            assertEquals(350, (p.y(shape.cellY(0)) + p.y(shape.cellY(shape.rows() - 1))) / 2, 1e-9);
        }
    }

    @Test void beforeTheGridArrivesTheRectangleIsTheOneItWillHave() {
        GridShape coming = GridShape.choose(300, 800 / 500.0);
        Placement before = Placement.fit(0, 0, 800, 500, 300, null), after = Placement.fit(0, 0, 800, 500, coming);
        assertEquals(after, before);
        assertTrue(before.tsneSprite(300) > 0.8 * before.gridSprite() && before.tsneSprite(300) < 1.2 * before.gridSprite(),
                "a t-SNE sprite gets about a cell's area: " + before.tsneSprite(300) + " vs " + before.gridSprite());
    }
}
