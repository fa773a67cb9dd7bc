package imagetsne.reduce.tsne;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** FFT-interpolated repulsion (FIt-SNE) against the exact O(n^2) sums on a clustered 2-D layout. */
class FftRepulsionTest {
    @Test void forcesAndNormaliserMatchTheExactSums() {
        Random rnd = new Random(9);
        int n = 4000;
        double[] y = new double[2 * n];
        for (int i = 0; i < n; i++) {
            int c = i % 5; // five clusters of a t-SNE-like spread
            y[2 * i] = 15 * Math.cos(c * 1.3) + rnd.nextGaussian() * 3;
            y[2 * i + 1] = 15 * Math.sin(c * 1.3) + rnd.nextGaussian() * 3;
        }
        try (Parallel par = new Parallel(2)) {
            double[] exact = new double[2 * n], fft = new double[2 * n];
            double ze = new ExactRepulsion(par).compute(y, n, 2, exact);
            double zf = new FftRepulsion(par).compute(y, n, 2, fft);
            assertEquals(ze, zf, 2e-3 * ze, "normaliser Z");
            double err = BarnesHutRepulsionTest.relativeError(exact, fft);
            assertTrue(err < 0.02, "relative force error " + err);
            // finer interpolation is closer
            double[] fine = new double[2 * n];
            new FftRepulsion(par, 5, 80, 2.0).compute(y, n, 2, fine);
            assertTrue(BarnesHutRepulsionTest.relativeError(exact, fine) < err, "more nodes, smaller error");
        }
    }
}
