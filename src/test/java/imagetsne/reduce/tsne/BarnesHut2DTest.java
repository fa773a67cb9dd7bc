package imagetsne.reduce.tsne;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import imagetsne.testing.JitInlining;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The grouped 2-D Barnes-Hut against exact sums, bhtsne's per-point walk, itself and the scalar kernel. */
class BarnesHut2DTest {
    /** Clusters of very different sizes and densities, like a t-SNE layout, plus exact duplicates. */
    static double[] clusteredLayout(int n, long seed) {
        Random rnd = new Random(seed);
        double[] y = new double[2 * n];
        for (int i = 0; i < n; i++) {
            int c = rnd.nextInt(10);
            double spread = c < 3 ? 0.05 : c < 7 ? 2 : 8;
            y[2 * i] = 30 * Math.cos(c) + rnd.nextGaussian() * spread;
            y[2 * i + 1] = 30 * Math.sin(c) + rnd.nextGaussian() * spread;
        }
        for (int i = 0; i < n / 50; i++) { y[2 * i + 2] = y[0]; y[2 * i + 3] = y[1]; }
        return y;
    }

    @Test
    void approachesTheExactSumsAndBeatsThePerPointWalk() {
        int n = 3000;
        double[] y = clusteredLayout(n, 1);
        try (Parallel par = new Parallel(2)) {
            double[] exact = new double[2 * n], fine = new double[2 * n], coarse = new double[2 * n], perPoint = new double[2 * n];
            double ze = new ExactRepulsion(par).compute(y, n, 2, exact);
            double zf = new BarnesHut2D(0.1, par).compute(y, n, 2, fine);
            double zc = new BarnesHut2D(0.5, par).compute(y, n, 2, coarse);
            double zp = new BarnesHutRepulsion(0.5, par).compute(y, n, 2, perPoint);
            assertEquals(ze, zf, 1e-3 * ze, "Z at theta 0.1");
            assertEquals(0, BarnesHutRepulsionTest.relativeError(exact, fine), 5e-3, "forces at theta 0.1");
            double errGrouped = BarnesHutRepulsionTest.relativeError(exact, coarse);
            double[] mid = new double[2 * n];
            new BarnesHut2D(0.25, par).compute(y, n, 2, mid);
            double errMid = BarnesHutRepulsionTest.relativeError(exact, mid);
            assertTrue(BarnesHutRepulsionTest.relativeError(exact, fine) < errMid && errMid < errGrouped,
                    "error grows with theta: 0.1, 0.25 " + errMid + ", 0.5 " + errGrouped);
            double errPerPoint = BarnesHutRepulsionTest.relativeError(exact, perPoint);
            // the rule holds for every point a summary serves: never less accurate than bhtsne's walk
            assertTrue(errGrouped <= errPerPoint, "grouped " + errGrouped + " vs per point " + errPerPoint);
            assertTrue(Math.abs(zc - ze) <= Math.abs(zp - ze) + 1e-9 * ze, "Z grouped " + zc + " per point " + zp + " exact " + ze);
        }
    }

    @Test
    void aRefittedTreeKeepsTheRuleAfterThePointsMove() {
        int n = 3000;
        double[] before = clusteredLayout(n, 4), after = before.clone();
        Random rnd = new Random(5);
        for (int i = 0; i < n; i++) {
            after[2 * i] += rnd.nextGaussian() * 0.5;
            after[2 * i + 1] += rnd.nextGaussian() * 0.5;
        }
        for (int i = 0; i < n / 50; i++) { after[2 * (i * 37 % n)] += 40; }   // a few leave their cells far behind
        try (Parallel par = new Parallel(2)) {
            BarnesHut2D refitting = new BarnesHut2D(0.5, par, BarnesHut2D.LEAF, Kernel.best(), 5);
            refitting.compute(before, n, 2, new double[2 * n]);   // the full build
            double[] exact = new double[2 * n], refit = new double[2 * n], perPoint = new double[2 * n], fresh = new double[2 * n];
            double ze = new ExactRepulsion(par).compute(after, n, 2, exact);
            double zr = refitting.compute(after, n, 2, refit);    // the last tree, refitted
            new BarnesHutRepulsion(0.5, par).compute(after, n, 2, perPoint);
            new BarnesHut2D(0.5, par).compute(after, n, 2, fresh);
            double errRefit = BarnesHutRepulsionTest.relativeError(exact, refit);
            double errPerPoint = BarnesHutRepulsionTest.relativeError(exact, perPoint);
            assertTrue(errRefit <= errPerPoint, "refitted " + errRefit + " vs bhtsne's walk " + errPerPoint
                    + " (a fresh tree: " + BarnesHutRepulsionTest.relativeError(exact, fresh) + ")");
            assertEquals(ze, zr, 1e-2 * ze, "Z");
        }
    }

