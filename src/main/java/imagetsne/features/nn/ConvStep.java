package imagetsne.features.nn;

/**
 * A 2-D convolution (or a dense layer, as a 1x1 convolution on a 1x1 image) with its bias and clamp-type
 * activation fused, run as an implicit matrix product: each output pixel reads its taps from the padded
 * input at fixed offsets, so no im2col copy is made. Weights are packed once into panels of output
 * channels in the order the kernel reads them.
 */
final class ConvStep extends Step {
    /** Below this many input channels per tap, the taps are first copied side by side (im2col). */
    static final int IM2COL_BELOW = 16;

    private final Pads pads;
    private final boolean im2col;
    private final int cin, panels, inH, inW, inStride, kh, kw, sy, sx;
    private final float[] packed, bias;
    private final int[] rowOff, tapOff;
    private final float lo, hi;

    /**
     * @param kernel Keras order [kh][kw][cin][cout]
     * @param bias   cout values or null
     */
    ConvStep(String name, int input, int output, int inH, int inW, int cin, int inStride, float[] kernel, int kh, int kw,
             int cout, float[] bias, int sy, int sx, Pads pads, Activation act, int panel) {
        super(name, new int[] {input}, output, (inH + pads.top() + pads.bottom() - kh) / sy + 1,
                (inW + pads.left() + pads.right() - kw) / sx + 1, cout, roundUp(cout, panel));
        if (h < 1 || w < 1) throw new IllegalArgumentException(name + ": the kernel is larger than its padded input");
        this.pads = pads;
        this.cin = cin;
        this.inH = inH;
        this.inW = inW;
        this.inStride = inStride;
        this.kh = kh;
        this.kw = kw;
        this.sy = sy;
        this.sx = sx;
        this.panels = stride / panel;
        this.lo = act.lo();
        this.hi = act.hi();
        int taps = kh * kw;
        packed = new float[panels * taps * cin * panel];
        for (int p = 0; p < panels; p++)
            for (int t = 0; t < taps; t++)
                for (int k = 0; k < cin; k++)
                    for (int j = 0; j < panel && p * panel + j < cout; j++)
                        packed[((p * taps + t) * cin + k) * panel + j] = kernel[(t * cin + k) * cout + p * panel + j];
        this.bias = new float[stride];
        if (bias != null) System.arraycopy(bias, 0, this.bias, 0, cout);
        int wp = inW + pads.left() + pads.right();
        rowOff = new int[h * w];
        for (int y = 0; y < h; y++) for (int x = 0; x < w; x++) rowOff[y * w + x] = (y * sy * wp + x * sx) * inStride;
        tapOff = new int[taps];
        for (int dy = 0; dy < kh; dy++) for (int dx = 0; dx < kw; dx++) tapOff[dy * kw + dx] = (dy * wp + dx) * inStride;
        // a first layer reads 3 channels per tap: too short a loop to pay for the tile's loads and stores
        im2col = taps > 1 && cin < IM2COL_BELOW;
    }

    static int roundUp(int n, int m) { return (n + m - 1) / m * m; }

    @Override void run(Tensor[] in, float[] out, Workspace ws, Kernels k) {
        float[] src = padded(in[0], pads, ws, 0f);
        if (im2col) {
            int m = h * w, kk = tapOff.length * cin;
            float[] cols = ws.acquire(m * kk);
            int[] rows = ws.rows(m, kk);
            for (int i = 0, o = 0; i < m; i++) {
                for (int t = 0; t < tapOff.length; t++) {
                    int a = rowOff[i] + tapOff[t];
                    for (int c = 0; c < cin; c++) cols[o++] = src[a + c];
                }
            }
            k.conv(cols, rows, m, ONE_TAP, kk, packed, bias, panels, out, stride, lo, hi);
            ws.release(cols);
        } else {
            k.conv(src, rowOff, h * w, tapOff, cin, packed, bias, panels, out, stride, lo, hi);
        }
        release(src, in[0], ws);
    }

    private static final int[] ONE_TAP = {0};

    @Override long macs() { return (long) h * w * kh * kw * cin * c; }
}
