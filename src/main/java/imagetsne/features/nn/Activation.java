package imagetsne.features.nn;

/** An element-wise activation; those that are a clamp (linear, ReLU, ReLU6) fuse into the layer before. */
public record Activation(String kind, float maxValue, float negativeSlope, float threshold) {
    public static final Activation LINEAR = new Activation("linear", Float.POSITIVE_INFINITY, 0, 0);
    public static final Activation RELU = new Activation("relu", Float.POSITIVE_INFINITY, 0, 0);
    public static final Activation RELU6 = new Activation("relu", 6, 0, 0);

    /** Keras's activation names (the "activation" field of a layer, or an Activation layer). */
    public static Activation named(String name) {
        return switch (name) {
            case "linear" -> LINEAR;
            case "relu" -> RELU;
            case "relu6" -> RELU6;
            case "sigmoid", "tanh", "softmax", "elu", "swish", "silu", "softplus", "hard_sigmoid" ->
                    new Activation(name.equals("silu") ? "swish" : name, 0, 0, 0);
            default -> null;
        };
    }

    /** Keras's ReLU layer: x >= threshold ? min(x, maxValue) : negativeSlope * (x - threshold). */
    public static Activation relu(float maxValue, float negativeSlope, float threshold) {
        return new Activation("relu", maxValue, negativeSlope, threshold);
    }

    /** True for max(lo, min(hi, x)) forms: these run inside the convolution's epilogue. */
    boolean isClamp() {
        return kind.equals("linear") || (kind.equals("relu") && negativeSlope == 0 && threshold == 0);
    }

    float lo() { return kind.equals("linear") ? Float.NEGATIVE_INFINITY : 0f; }

    float hi() { return kind.equals("linear") ? Float.POSITIVE_INFINITY : maxValue; }

    float apply(float x) {
        return switch (kind) {
            case "linear" -> x;
            case "relu" -> x >= threshold ? Math.min(x, maxValue) : negativeSlope * (x - threshold);
            case "sigmoid" -> (float) (1 / (1 + Math.exp(-x)));
            case "tanh" -> (float) Math.tanh(x);
            case "elu" -> x > 0 ? x : (float) Math.expm1(x);
            case "swish" -> (float) (x / (1 + Math.exp(-x)));
            case "softplus" -> (float) Math.log1p(Math.exp(x));
            case "hard_sigmoid" -> Math.max(0f, Math.min(1f, 0.2f * x + 0.5f));
            default -> throw new IllegalStateException(kind + " is not element-wise");
        };
    }
}
