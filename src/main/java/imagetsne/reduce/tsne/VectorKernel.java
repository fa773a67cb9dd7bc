package imagetsne.reduce.tsne;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link Kernel} on the JDK's incubating Vector API: 8 doubles or 16 floats per AVX-512 instruction (4 or
 * 8 with AVX2), about 3x the scalar loop here, and 1.8x that again in single precision. Loaded by name
 * only when the module is present.
 */
final class VectorKernel implements Kernel {
    private static final VectorSpecies<Double> S = DoubleVector.SPECIES_PREFERRED;
    private static final VectorSpecies<Float> F = FloatVector.SPECIES_PREFERRED;

    /*
     * A vector method's receiver is never a variable that lives across a loop's edges (an accumulator, a
     * value set before the loop or by an outer loop, a loop's result) unless it goes through exact(). The
     * optimising compiler may type such a variable by its declared class: while it reads a loop's body,
     * and in a compilation that enters a running loop (on-stack replacement), where it takes the variables
     * from the interpreter's frame. The call then binds only through the type profile of the Vector API
     * method, which all callers share and which is empty or mixed by chance (empty when that method was
     * compiled early without profiling, as happens when the compiler's queue is long). Unbound, it runs
     * the API's Java fallback, ~100x slower, for the rest of the run. exact() names the class (free once
     * compiled; the relaunched JVM always inlines it, see imagetsne.cli.Relaunch#jitOptions); sums take the
     * accumulator as argument instead (w.add(z), not z.add(w)). The kernels' tests
     * (imagetsne.testing.JitInlining) mix the profiles on purpose and check every call.
     */
    private static FloatVector exact(FloatVector v) { return (FloatVector) F.vectorType().cast(v); }

    private static DoubleVector exact(DoubleVector v) { return (DoubleVector) S.vectorType().cast(v); }

    @Override
    public double sum(double ax, double ay, double[] lx, double[] ly, double[] lm, int size, double[] out) {
        DoubleVector one = DoubleVector.broadcast(S, 1.0), qx = DoubleVector.broadcast(S, ax), qy = DoubleVector.broadcast(S, ay);
        DoubleVector z = DoubleVector.zero(S), fx = z, fy = z;
        for (int k = 0; k < size; k += S.length()) {
            DoubleVector dx = exact(qx).sub(DoubleVector.fromArray(S, lx, k)), dy = exact(qy).sub(DoubleVector.fromArray(S, ly, k));
            DoubleVector w = exact(one).div(dx.fma(dx, dy.fma(dy, one)));
            DoubleVector mw = DoubleVector.fromArray(S, lm, k).mul(w);
            z = mw.add(z);
            mw = mw.mul(w);
            fx = dx.fma(mw, fx);
            fy = dy.fma(mw, fy);
        }
        out[0] += exact(fx).reduceLanes(VectorOperators.ADD);
        out[1] += exact(fy).reduceLanes(VectorOperators.ADD);
        return exact(z).reduceLanes(VectorOperators.ADD);
    }

    @Override
    public int lanes() { return S.length(); }

    @Override
    public double sum32(float ax, float ay, float[] lx, float[] ly, float[] lm, int size, double[] out) {
        FloatVector one = FloatVector.broadcast(F, 1f), qx = FloatVector.broadcast(F, ax), qy = FloatVector.broadcast(F, ay);
        FloatVector z = FloatVector.zero(F), fx = z, fy = z;
        for (int k = 0; k < size; k += F.length()) {
            FloatVector dx = exact(qx).sub(FloatVector.fromArray(F, lx, k)), dy = exact(qy).sub(FloatVector.fromArray(F, ly, k));
            FloatVector w = exact(one).div(dx.fma(dx, dy.fma(dy, one)));
            FloatVector mw = FloatVector.fromArray(F, lm, k).mul(w);
            z = mw.add(z);
            mw = mw.mul(w);
            fx = dx.fma(mw, fx);
            fy = dy.fma(mw, fy);
        }
        out[0] += exact(fx).reduceLanes(VectorOperators.ADD);
        out[1] += exact(fy).reduceLanes(VectorOperators.ADD);
        return exact(z).reduceLanes(VectorOperators.ADD);
    }

    @Override
    public int lanes32() { return F.length(); }

    @Override
    public float sqDist32(float[] x, int a, int b, int len) {
        FloatVector s = FloatVector.zero(F);
        for (int t = 0; t < len; t += F.length()) {
            FloatVector d = FloatVector.fromArray(F, x, a + t).sub(FloatVector.fromArray(F, x, b + t));
            s = d.fma(d, s);
        }
        return exact(s).reduceLanes(VectorOperators.ADD);
    }

    @Override
    public void attraction(float[] y, int[] cols, float[] vals, int[] rowStart, int from, int to, float[] out) {
        FloatVector one = FloatVector.broadcast(F, 1f);
        for (int i = from; i < to; i++) {
            FloatVector qx = FloatVector.broadcast(F, y[2 * i]), qy = FloatVector.broadcast(F, y[2 * i + 1]);
            FloatVector fx = FloatVector.zero(F), fy = fx;
            for (int e = rowStart[i], end = rowStart[i + 1]; e < end; e += F.length()) {
                FloatVector dx = exact(qx).sub(FloatVector.fromArray(F, y, 0, cols, e));
                FloatVector dy = exact(qy).sub(FloatVector.fromArray(F, y, 1, cols, e));
                FloatVector w = FloatVector.fromArray(F, vals, e).div(dx.fma(dx, dy.fma(dy, one)));
                fx = dx.fma(w, fx);
                fy = dy.fma(w, fy);
            }
            out[2 * i] = exact(fx).reduceLanes(VectorOperators.ADD);
            out[2 * i + 1] = exact(fy).reduceLanes(VectorOperators.ADD);
        }
    }

    @Override
    public String name() { return "simd-" + F.length() + "x32"; }   // Barnes-Hut runs the float kernel
}
