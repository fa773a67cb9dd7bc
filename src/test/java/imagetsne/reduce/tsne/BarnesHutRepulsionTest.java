package imagetsne.reduce.tsne;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class BarnesHutRepulsionTest {
    /** The production use: 3-D layouts (octree). */
    @Test
    void threeDimensionalForcesApproachTheExactOnes() {
        Random rnd = new Random(5);
        int n = 2000;
        double[] y = new double[3 * n];
        for (int i = 0; i < y.length; i++) y[i] = rnd.nextGaussian() * (i % 7 == 0 ? 0.01 : 10);
        try (Parallel par = new Parallel(2)) {
            double[] exact = new double[3 * n], fine = new double[3 * n], coarse = new double[3 * n];
            double ze = new ExactRepulsion(par).compute(y, n, 3, exact);
            double zf = new BarnesHutRepulsion(0.1, par).compute(y, n, 3, fine);
            double zc = new BarnesHutRepulsion(0.5, par).compute(y, n, 3, coarse);
            assertEquals(ze, zf, 5e-3 * ze, "normaliser Z at theta 0.1");
            assertEquals(0, relativeError(exact, fine), 1e-2, "relative force error at theta 0.1");
            assertEquals(ze, zc, 0.10 * ze, "normaliser Z at theta 0.5");
            assertTrue(relativeError(exact, coarse) > relativeError(exact, fine), "a larger theta approximates more");
        }
    }

    static double relativeError(double[] exact, double[] approx) {
        double err = 0, norm = 0;
        for (int i = 0; i < exact.length; i++) { err += (exact[i] - approx[i]) * (exact[i] - approx[i]); norm += exact[i] * exact[i]; }
        return Math.sqrt(err / norm);
    }

    @Test
    void smallThetaApproachesTheExactForces() {
        Random rnd = new Random(6);
        int n = 1500;
        double[] y = new double[2 * n];
        for (int i = 0; i < y.length; i++) y[i] = rnd.nextGaussian() * 5;
        try (Parallel par = new Parallel(2)) {
            double[] exact = new double[2 * n], bh = new double[2 * n];
            double ze = new ExactRepulsion(par).compute(y, n, 2, exact);
            double zb = new BarnesHutRepulsion(0.1, par).compute(y, n, 2, bh);
            assertEquals(ze, zb, 5e-3 * ze, "normaliser Z at theta 0.1");
            assertEquals(0, relativeError(exact, bh), 1e-2, "relative force error at theta 0.1 (0.3% seen)");
            double[] coarse = new double[2 * n];
            double zc = new BarnesHutRepulsion(0.5, par).compute(y, n, 2, coarse);
            // bhtsne's default: 4% off in Z and 11% in the forces were seen here
            assertEquals(ze, zc, 0.10 * ze, "normaliser Z at theta 0.5");
            assertEquals(0, relativeError(exact, coarse), 0.2, "relative force error at theta 0.5");
            assertTrue(relativeError(exact, coarse) > relativeError(exact, bh), "a larger theta approximates more");
        }
    }
}
