package imagetsne.reduce;

/** Entry point of the t-SNE engine (Barnes-Hut, exact and FFT-interpolated repulsion). */
public final class Tsne {
    private Tsne() {}

    /**
     * Embeds the rows of x. Perplexity too large for n is clamped (message in the result).
     * Same seed and options give the same result. The listener may stop the run (cancelled = true).
     */
    public static TsneResult run(double[][] x, TsneOptions options, TsneListener listener) {
        throw new UnsupportedOperationException("TODO reduce helper");
    }
}
