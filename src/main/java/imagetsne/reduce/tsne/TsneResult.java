package imagetsne.reduce.tsne;

import java.util.Locale;

/**
 * A finished (or cancelled) embedding and how it was made, as values: the perplexity actually used (it
 * is clamped to (n - 1) / 3 for small sets), the repulsion and kernel that ran, the neighbour count, the
 * learning rate, and where the time went.
 *
 * @param y          n x dims row-major coordinates (not normalised)
 * @param perplexity the perplexity the affinities were calibrated to: the requested one, or less for small n
 * @param repulsion  "exact", "barnes-hut" or "fft" ("none" for fewer than two points)
 * @param kernel     the arithmetic of the repulsion sums: "simd-16x32" or "scalar"
 */
public record TsneResult(double[] y, int n, int dims, double kl, boolean cancelled, int iterations, double perplexity,
                         String repulsion, String kernel, int neighbours, double learningRate, Timings seconds) {

    /** Seconds per phase, and in all. */
    public record Timings(double knn, double affinities, double init, double optimise, double total) {}

    /** Row i as a new array. */
    public double[] row(int i) {
        double[] r = new double[dims];
        System.arraycopy(y, i * dims, r, 0, dims);
        return r;
    }

    /** One line for a log: what ran and where the time went. */
    public String summary() {
        if (n < 2) return n == 0 ? "no points" : "one point, placed at the origin";
        return String.format(Locale.ROOT, "%s repulsion (%s kernel), perplexity %.4g, k=%d, learning rate %d; times: knn %.2fs, affinities %.2fs, init %.2fs, optimise %.2fs%s",
                repulsion, kernel, perplexity, neighbours, Math.round(learningRate), seconds.knn, seconds.affinities, seconds.init,
                seconds.optimise, cancelled ? "; cancelled at iteration " + iterations : "");
    }
}
