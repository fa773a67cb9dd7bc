package imagetsne.reduce.tsne;

import imagetsne.reduce.TsneListener;
import imagetsne.reduce.TsneOptions;

/**
 * bhtsne's gradient descent: momentum (0.5, then 0.8), per-coordinate gains (+0.2 when the gradient
 * changes sign against the velocity, *0.8 otherwise, at least 0.01), early exaggeration of P, and
 * re-centring after every step. Gradient = exaggeration * attraction - repulsion / Z.
 */
public final class Optimizer {
    /** What the run ended with. */
    public record Outcome(int iterations, boolean cancelled, double lastZ) {}

    private Optimizer() {}

    public static Outcome run(SparseP p, double[] y, int dims, double learningRate, TsneOptions o,
                              Repulsion repulsion, TsneListener listener, Parallel par) {
        int n = p.n();
        int len = n * dims;
        double[] velocity = new double[len], gains = new double[len], neg = new double[len], attr = new double[len];
        boolean overlap = repulsion.hasSerialSetUp() && par.threads() > 1;
        java.util.Arrays.fill(gains, 1);
        Attraction attraction = new Attraction(p, dims);
        double z = Double.NaN;
        for (int it = 0; it < o.iterations; it++) {
            double exaggeration = it < o.exaggerationIterations ? o.earlyExaggeration : 1;
            double momentum = it < o.momentumSwitchIteration ? o.momentum : o.finalMomentum;
            if (overlap) {
                // the serial tree build on one core while the attraction (needs only P and y) runs on the others
                par.forEach(Attraction.BLOCKS + 1, b -> { if (b == 0) repulsion.prepare(y, n, dims); else attraction.block(y, b - 1); });
            } else {
                par.forEach(Attraction.BLOCKS, b -> attraction.block(y, b));
            }
            z = repulsion.compute(y, n, dims, neg);
            final double invZ = 1 / Math.max(z, Double.MIN_NORMAL);
            boolean klNow = o.klEvery > 0 && ((it + 1) % o.klEvery == 0);
            double kl = klNow ? KlDivergence.of(p, y, dims, z, par) : Double.NaN;
            par.forChunks(n, (c, from, to) -> {
                attraction.gather(attr, from, to);
                for (int e = from * dims, end = to * dims; e < end; e++) {
                    double g = exaggeration * attr[e] - neg[e] * invZ;
                    gains[e] = Math.signum(g) != Math.signum(velocity[e]) ? gains[e] + 0.2 : gains[e] * 0.8;
                    if (gains[e] < 0.01) gains[e] = 0.01;
                    velocity[e] = momentum * velocity[e] - learningRate * gains[e] * g;
                    y[e] += velocity[e];
                }
            });
            centre(y, n, dims);
            if (!listener.onIteration(it + 1, o.iterations, y, kl)) return new Outcome(it + 1, true, z);
        }
        return new Outcome(o.iterations, false, z);
    }

    static void centre(double[] y, int n, int dims) {
        for (int t = 0; t < dims; t++) {
            double m = 0;
            for (int i = 0; i < n; i++) m += y[i * dims + t];
            m /= n;
            for (int i = 0; i < n; i++) y[i * dims + t] -= m;
        }
    }
}
