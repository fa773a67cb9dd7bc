package imagetsne.reduce;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link MatKernel} on the JDK's incubating Vector API. Both products run one register-blocked tile: 4
 * output rows by 2 vectors (32 floats with AVX-512) stay in 8 registers while the summed index runs, and
 * each step loads 2 vectors, broadcasts 4 scalars and does 8 fused multiply-adds. The products differ only
 * in where the 4 scalars lie: along 4 rows of a for A W, across 4 columns of a for A^T Y. One method for
 * both keeps the JIT's work (and {@link MatKernel#warmUp}) to a single compilation. Loaded by name only
 * when the module is present.
 */
final class VectorMatKernel implements MatKernel {
    private static final VectorSpecies<Float> F = FloatVector.SPECIES_PREFERRED.length() <= WIDTH / 4
            ? FloatVector.SPECIES_PREFERRED : FloatVector.SPECIES_128;
    private static final int L = F.length();

    /**
     * The vector as the species' own class, which the JIT can then see (see imagetsne.reduce.tsne.VectorKernel's
     * note). Not shared with that kernel's: this species can be narrower than the preferred one.
     */
    private static FloatVector exact(FloatVector v) { return (FloatVector) F.vectorType().cast(v); }

    @Override
    public void mul(float[] a, int sa, int d, int i0, int i1, float[] w, int p, float[] y, int y0) {
        for (int i = i0; i < i1; i += 4) {
            for (int c = 0; c < p; c += 2 * L) tile(a, i * sa, sa, 1, d, w, c, p, y, (i - y0) * p + c, p);
        }
    }

    @Override
    public void mulTransposed(float[] a, int sa, int i0, int i1, int j0, int j1, float[] y, int y0, int p, float[] z) {
        for (int j = j0; j < j1; j += 4) {
            for (int c = 0; c < p; c += 2 * L) tile(a, i0 * sa + j, 1, sa, i1 - i0, y, (i0 - y0) * p + c, p, z, j * p + c, p);
        }
    }

    /**
     * out[o + r oStep + v L ..] += sum over t < count of s[sBase + r rStep + t tStep] times the vector at
     * v[vBase + t vStep + v L], for r in 0..3 and v in 0..1. The accumulators and stores are spelled out:
     * vectors handed to a method the JIT does not inline become objects. Two vectors wide, not four: every
     * Vector API call the JIT expands into dozens of nodes, and a 4 x 4 tile reached the optimising
     * compiler's node budget for inlining, past which the last calls (the stores) stayed calls of the
     * Java fallback; eight accumulators still keep both fused multiply-add units busy.
     */
    private static void tile(float[] s, int sBase, int rStep, int tStep, int count, float[] v, int vBase, int vStep,
                             float[] out, int o, int oStep) {
        FloatVector c00 = FloatVector.zero(F), c01 = c00, c10 = c00, c11 = c00, c20 = c00, c21 = c00, c30 = c00, c31 = c00;
        for (int t = 0, sb = sBase, vb = vBase; t < count; t++, sb += tStep, vb += vStep) {
            FloatVector v0 = FloatVector.fromArray(F, v, vb), v1 = FloatVector.fromArray(F, v, vb + L);
            FloatVector b = FloatVector.broadcast(F, s[sb]);
            c00 = v0.fma(b, c00); c01 = v1.fma(b, c01);
            b = FloatVector.broadcast(F, s[sb + rStep]);
            c10 = v0.fma(b, c10); c11 = v1.fma(b, c11);
            b = FloatVector.broadcast(F, s[sb + 2 * rStep]);
            c20 = v0.fma(b, c20); c21 = v1.fma(b, c21);
            b = FloatVector.broadcast(F, s[sb + 3 * rStep]);
            c30 = v0.fma(b, c30); c31 = v1.fma(b, c31);
        }
        // the load is the receiver, not the loop's result (see imagetsne.reduce.tsne.VectorKernel's note), and
        // the sum goes through exact() before it is stored: a store of a vector whose class the compiler
        // cannot see is not turned into a vector instruction
        exact(FloatVector.fromArray(F, out, o).add(c00)).intoArray(out, o);
        exact(FloatVector.fromArray(F, out, o + L).add(c01)).intoArray(out, o + L);
        o += oStep;
        exact(FloatVector.fromArray(F, out, o).add(c10)).intoArray(out, o);
        exact(FloatVector.fromArray(F, out, o + L).add(c11)).intoArray(out, o + L);
        o += oStep;
        exact(FloatVector.fromArray(F, out, o).add(c20)).intoArray(out, o);
        exact(FloatVector.fromArray(F, out, o + L).add(c21)).intoArray(out, o + L);
        o += oStep;
        exact(FloatVector.fromArray(F, out, o).add(c30)).intoArray(out, o);
        exact(FloatVector.fromArray(F, out, o + L).add(c31)).intoArray(out, o + L);
    }

    @Override
    public int below(float[] y, int off, float[] norm, int base, int cols, float ni, float bound, int[] hits) {
        FloatVector q = FloatVector.broadcast(F, ni), b = FloatVector.broadcast(F, bound);
        int h = 0;
        for (int c = 0; c < cols; c += L) {
            FloatVector dd = FloatVector.fromArray(F, norm, base + c).add(q).sub(FloatVector.fromArray(F, y, off + c).mul(2f));
            // most vectors have no candidate; the rare ones are sorted out one lane at a time (Java 17
            // compiles anyTrue to one instruction, but not the mask's toLong)
            if (dd.compare(VectorOperators.LT, b).anyTrue()) {
                for (int e = c; e < c + L; e++) if (ni + norm[base + e] - 2 * y[off + e] < bound) hits[h++] = e;
            }
        }
        return h;
    }

    @Override
    public String name() { return "simd-" + L + "x32"; }
}
