package imagetsne.reduce.tsne;

/**
 * The repulsive half of the t-SNE gradient. With w_ij = 1 / (1 + |y_i - y_j|^2) it fills
 * neg[i] = sum_j w_ij^2 (y_i - y_j) and returns Z = sum_{i != j} w_ij; the gradient is then
 * attraction - neg / Z.
 */
interface Repulsion {
    double compute(double[] y, int n, int dims, double[] neg);
}