    @Test
    void theWarmUpRunsOnEveryKernel() {
        // the scalar kernel is what a JVM without the Vector API runs (IMAGETSNE_RELAUNCH=false)
        Kernel.warmUp(Kernel.Scalar.INSTANCE);
        Kernel.warmUp(Kernel.best());
    }

    @Test
    void theThetaZeroLimitIsExactUpToSinglePrecision() {
        int n = 700;
        double[] y = clusteredLayout(n, 2);   // clusters 0.05 wide at 30 from the origin: float's worst case
        try (Parallel par = new Parallel(2)) {
            double[] exact = new double[2 * n], bh = new double[2 * n];
            double ze = new ExactRepulsion(par).compute(y, n, 2, exact);
            double zb = new BarnesHut2D(0, par).compute(y, n, 2, bh);
            assertEquals(ze, zb, 1e-6 * ze);
            // the KL's normaliser, summed with the single-precision kernel
            assertEquals(ze, new ExactRepulsion(par).normaliser(y, n, 2), 1e-7 * ze);
            // the walk sums in single precision: errors of ~1e-5, where theta 0.1 already gives ~1e-3
            assertEquals(0, BarnesHutRepulsionTest.relativeError(exact, bh), 2e-5);
        }
    }

    @Test
    void sameBitsForAnyThreadCountAndOnReuse() {
        int n = 5000;
        double[] y = clusteredLayout(n, 3);
        double[] a = new double[2 * n], b = new double[2 * n], c = new double[2 * n];
        double za, zb, zc;
        try (Parallel one = new Parallel(1); Parallel two = new Parallel(2)) {
            za = new BarnesHut2D(0.5, one).compute(y, n, 2, a);
            zb = new BarnesHut2D(0.5, two).compute(y, n, 2, b);
            BarnesHut2D reused = new BarnesHut2D(0.5, two);
            reused.compute(clusteredLayout(n, 9), n, 2, c);   // another layout first: nothing may carry over
            zc = reused.compute(y, n, 2, c);
        }
        assertEquals(za, zb);
        assertEquals(za, zc);
        assertArrayEquals(a, b);
        assertArrayEquals(a, c);
    }

