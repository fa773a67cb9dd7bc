package imagetsne.features.nn;

/** Zeros added around an input before a convolution or pooling window slides over it. */
public record Pads(int top, int bottom, int left, int right) {
    public static final Pads NONE = new Pads(0, 0, 0, 0);

    public Pads {
        if (top < 0 || bottom < 0 || left < 0 || right < 0) throw new IllegalArgumentException("negative padding");
    }

    /** TensorFlow's "same": output = ceil(input / stride), the extra row or column at the bottom / right. */
    public static Pads same(int h, int w, int kh, int kw, int sy, int sx) {
        int th = Math.max((ceilDiv(h, sy) - 1) * sy + kh - h, 0), tw = Math.max((ceilDiv(w, sx) - 1) * sx + kw - w, 0);
        return new Pads(th / 2, th - th / 2, tw / 2, tw - tw / 2);
    }

    public Pads plus(Pads o) { return new Pads(top + o.top, bottom + o.bottom, left + o.left, right + o.right); }

    public boolean isNone() { return top == 0 && bottom == 0 && left == 0 && right == 0; }

    static int ceilDiv(int a, int b) { return (a + b - 1) / b; }
}
