package imagetsne.analysis;

import imagetsne.reduce.tsne.TsneResult;

/**
 * Where t-SNE put each row, and how: {@code tsne} holds the coordinates (n x dims, not normalised) and
 * the settings actually used; {@code pcaDims} is the dimension the rows were reduced to first (the input
 * dimension when no PCA ran).
 */
public record Embedding(TsneResult tsne, int inputDims, int pcaDims, double pcaSeconds) {
    public int size() { return tsne.n(); }

    public int dims() { return tsne.dims(); }
}