    @Test
    void simdAndScalarKernelsAgree() {
        Kernel simd = Kernel.best();
        assertTrue(simd.name().startsWith("simd"), "the tests run with the Vector API module (pom argLine): " + simd.name());
        Random rnd = new Random(4);
        int size = 16 * 37;   // a multiple of every lane count
        double[] lx = new double[size], ly = new double[size], lm = new double[size];
        for (int k = 0; k < size; k++) { lx[k] = rnd.nextGaussian() * 20; ly[k] = rnd.nextGaussian() * 20; lm[k] = 1 + rnd.nextInt(40); }
        double[] fs = new double[2], fv = new double[2];
        double zs = Kernel.Scalar.INSTANCE.sum(1.5, -2.5, lx, ly, lm, size, fs);
        double zv = simd.sum(1.5, -2.5, lx, ly, lm, size, fv);
        assertEquals(zs, zv, 1e-12 * zs);
        assertArrayEquals(fs, fv, 1e-12 * Math.hypot(fs[0], fs[1]));
        // single precision, scalar and SIMD, against the double sum
        float[] qx = new float[size], qy = new float[size], qm = new float[size];
        for (int k = 0; k < size; k++) { qx[k] = (float) lx[k]; qy[k] = (float) ly[k]; qm[k] = (float) lm[k]; }
        for (Kernel k : new Kernel[] {Kernel.Scalar.INSTANCE, simd}) {
            double[] f32 = new double[2];
            double z32 = k.sum32(1.5f, -2.5f, qx, qy, qm, size, f32);
            assertEquals(zs, z32, 1e-6 * zs, k.name());
            assertArrayEquals(fs, f32, 1e-5 * Math.hypot(fs[0], fs[1]), k.name());
        }
        // the whole walk with either kernel (plain `java -jar` runs the scalar one), odd leaf sizes too
        int n = 4000;
        double[] y = clusteredLayout(n, 6), a = new double[2 * n], b = new double[2 * n];
        try (Parallel par = new Parallel(2)) {
            for (int leaf : new int[] {1, 7, 32}) {
                double za = new BarnesHut2D(0.5, par, leaf, Kernel.Scalar.INSTANCE).compute(y, n, 2, a);
                double zb = new BarnesHut2D(0.5, par, leaf, simd).compute(y, n, 2, b);
                // both in single precision, summed in different orders
                assertEquals(za, zb, 1e-6 * za, "Z, leaves of " + leaf);
                assertEquals(0, BarnesHutRepulsionTest.relativeError(a, b), 1e-5, "forces, leaves of " + leaf);
            }
        }
    }

    @Test
    void identicalPointsAndTinyInputs() {
        try (Parallel par = new Parallel(2)) {
            // all points on one spot: the tree bottoms out at its maximum depth with one big leaf
            int n = 500;
            double[] y = new double[2 * n];
            Arrays.fill(y, 3.25);
            double[] f = new double[2 * n];
            double z = new BarnesHut2D(0.5, par).compute(y, n, 2, f);
            assertEquals((double) n * (n - 1), z, 1e-9 * z);
            assertTrue(Arrays.stream(f).allMatch(v -> v == 0));
            double[] two = {0, 0, 1, 0}, f2 = new double[4];
            assertEquals(1.0, new BarnesHut2D(0.5, par).compute(two, 2, 2, f2), 1e-12);   // 2 * w, w = 1/2
            assertEquals(-0.25, f2[0], 1e-12);
            assertEquals(0.25, f2[2], 1e-12);
        }
    }

    /** The sums' vector calls are compiled to vector instructions whatever the shared profiles say. */
    @Test
    void theSimdSumsCompileToVectorCodeWithoutHelpFromProfiles() throws Exception {
        assertEquals(List.of(), JitInlining.notInlined(Workout.class, "imagetsne.reduce.tsne.VectorKernel::*"));
    }

    /** The kernels' run in the child JVM of {@link #theSimdSumsCompileToVectorCodeWithoutHelpFromProfiles}. */
    static final class Workout {
        public static void main(String[] args) {
            Kernel k = Kernel.best();
            if (!k.name().startsWith("simd")) throw new IllegalStateException("no SIMD kernel: " + k.name());
            // first one long call of each, whose loop is compiled while it runs (on-stack replacement)
            int len = 400_000;
            float[] x = new float[len], y = new float[len], m = new float[len], y2 = new float[4], out2 = new float[4];
            double[] f = new double[2], lx = new double[len], ly = new double[len], lm = new double[len];
            k.sum32(0.5f, 0.25f, x, y, m, len, f);
            k.sum(0.5, 0.25, lx, ly, lm, len, f);
            k.sqDist32(x, 0, 0, len);
            k.attraction(y2, new int[len], m, new int[] {0, len}, 0, 1, out2);   // one row of len entries
            for (int round = 0; round < 20; round++) {
                Kernel.warmUp(k);
                for (int c = 0; c < 1_000; c++) k.sum(0.5, c, lx, ly, lm, 64, f);   // the exact repulsion's
            }
        }
    }
}
