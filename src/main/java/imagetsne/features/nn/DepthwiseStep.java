package imagetsne.features.nn;

/** A depthwise convolution (depth multiplier 1) with its bias and clamp-type activation fused. */
final class DepthwiseStep extends Step {
    private final Pads pads;
    private final int kh, kw, sy, sx, paddedW;
    private final float[] weights, bias;
    private final float lo, hi;

    /** @param kernel Keras order [kh][kw][c][1]; bias c values or null */
    DepthwiseStep(String name, int input, int output, int inH, int inW, int c, int stride, float[] kernel, int kh, int kw,
                  float[] bias, int sy, int sx, Pads pads, Activation act) {
        super(name, new int[] {input}, output, (inH + pads.top() + pads.bottom() - kh) / sy + 1,
                (inW + pads.left() + pads.right() - kw) / sx + 1, c, stride);
        if (h < 1 || w < 1) throw new IllegalArgumentException(name + ": the kernel is larger than its padded input");
        this.pads = pads;
        this.kh = kh;
        this.kw = kw;
        this.sy = sy;
        this.sx = sx;
        this.paddedW = inW + pads.left() + pads.right();
        this.lo = act.lo();
        this.hi = act.hi();
        weights = new float[kh * kw * stride];
        for (int t = 0; t < kh * kw; t++) System.arraycopy(kernel, t * c, weights, t * stride, c);
        this.bias = new float[stride];
        if (bias != null) System.arraycopy(bias, 0, this.bias, 0, c);
    }

    @Override void run(Tensor[] in, float[] out, Workspace ws, Kernels k) {
        float[] src = padded(in[0], pads, ws, 0f);
        k.depthwise(src, paddedW, stride, kh, kw, sy, sx, weights, bias, out, h, w, lo, hi);
        release(src, in[0], ws);
    }

    @Override long macs() { return (long) h * w * kh * kw * c; }
}
