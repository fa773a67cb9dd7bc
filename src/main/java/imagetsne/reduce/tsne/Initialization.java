package imagetsne.reduce.tsne;

import imagetsne.reduce.Pca;
import java.util.SplittableRandom;

/** Starting positions: PCA scaled to standard deviation 1e-4 (openTSNE), or seeded Gaussian noise (bhtsne). */
final class Initialization {
    private Initialization() {}

    static final double STD = 1e-4;

    public static double[] random(int n, int dims, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        double[] y = new double[n * dims];
        for (int i = 0; i < y.length; i++) y[i] = gaussian(rnd) * STD;
        return y;
    }

    /** First dims principal components of x (n x d row-major), scaled so column 0 has std 1e-4. */
    public static double[] pca(double[] x, int n, int d, int dims, long seed) {
        double[][] p = Pca.reduceFlat(x.clone(), n, d, dims);
        int k = n == 0 ? 0 : p[0].length;
        double mean = 0;
        for (int i = 0; i < n; i++) mean += p[i][0];
        mean /= Math.max(n, 1);
        double var = 0;
        for (int i = 0; i < n; i++) var += (p[i][0] - mean) * (p[i][0] - mean);
        double std = Math.sqrt(var / Math.max(n, 1));
        // all points identical (or fewer components than dims): PCA says nothing, use noise
        if (!(std > 0) || k < dims) return random(n, dims, seed);
        double[] y = new double[n * dims];
        for (int i = 0; i < n; i++) {
            for (int t = 0; t < dims; t++) y[i * dims + t] = p[i][t] / std * STD;
        }
        return y;
    }

    static double gaussian(SplittableRandom rnd) {
        // Box-Muller: reproducible from the seed alone (java.util.Random would do too, but this is explicit)
        double u = 1 - rnd.nextDouble(), v = rnd.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    }
}
