package imagetsne.reduce.tsne;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class AffinitiesTest {
    static double entropy(double[] p, int off, int k) {
        double h = 0;
        for (int j = 0; j < k; j++) if (p[off + j] > 0) h -= p[off + j] * Math.log(p[off + j]);
        return h;
    }

    @Test
    void calibrationHitsThePerplexityAtAnyDistanceScale() {
        Random rnd = new Random(1);
        int k = 90;
        for (double scale : new double[] {1e-9, 1e-3, 1, 1e3, 1e7}) {
            double[] d2 = new double[k], p = new double[k];
            for (int j = 0; j < k; j++) d2[j] = scale * (1 + rnd.nextDouble() * rnd.nextDouble() * 50);
            Affinities.calibrate(d2, 0, k, Math.log(30), p);
            double sum = 0;
            for (double v : p) sum += v;
            assertEquals(1, sum, 1e-12, "scale " + scale);
            assertEquals(Math.log(30), entropy(p, 0, k), 1e-4, "entropy at scale " + scale);
        }
        // all distances equal: every beta gives the uniform row, and the search must still end
        double[] same = new double[k], p = new double[k];
        java.util.Arrays.fill(same, 4);
        Affinities.calibrate(same, 0, k, Math.log(30), p);
        assertEquals(Math.log(k), entropy(p, 0, k), 1e-9);
    }

    @Test
    void symmetrisedPIsTheDenseAverage() {
        int n = 300, k = 12;
        Neighbors nn = AttractionTest.randomNeighbours(n, k, 5);
        SparseP p;
        try (Parallel par = new Parallel(2)) {
            p = Affinities.compute(nn, k / 3.0, par);
        }
        // the same conditional rows, symmetrised densely: (p_{j|i} + p_{i|j}) / 2n
        double[] cond = new double[n * k];
        for (int i = 0; i < n; i++) Affinities.calibrate(nn.sqDistances(), i * k, k, Math.log(k / 3.0), cond);
        double[][] want = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int a = 0; a < k; a++) {
                int j = nn.indices()[i * k + a];
                want[i][j] += cond[i * k + a] / (2.0 * n);
                want[j][i] += cond[i * k + a] / (2.0 * n);
            }
        }
        double[][] got = new double[n][n];
        double total = 0;
        for (int i = 0; i < n; i++) {
            for (int e = p.rowStart()[i]; e < p.rowStart()[i + 1]; e++) {
                assertEquals(0, got[i][p.cols()[e]], "column " + p.cols()[e] + " twice in row " + i);
                got[i][p.cols()[e]] = p.vals()[e];
                total += p.vals()[e];
            }
        }
        assertEquals(1, total, 1e-12);
        for (int i = 0; i < n; i++) for (int j = 0; j < n; j++) assertEquals(want[i][j], got[i][j], 1e-15, i + "," + j);
    }
}
