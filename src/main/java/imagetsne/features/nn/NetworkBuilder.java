package imagetsne.features.nn;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds a {@link Network} one operation at a time, checking shapes as it goes. Weights come in Keras's
 * layouts (conv kernels [kh][kw][in][out], dense kernels [in][out]); folding batch normalisation into
 * them is the caller's business, fusing clamp-type activations is done here by passing them in.
 */
public final class NetworkBuilder {
    private final Kernels kernels;
    private final List<Step> steps = new ArrayList<>();
    private Value input;
    private int slots;

    public NetworkBuilder() { this(Kernels.best()); }

    NetworkBuilder(Kernels kernels) { this.kernels = kernels; }

    /** Plain Java kernels even where the Vector API is present (tests compare the two). */
    public static NetworkBuilder scalar() { return new NetworkBuilder(new ScalarKernels()); }

    /**
     * The image input. {@code compact} keeps its channel stride at c, which only convolutions can read
     * (it spares the first convolution the zero channels of a padded stride).
     */
    public Value input(int h, int w, int c, boolean compact) {
        if (input != null) throw new IllegalStateException("the network already has an input");
        input = new Value(slots++, h, w, c, compact ? c : align(c));
        return input;
    }

    public Value conv(String name, Value in, float[] kernel, int kh, int kw, int cout, float[] bias, int sy, int sx,
                      Pads pads, Activation act) {
        requireClamp(name, act);
        check(name, kernel.length == kh * kw * in.c() * cout, "kernel has " + kernel.length + " values, expected " + kh + "x" + kw + "x" + in.c() + "x" + cout);
        check(name, bias == null || bias.length == cout, "bias has " + (bias == null ? 0 : bias.length) + " values, expected " + cout);
        return add(new ConvStep(name, in.slot(), slots, in.h(), in.w(), in.c(), in.stride(), kernel, kh, kw, cout, bias, sy, sx, pads, act, kernels.panel()));
    }

    public Value depthwise(String name, Value in, float[] kernel, int kh, int kw, float[] bias, int sy, int sx, Pads pads, Activation act) {
        requireClamp(name, act);
        requireAligned(name, in);
        check(name, kernel.length == kh * kw * in.c(), "depthwise kernel has " + kernel.length + " values, expected " + kh + "x" + kw + "x" + in.c());
        check(name, bias == null || bias.length == in.c(), "bias has " + (bias == null ? 0 : bias.length) + " values, expected " + in.c());
        return add(new DepthwiseStep(name, in.slot(), slots, in.h(), in.w(), in.c(), in.stride(), kernel, kh, kw, bias, sy, sx, pads, act));
    }

    /** A dense layer: on a 1x1 input (after Flatten or global pooling) a matrix-vector product, else per pixel. */
    public Value dense(String name, Value in, float[] kernel, int units, float[] bias, Activation act) {
        return conv(name, in, kernel, 1, 1, units, bias, 1, 1, Pads.NONE, act);
    }

    public Value pool(String name, Value in, boolean max, int kh, int kw, int sy, int sx, Pads pads) {
        requireAligned(name, in);
        return add(new PoolStep(name, in.slot(), slots, in.h(), in.w(), in.c(), in.stride(), max, kh, kw, sy, sx, pads));
    }

    public Value globalPool(String name, Value in, boolean max) {
        return pool(name, in, max, in.h(), in.w(), 1, 1, Pads.NONE);
    }

    public Value add(String name, Value... in) {
        for (Value v : in) {
            requireAligned(name, v);
            check(name, v.h() == in[0].h() && v.w() == in[0].w() && v.c() == in[0].c(), "inputs of different shapes");
        }
        return add(new SimpleSteps.Add(name, slotsOf(in), slots, in[0].h(), in[0].w(), in[0].c(), in[0].stride()));
    }

    public Value concat(String name, Value... in) {
        int c = 0;
        for (Value v : in) {
            check(name, v.h() == in[0].h() && v.w() == in[0].w(), "inputs of different sizes");
            c += v.c();
        }
        return add(new SimpleSteps.Concat(name, slotsOf(in), slots, in[0].h(), in[0].w(), c, align(c)));
    }

    public Value affine(String name, Value in, float[] scale, float[] shift) {
        requireAligned(name, in);
        check(name, scale.length == in.c() && shift.length == in.c(), "scale/shift length differs from the channels");
        return add(new SimpleSteps.Affine(name, in.slot(), slots, in.h(), in.w(), in.c(), in.stride(), scale, shift));
    }

    public Value activation(String name, Value in, Activation act) {
        requireAligned(name, in);
        return add(new SimpleSteps.Act(name, in.slot(), slots, in.h(), in.w(), in.c(), in.stride(), act));
    }

    public Value pad(String name, Value in, Pads pads) {
        return add(new SimpleSteps.Pad(name, in.slot(), slots, in.h(), in.w(), in.c(), in.stride(), pads));
    }

    public Value flatten(String name, Value in) {
        int c = in.h() * in.w() * in.c();
        return add(new SimpleSteps.Flatten(name, in.slot(), slots, c, align(c)));
    }

    /** The network that computes the given values (by the names the caller will look them up with). */
    public Network build(Map<String, Value> outputs) {
        if (input == null) throw new IllegalStateException("the network has no input");
        Map<String, Integer> out = new LinkedHashMap<>();
        outputs.forEach((k, v) -> out.put(k, v.slot()));
        return new Network(kernels, input, steps, slots, out);
    }

    /** Channel strides are multiples of the kernels' panel. */
    int align(int c) { return ConvStep.roundUp(c, kernels.panel()); }

    private Value add(Step s) {
        steps.add(s);
        return new Value(slots++, s.h, s.w, s.c, s.stride);
    }

    private void requireAligned(String name, Value v) {
        check(name, v.stride() % kernels.panel() == 0, "reads a compact input, which only convolutions can");
    }

    private static void requireClamp(String name, Activation act) {
        check(name, act.isClamp(), "activation " + act.kind() + " cannot be fused; add it as its own step");
    }

    private static int[] slotsOf(Value[] in) {
        int[] s = new int[in.length];
        for (int i = 0; i < in.length; i++) s[i] = in[i].slot();
        return s;
    }

    private static void check(String name, boolean ok, String what) {
        if (!ok) throw new IllegalArgumentException(name + ": " + what);
    }
}
