package imagetsne.features.nn;

/** One operation of a compiled {@link Network}: reads the tensors in {@code inputs}, writes {@code output}. */
abstract class Step {
    final String name;
    final int[] inputs;
    final int output;
    final int h, w, c, stride;

    Step(String name, int[] inputs, int output, int h, int w, int c, int stride) {
        this.name = name;
        this.inputs = inputs;
        this.output = output;
        this.h = h;
        this.w = w;
        this.c = c;
        this.stride = stride;
    }

    /** Fills {@code out} (h * w * stride floats, padding channels included). */
    abstract void run(Tensor[] in, float[] out, Workspace ws, Kernels k);

    /** Multiply-adds per image, for reports. */
    long macs() { return 0; }

    int size() { return h * w * stride; }

    /**
     * The input with zeros around it, in an array from the workspace (the caller releases it); the
     * input's own array when there is nothing to add.
     */
    static float[] padded(Tensor t, Pads p, Workspace ws, float fill) {
        if (p.isNone()) return t.data;
        int wp = t.w + p.left() + p.right(), hp = t.h + p.top() + p.bottom(), s = t.stride;
        float[] buf = ws.acquire(hp * wp * s);
        int row = wp * s;
        java.util.Arrays.fill(buf, 0, p.top() * row, fill);
        for (int y = 0; y < t.h; y++) {
            int o = (y + p.top()) * row;
            java.util.Arrays.fill(buf, o, o + p.left() * s, fill);
            System.arraycopy(t.data, y * t.w * s, buf, o + p.left() * s, t.w * s);
            java.util.Arrays.fill(buf, o + (p.left() + t.w) * s, o + row, fill);
        }
        java.util.Arrays.fill(buf, (p.top() + t.h) * row, hp * row, fill);
        return buf;
    }

    static void release(float[] buf, Tensor t, Workspace ws) {
        if (buf != t.data) ws.release(buf);
    }
}
