package imagetsne.sketch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class PaletteTest {
    @Test void theLegendReadsInNaturalOrderWhileColoursKeepTheirFirstAppearance() {
        Palette p = new Palette();
        int ten = p.colour("digit 10");
        for (String l : List.of("digit 2", "Cats", "digit 07", "apples", "digit 1")) p.colour(l);
        assertEquals(List.of("apples", "Cats", "digit 1", "digit 2", "digit 07", "digit 10"), p.labels());
        assertEquals(ten, p.colour("digit 10"), "a label keeps its colour");
        assertNotEquals(p.colour("digit 1"), p.colour("digit 2"));
        assertEquals(0, p.colour(null));
    }
}
