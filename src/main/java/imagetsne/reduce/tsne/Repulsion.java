package imagetsne.reduce.tsne;

/**
 * The repulsive half of the t-SNE gradient. With w_ij = 1 / (1 + |y_i - y_j|^2) it fills
 * neg[i] = sum_j w_ij^2 (y_i - y_j) and returns Z = sum_{i != j} w_ij; the gradient is then
 * attraction - neg / Z.
 */
public interface Repulsion {
    double compute(double[] y, int n, int dims, double[] neg);

    /**
     * Serial set-up for the next compute() on this same y (Barnes-Hut: the tree build), which the
     * optimiser overlaps with the attraction on the other core.
     */
    default void prepare(double[] y, int n, int dims) {}

    /** Whether {@link #prepare} does real work (otherwise the attraction runs on all cores as usual). */
    default boolean hasSerialSetUp() { return false; }
}
