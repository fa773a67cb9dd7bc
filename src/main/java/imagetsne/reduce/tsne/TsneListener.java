package imagetsne.reduce.tsne;

/** Called by the optimiser every few iterations; lets the sketch animate and the CLI show progress. */
@FunctionalInterface
public interface TsneListener {
    /**
     * @param iteration 1-based iteration just finished
     * @param total total iterations planned
     * @param y current embedding, n x dims row-major (do not keep a reference: copy if needed)
     * @param kl KL divergence when computed at this iteration, else NaN
     * @return false to stop early (cancel)
     */
    boolean onIteration(int iteration, int total, double[] y, double kl);

    TsneListener NONE = (i, t, y, kl) -> true;
}
