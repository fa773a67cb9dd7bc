package imagetsne.reduce.tsne;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** Attraction over P's upper triangle (and its float division) against the plain double sum over all of P. */
class AttractionTest {
    static SparseP randomP(int n, int k, long seed) {
        try (Parallel par = new Parallel(2)) {
            return Affinities.compute(randomNeighbours(n, k, seed), k / 3.0, par);
        }
    }

    static Neighbors randomNeighbours(int n, int k, long seed) {
        Random rnd = new Random(seed);
        int[] idx = new int[n * k];
        double[] d2 = new double[n * k];
        for (int i = 0; i < n; i++) {
            java.util.Set<Integer> taken = new java.util.HashSet<>();
            for (int a = 0; a < k; a++) {
                int j;
                do { j = rnd.nextInt(n); } while (j == i || !taken.add(j));
                idx[i * k + a] = j;
                d2[i * k + a] = rnd.nextDouble() * 10;
            }
        }
        return new Neighbors(n, k, idx, d2);
    }

    static double[] plain(SparseP p, double[] y, int dims) {
        double[] attr = new double[p.n() * dims];
        for (int i = 0; i < p.n(); i++) {
            for (int e = p.rowStart()[i]; e < p.rowStart()[i + 1]; e++) {
                int j = p.cols()[e];
                double d2 = 0;
                for (int t = 0; t < dims; t++) d2 += (y[i * dims + t] - y[j * dims + t]) * (y[i * dims + t] - y[j * dims + t]);
                double w = p.vals()[e] / (1 + d2);
                for (int t = 0; t < dims; t++) attr[i * dims + t] += w * (y[i * dims + t] - y[j * dims + t]);
            }
        }
        return attr;
    }

    @Test
    void matchesThePlainSumInTwoAndThreeDimensions() {
        int n = 2000;
        SparseP p = randomP(n, 30, 1);
        Random rnd = new Random(2);
        for (int dims = 2; dims <= 3; dims++) {
            double[] y = new double[n * dims];
            for (int i = 0; i < y.length; i++) y[i] = rnd.nextGaussian() * 10;
            double[] want = plain(p, y, dims);
            double scale = 0;
            for (double v : want) scale = Math.max(scale, Math.abs(v));
            // 2-D runs on the best kernel (SIMD where there is one) and on the scalar one
            for (Kernel k : dims == 2 ? new Kernel[] {Kernel.best(), Kernel.Scalar.INSTANCE} : new Kernel[] {Kernel.best()}) {
                Attraction a = new Attraction(p, dims, k);
                double[] got = new double[n * dims];
                a.load(y);
                for (int b = 0; b < Attraction.BLOCKS; b++) a.block(y, b);
                a.gather(got, 0, n);
                // single precision in 2-D: ~1e-7 relative per term
                assertArrayEquals(want, got, (dims == 2 ? 1e-5 : 1e-12) * scale, dims + "-D, " + k.name());
                // the forces sum to zero (each pair pulls both ends equally)
                double sx = 0;
                for (int i = 0; i < n; i++) sx += got[i * dims];
                assertEquals(0, sx, (dims == 2 ? 1e-5 : 1e-9) * scale * n, dims + "-D, " + k.name());
            }
        }
    }
}
