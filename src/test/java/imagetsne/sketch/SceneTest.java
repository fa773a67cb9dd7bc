package imagetsne.sketch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import imagetsne.grid.GridAssignment;
import imagetsne.grid.GridShape;
import imagetsne.layout.Item;
import imagetsne.layout.Layout;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The scene shows what the engine computed: the same normalisation live and finished, cells where the grid put them. */
class SceneTest {
    @Test void liveEmbeddingIsNormalisedLikeTheLayout() {
        Scene s = new Scene();
        for (int i = 0; i < 5; i++) s.add("img" + i + ".png");
        double[] y = {-4, 10, 2, 12, 6, 11, -1, 30, 0, 10};
        s.setEmbedding(y, 2);
        double[] u = Layout.normalised(y, 5, 2);
        for (int i = 0; i < 5; i++) {
            assertEquals(u[2 * i], s.tx[i], 1e-6);
            assertEquals(u[2 * i + 1], s.ty[i], 1e-6);
        }
        assertEquals(0, s.tx[0], 1e-6);
        assertEquals(1, s.ty[3], 1e-6);
    }

    @Test void gridCellsAreWhereTheAssignmentMeasuredThem() {
        List<Item> items = new ArrayList<>();
        for (int i = 0; i < 6; i++) items.add(new Item("p" + i, i < 3 ? "a" : "b", new double[] {i / 5.0, (i % 2) * 0.5}));
        GridShape shape = new GridShape(3, 2);
        Layout l = new Layout(items).withGrid(new GridAssignment(shape, new int[] {0, 1, 2, 3, 4, 5}, 0, true, 0, 0));
        Scene s = new Scene();
        s.setLayout(l);
        assertTrue(s.hasGrid());
        for (int i = 0; i < 6; i++) {
            assertEquals(shape.cellX(i % 3), s.gx[i], 1e-6);
            assertEquals(shape.cellY(i / 3), s.gy[i], 1e-6);
            assertEquals(l.get(i).x(), s.tx[i], 1e-6);
        }
        assertEquals(List.of("a", "b"), s.palette.labels());
        assertEquals(s.frame[0], s.frame[2]);
        assertNotEquals(s.frame[0], s.frame[3]);
    }

    @Test void provisionalSpritesFillADisc() {
        Scene s = new Scene();
        s.expected = 100;
        for (int i = 0; i < 100; i++) s.add("x" + i);
        for (int i = 0; i < 100; i++) {
            double r = Math.hypot(s.tx[i] - 0.5, s.ty[i] - 0.5);
            assertTrue(r <= 0.48 + 1e-6, "inside the disc: " + r);
        }
        assertTrue(s.provisional);
    }
}
