package imagetsne.reduce;

import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.api.Test;

/** The brute-force neighbour graph against a plain double-precision search, on real MNIST PCA-50 rows. */
class KnnGraphTest {
    @Test void aRaisedStopEndsTheSearch() {
        double[] flat = MnistData.flat(MnistData.first(1500).pca50);
        assertThrows(Cancelled.class, () -> KnnGraph.exact(flat, 1500, 50, 30, () -> true));
        KnnGraph.Result a = KnnGraph.exact(flat, 1500, 50, 30), b = KnnGraph.exact(flat, 1500, 50, 30, () -> false);
        assertArrayEquals(a.indices(), b.indices());
    }

    @Test void matchesAPlainSearchOnMnist() {
        double[][] x = MnistData.first(1500).pca50;
        int n = 1499, d = 50, k = 90;   // 1499: neither rows nor columns fill the last block
        double[] flat = MnistData.flat(java.util.Arrays.copyOf(x, n));
        KnnGraph.Result r = KnnGraph.exact(flat, n, d, k);
        assertEquals(k, r.k());
        int mismatches = 0;
        for (int i = 0; i < n; i++) {
            double[] all = new double[n];
            for (int j = 0; j < n; j++) {
                double s = 0;
                for (int t = 0; t < d; t++) { double diff = flat[i * d + t] - flat[j * d + t]; s += diff * diff; }
                all[j] = j == i ? Double.POSITIVE_INFINITY : s;
            }
            double[] sorted = all.clone();
            java.util.Arrays.sort(sorted);
            for (int a = 0; a < k; a++) {
                int j = r.indices()[i * k + a];
                assertNotEquals(i, j, "a row is not its own neighbour");
                assertEquals(all[j], r.sqDistances()[i * k + a], 0, "distance reported in double");
                if (a > 0) assertTrue(r.sqDistances()[i * k + a - 1] <= r.sqDistances()[i * k + a], "nearest first");
                // float dot products may swap near-ties at the edge of the k kept; nothing else
                if (Math.abs(sorted[a] - r.sqDistances()[i * k + a]) > 1e-4 * sorted[a]) mismatches++;
            }
        }
        assertEquals(0, mismatches, "every kept distance is the true a-th smallest");
    }

    @Test void allOthersAndTinyInputs() {
        double[] x = {0, 0, 3, 4, 0, 1, 0, 1, 10, 10};  // 5 points in 2-D, two of them identical
        KnnGraph.Result r = KnnGraph.exact(x, 5, 2, 10);
        assertEquals(4, r.k(), "at most n - 1");
        assertArrayEquals(new int[] {3, 0, 1, 4}, java.util.Arrays.copyOfRange(r.indices(), 2 * 4, 3 * 4), "point 2: its twin first, ties by index");
        assertEquals(0, r.sqDistances()[2 * 4]);
        assertEquals(0, KnnGraph.exact(new double[] {1, 2}, 1, 2, 5).k());
    }
}
