package imagetsne.reduce;

import static org.junit.jupiter.api.Assertions.*;

import imagetsne.io.Idx;
import imagetsne.testing.SharedData;
import java.io.IOException;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.junit.jupiter.api.Test;

/** Wide inputs (784 dims and more) take the subspace-iteration path; it must match a full eigendecomposition. */
class PcaSubspaceTest {
    @Test void topComponentsMatchTheExactSpectrumOnMnist() throws IOException {
        float[][] x = Idx.readImages(SharedData.mnistImages(), 3000).asRows(0);
        int n = x.length, d = x[0].length, k = 50;
        double[][] y = Pca.reduce(x, k);
        assertEquals(k, y[0].length);

        // reference: full symmetric eigendecomposition of the covariance
        DMatrixRMaj xm = new DMatrixRMaj(n, d);
        for (int j = 0; j < d; j++) {
            double m = 0;
            for (float[] r : x) m += r[j];
            m /= n;
            for (int i = 0; i < n; i++) xm.set(i, j, x[i][j] - m);
        }
        DMatrixRMaj cov = new DMatrixRMaj(d, d);
        CommonOps_DDRM.multTransA(xm, xm, cov);
        var eig = DecompositionFactory_DDRM.eig(d, false, true);
        assertTrue(eig.decompose(cov));
        double[] ev = new double[d];
        for (int i = 0; i < d; i++) ev[i] = eig.getEigenvalue(i).real;
        java.util.Arrays.sort(ev);

        for (int c = 0; c < 40; c++) {
            double var = 0;
            for (double[] r : y) var += r[c] * r[c];
            double exact = ev[d - 1 - c];
            assertEquals(exact, var, exact * 1e-6, "variance along component " + c);
        }
        // components are uncorrelated
        for (int a = 0; a < 5; a++) for (int b = a + 1; b < 5; b++) {
            double dot = 0, na = 0, nb = 0;
            for (double[] r : y) { dot += r[a] * r[b]; na += r[a] * r[a]; nb += r[b] * r[b]; }
            assertEquals(0, dot / Math.sqrt(na * nb), 1e-6);
        }
    }
}
