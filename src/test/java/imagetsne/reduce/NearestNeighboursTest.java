package imagetsne.reduce;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.Comparator;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class NearestNeighboursTest {
    @Test
    void matchesASortOfAllDistances() {
        Random rnd = new Random(3);
        float[][] x = new float[300][7];
        for (float[] r : x) for (int j = 0; j < r.length; j++) r[j] = (float) rnd.nextGaussian();
        for (int q : new int[] {0, 17, 299}) {
            double[] d = new double[x.length];
            for (int i = 0; i < x.length; i++) for (int j = 0; j < 7; j++) d[i] += (x[q][j] - x[i][j]) * (double) (x[q][j] - x[i][j]);
            int[] expected = IntStream.range(0, x.length).filter(i -> i != q).boxed()
                    .sorted(Comparator.comparingDouble(i -> d[i])).limit(8).mapToInt(Integer::intValue).toArray();
            assertArrayEquals(expected, NearestNeighbours.of(x, q, 8), "query " + q);
        }
    }

    @Test
    void kIsClampedToTheOtherRows() {
        float[][] x = {{0}, {1}, {3}};
        assertEquals("[1, 2]", Arrays.toString(NearestNeighbours.of(x, 0, 10)));
        assertEquals(0, NearestNeighbours.of(new float[][] {{1}}, 0, 5).length);
    }
}
