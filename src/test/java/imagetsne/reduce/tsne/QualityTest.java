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
}
