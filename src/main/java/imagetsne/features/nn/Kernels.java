package imagetsne.features.nn;

/**
 * The two loops that hold nearly all of a CNN's arithmetic, in an NHWC layout whose channel stride is a
 * multiple of {@link #panel()} (padding channels hold zeros): a convolution as an implicit matrix product,
 * and a depthwise convolution. The Vector API version ({@code VectorKernels}) is about 40x the plain Java
 * one here; the plain one keeps the importer working on a JVM started without the incubator module.
 */
interface Kernels {
    /** Output channels per weight panel; channel strides are multiples of it. */
    int panel();

    String name();

    /**
     * out[i*outStride + p*panel + j] = clamp(bias[p*panel + j] + sum over taps t and input channels k < cin
     * of in[rowOff[i] + tapOff[t] + k] * w[((p*taps + t)*cin + k)*panel + j], lo, hi), for output pixels
     * i < m and panels p < panels: a convolution as an implicit matrix product, reading each output
     * pixel's taps from the padded input at fixed offsets (no im2col copy). A 1x1 convolution has one
     * tap at offset 0; a dense layer is m = 1.
     */
    void conv(float[] in, int[] rowOff, int m, int[] tapOff, int cin, float[] w, float[] bias, int panels,
              float[] out, int outStride, float lo, float hi);

    /**
     * out[(oy*outW + ox)*stride + c] = clamp(bias[c] + sum over (dy, dx) of
     * in[((oy*sy + dy)*inW + ox*sx + dx)*stride + c] * w[(dy*kw + dx)*stride + c], lo, hi) for every channel
     * c < stride; {@code in} is already zero-padded.
     */
    void depthwise(float[] in, int inW, int stride, int kh, int kw, int sy, int sx, float[] w, float[] bias,
                   float[] out, int outH, int outW, float lo, float hi);

    /**
     * The Vector API kernels when the JVM runs with --add-modules jdk.incubator.vector (and the CPU has
     * 8 or 16 float lanes), else plain Java; -Dimagetsne.scalar=true forces plain Java, to compare.
     */
    static Kernels best() {
        if (Boolean.getBoolean("imagetsne.scalar") || ModuleLayer.boot().findModule("jdk.incubator.vector").isEmpty()) {
            return new ScalarKernels();
        }
        try {
            Kernels k = (Kernels) Class.forName("imagetsne.features.nn.VectorKernels").getDeclaredConstructor().newInstance();
            return k.panel() >= 8 ? k : new ScalarKernels();
        } catch (ReflectiveOperationException | LinkageError e) {
            return new ScalarKernels();
        }
    }
}
