package imagetsne.features.nn;

/** The memory-bound steps: sums, concatenation, per-channel affine maps, activations, padding, flattening. */
final class SimpleSteps {
    private SimpleSteps() {}

    /** Element-wise sum of tensors of one shape (a residual connection). */
    static final class Add extends Step {
        Add(String name, int[] inputs, int output, int h, int w, int c, int stride) {
            super(name, inputs, output, h, w, c, stride);
        }

        @Override void run(Tensor[] in, float[] out, Workspace ws, Kernels k) {
            int n = size();
            System.arraycopy(in[0].data, 0, out, 0, n);
            for (int i = 1; i < in.length; i++) {
                float[] x = in[i].data;
                for (int j = 0; j < n; j++) out[j] += x[j];
            }
        }
    }

    /** Concatenation along channels. */
    static final class Concat extends Step {
        Concat(String name, int[] inputs, int output, int h, int w, int c, int stride) {
            super(name, inputs, output, h, w, c, stride);
        }

        @Override void run(Tensor[] in, float[] out, Workspace ws, Kernels k) {
            for (int p = 0; p < h * w; p++) {
                int o = p * stride;
                for (Tensor t : in) {
                    System.arraycopy(t.data, p * t.stride, out, o, t.c);
                    o += t.c;
                }
                java.util.Arrays.fill(out, o, (p + 1) * stride, 0f);
            }
        }
    }

    /** x * scale[c] + shift[c]: a batch normalisation that could not be folded into a convolution. */
    static final class Affine extends Step {
        private final float[] scale, shift;

        Affine(String name, int input, int output, int h, int w, int c, int stride, float[] scale, float[] shift) {
            super(name, new int[] {input}, output, h, w, c, stride);
            this.scale = scale;
            this.shift = shift;
        }

        @Override void run(Tensor[] in, float[] out, Workspace ws, Kernels k) {
            float[] x = in[0].data;
            for (int p = 0; p < h * w; p++) {
                int o = p * stride;
                for (int ch = 0; ch < c; ch++) out[o + ch] = x[o + ch] * scale[ch] + shift[ch];
                java.util.Arrays.fill(out, o + c, o + stride, 0f);
            }
        }
    }

    /** An activation on its own (one that is not a clamp, or that follows a layer it cannot fuse into). */
    static final class Act extends Step {
        private final Activation act;

        Act(String name, int input, int output, int h, int w, int c, int stride, Activation act) {
            super(name, new int[] {input}, output, h, w, c, stride);
            this.act = act;
        }

        @Override void run(Tensor[] in, float[] out, Workspace ws, Kernels k) {
            float[] x = in[0].data;
            boolean softmax = act.kind().equals("softmax");
            for (int p = 0; p < h * w; p++) {
                int o = p * stride;
                if (softmax) {
                    float m = Float.NEGATIVE_INFINITY;
                    for (int ch = 0; ch < c; ch++) m = Math.max(m, x[o + ch]);
                    double s = 0;
                    for (int ch = 0; ch < c; ch++) s += (out[o + ch] = (float) Math.exp(x[o + ch] - m));
                    for (int ch = 0; ch < c; ch++) out[o + ch] /= (float) s;
                } else {
                    for (int ch = 0; ch < c; ch++) out[o + ch] = act.apply(x[o + ch]);
                }
                java.util.Arrays.fill(out, o + c, o + stride, 0f);
            }
        }
    }

    /** Zero padding that no convolution could take over. */
    static final class Pad extends Step {
        private final Pads pads;

        Pad(String name, int input, int output, int inH, int inW, int c, int stride, Pads pads) {
            super(name, new int[] {input}, output, inH + pads.top() + pads.bottom(), inW + pads.left() + pads.right(), c, stride);
            this.pads = pads;
        }

        @Override void run(Tensor[] in, float[] out, Workspace ws, Kernels k) {
            float[] p = padded(in[0], pads, ws, 0f);
            System.arraycopy(p, 0, out, 0, size());
            release(p, in[0], ws);
        }
    }

    /** Keras's Flatten of an NHWC tensor: (y, x, channel) order, as a 1x1 image of h*w*c channels. */
    static final class Flatten extends Step {
        Flatten(String name, int input, int output, int c, int stride) {
            super(name, new int[] {input}, output, 1, 1, c, stride);
        }

        @Override void run(Tensor[] in, float[] out, Workspace ws, Kernels k) {
            Tensor t = in[0];
            for (int p = 0; p < t.h * t.w; p++) System.arraycopy(t.data, p * t.stride, out, p * t.c, t.c);
            java.util.Arrays.fill(out, c, stride, 0f);
        }
    }
}
