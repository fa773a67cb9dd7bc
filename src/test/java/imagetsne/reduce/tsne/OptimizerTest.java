package imagetsne.reduce.tsne;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import imagetsne.reduce.MnistData;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The gradient descent on its own: it lowers the KL divergence, keeps the layout centred, and stops when asked. */
class OptimizerTest {
    @Test void descentLowersTheKlAndKeepsTheLayoutCentred() {
        double[][] x = MnistData.first(800).pca50;
        try (Parallel par = new Parallel(2)) {
            SparseP p = Affinities.compute(VpTree.knn(MnistData.flat(x), 50, 90, 1, par), 30, par);
            double[] y = Initialization.random(800, 2, 3);
            double before = KlDivergence.exact(p, y, 2, par);
            List<Double> kls = new ArrayList<>();
            TsneOptions o = new TsneOptions().iterations(500).klEvery(50);
            Optimizer.Outcome out = Optimizer.run(p, y, 2, 200, o, new BarnesHut2D(0.5, par), (it, total, yy, kl) -> {
                if (!Double.isNaN(kl) && it > o.exaggerationIterations) kls.add(kl);
                return true;
            }, par);
            double after = KlDivergence.exact(p, y, 2, par);
            assertEquals(500, out.iterations());
            assertTrue(!out.cancelled());
            assertTrue(after < 0.5 * before, "KL " + before + " -> " + after);
            // after the exaggeration phase the reported KL goes down (within the approximation's noise)
            assertTrue(kls.get(kls.size() - 1) <= kls.get(0) + 0.01, "KL over the last iterations " + kls);
            double mx = 0, my = 0;
            for (int i = 0; i < 800; i++) { mx += y[2 * i]; my += y[2 * i + 1]; }
            assertEquals(0, mx / 800, 1e-9, "mean x");
            assertEquals(0, my / 800, 1e-9, "mean y");
        }
    }

    @Test void aListenerReturningFalseStopsAtThatIteration() {
        double[][] x = MnistData.first(300).pca50;
        try (Parallel par = new Parallel(2)) {
            SparseP p = Affinities.compute(VpTree.knn(MnistData.flat(x), 50, 60, 1, par), 20, par);
            double[] y = Initialization.random(300, 2, 1);
            int[] calls = {0};
            Optimizer.Outcome out = Optimizer.run(p, y, 2, 200, new TsneOptions().iterations(1000), new ExactRepulsion(par),
                    (it, total, yy, kl) -> ++calls[0] < 37, par);
            assertTrue(out.cancelled());
            assertEquals(37, out.iterations());
            assertEquals(37, calls[0]);
        }
    }
}
