package imagetsne.grid;

import static org.junit.jupiter.api.Assertions.*;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class PricePyramidTest {
    /** The k lowest values by scanning every cell (ties broken by value only). */
    private static double[] bruteLowest(double px, double py, double[] cx, double[] cy, double[] price, boolean priceOnly, int k) {
        double[] v = new double[price.length];
        for (int j = 0; j < v.length; j++) {
            double dx = priceOnly ? 0 : px - cx[j % cx.length], dy = priceOnly ? 0 : py - cy[j / cx.length];
            v[j] = dx * dx + dy * dy + price[j];
        }
        Arrays.sort(v);
        return Arrays.copyOf(v, Math.min(k, v.length));
    }

    @Test
    void lowestMatchesAFullScanWhilePricesRise() {
        Random r = new Random(3);
        int[][] shapes = {{1, 1}, {1, 7}, {9, 1}, {5, 3}, {37, 23}, {64, 64}};
        for (int[] shape : shapes) {
            GridShape s = new GridShape(shape[0], shape[1]);
            double[] cx = Multiscale.cellXs(s), cy = Multiscale.cellYs(s), price = new double[s.cells()];
            PricePyramid pyramid = new PricePyramid(cx, cy, price);
            for (int step = 0; step < 400; step++) {
                int j = r.nextInt(price.length);
                double old = price[j];
                price[j] += r.nextDouble() * 0.01; // prices only rise, as in the auction
                pyramid.raised(j, old);
                double px = r.nextDouble() * 1.2 - 0.1, py = r.nextDouble() * 1.2 - 0.1;
                boolean priceOnly = step % 5 == 0;
                int k = 1 + step % 3;
                pyramid.lowest(px, py, priceOnly, k);
                double[] want = bruteLowest(px, py, cx, cy, price, priceOnly, k);
                assertEquals(want.length, pyramid.found, "found count on " + s);
                for (int q = 0; q < want.length; q++) {
                    assertEquals(want[q], pyramid.foundV[q], 1e-12, "value " + q + " on " + s);
                    int c = pyramid.foundJ[q];
                    double dx = priceOnly ? 0 : px - cx[c % cx.length], dy = priceOnly ? 0 : py - cy[c / cx.length];
                    assertEquals(pyramid.foundV[q], dx * dx + dy * dy + price[c], 1e-12, "reported cell has the reported value");
                }
                assertEquals(Arrays.stream(price).min().orElseThrow(), pyramid.globalMin());
                // with an upper limit: only cells strictly below it, none when the limit is the minimum itself
                pyramid.lowest(px, py, priceOnly, 1, want[0]);
                assertEquals(0, pyramid.found);
                pyramid.lowest(px, py, priceOnly, 1, want[0] + 1e-9);
                assertEquals(1, pyramid.found);
            }
        }
    }
}
