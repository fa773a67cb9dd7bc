package imagetsne.reduce.tsne;

import imagetsne.reduce.MnistData;

import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.api.Test;

class QualityTest {
    @Test
    void knnAccuracyOnHandMadeLayout() {
        // two tight clusters far apart, labels 0 and 1; one mislabeled point in cluster 0
        int n = 40;
        double[] y = new double[2 * n];
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            boolean second = i >= n / 2;
            y[2 * i] = (second ? 100 : 0) + (i % 5);
            y[2 * i + 1] = i % 4;
            labels[i] = second ? 1 : 0;
        }
        assertEquals(1.0, Quality.knnAccuracy(y, 2, labels, 5), 1e-12);
        labels[3] = 1;
        assertEquals((n - 1) / (double) n, Quality.knnAccuracy(y, 2, labels, 5), 1e-12);
    }

    @Test
    void rawPixelBaselineOnMnistIsHigh() {
        MnistData m = MnistData.first(2000);
        double acc = Quality.knnAccuracy(m.pca50, m.labels, 10);
        assertTrue(acc > 0.85 && acc < 1, "10-NN accuracy in PCA-50 space " + acc);
    }

    @Test
    void theGridSearchFindsTheTreesNeighboursInThePlane() {
        java.util.Random rnd = new java.util.Random(3);
        for (int n : new int[] {2, 7, 500, 5000}) {
            double[] y = new double[2 * n];
            for (int i = 0; i < n; i++) {
                // clusters of very different density, a far outlier and exact duplicates
                double s = i % 3 == 0 ? 0.01 : 5;
                y[2 * i] = (i % 5) * 40 + rnd.nextGaussian() * s;
                y[2 * i + 1] = rnd.nextGaussian() * s;
                if (i % 17 == 0 && i > 0) { y[2 * i] = y[2 * i - 2]; y[2 * i + 1] = y[2 * i - 1]; }
            }
            if (n > 7) y[0] = 1e6;
            try (Parallel par = new Parallel(2)) {
                Neighbors want = VpTree.knn(y, 2, 10, 1, par), got = GridKnn2D.knn(y, 10, par);
                assertEquals(want.k(), got.k(), "n=" + n);
                assertArrayEquals(want.indices(), got.indices(), "n=" + n);
                assertArrayEquals(want.sqDistances(), got.sqDistances(), 0, "n=" + n);
            }
        }
        double[] uniform = new double[2 * 20_000];   // about two points a cell: the rings decide
        for (int i = 0; i < uniform.length; i++) uniform[i] = rnd.nextDouble() * 100;
        try (Parallel par = new Parallel(2)) {
            assertArrayEquals(VpTree.knn(uniform, 2, 10, 1, par).indices(), GridKnn2D.knn(uniform, 10, par).indices(), "uniform");
        }
        double[] same = new double[2 * 50];   // every point in one place: one cell
        try (Parallel par = new Parallel(2)) {
            assertArrayEquals(VpTree.knn(same, 2, 5, 1, par).indices(), GridKnn2D.knn(same, 5, par).indices());
        }
    }
}
