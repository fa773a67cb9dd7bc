package imagetsne.grid;

import java.util.Random;

/**
 * A seeded stand-in for a normalised t-SNE layout: a handful of well separated clusters of unequal size,
 * each an anisotropic gaussian with sub-clusters (t-SNE splits classes into modes), plus a few
 * scattered points between clusters; each axis min-max scaled to 0..1 as the layout file does.
 */
public final class ClusteredPoints {
    private ClusteredPoints() {}

    public static double[] generate(int n, long seed) {
        Random rnd = new Random(seed);
        int k = 10;
        double[][] centers = new double[k][];
        for (int c = 0; c < k; c++) {
            double[] best = null;
            double bestGap = -1;
            for (int t = 0; t < 30; t++) { // farthest-of-30 candidates: clusters spread like t-SNE's
                double[] p = {rnd.nextDouble(), rnd.nextDouble()};
                double gap = Double.POSITIVE_INFINITY;
                for (int q = 0; q < c; q++) gap = Math.min(gap, Math.hypot(p[0] - centers[q][0], p[1] - centers[q][1]));
                if (gap > bestGap) { bestGap = gap; best = p; }
            }
            centers[c] = best;
        }
        double[] weight = new double[k];
        double wsum = 0;
        for (int c = 0; c < k; c++) { weight[c] = 0.5 + rnd.nextDouble(); wsum += weight[c]; }
        double[] xy = new double[2 * n];
        for (int i = 0; i < n; i++) {
            double x, y;
            if (rnd.nextDouble() < 0.03) { x = rnd.nextDouble(); y = rnd.nextDouble(); }
            else {
                double pick = rnd.nextDouble() * wsum;
                int c = 0;
                while (c < k - 1 && (pick -= weight[c]) > 0) c++;
                // cluster c: two sub-modes, elongated along a per-cluster angle
                Random cr = new Random(seed * 31 + c);
                double angle = cr.nextDouble() * Math.PI, sx = 0.03 + 0.03 * cr.nextDouble(), sy = 0.015 + 0.02 * cr.nextDouble();
                double off = rnd.nextBoolean() ? 0.04 : -0.02;
                double a = rnd.nextGaussian() * sx + off, b = rnd.nextGaussian() * sy;
                x = centers[c][0] + a * Math.cos(angle) - b * Math.sin(angle);
                y = centers[c][1] + a * Math.sin(angle) + b * Math.cos(angle);
            }
            xy[2 * i] = x;
            xy[2 * i + 1] = y;
        }
        normalise(xy);
        return xy;
    }

    /** Min-max scales each axis to 0..1 in place (a constant axis becomes 0.5). */
    public static void normalise(double[] xy) {
        for (int a = 0; a < 2; a++) {
            double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
            for (int i = a; i < xy.length; i += 2) { lo = Math.min(lo, xy[i]); hi = Math.max(hi, xy[i]); }
            for (int i = a; i < xy.length; i += 2) xy[i] = hi > lo ? (xy[i] - lo) / (hi - lo) : 0.5;
        }
    }
}
