package imagetsne.reduce;

/** PCA with a library (ND4J or EJML), centred, to at most `dims` components. */
public final class Pca {
    private Pca() {}

    /** rows = items; returns n x min(dims, d, n) projections. */
    public static double[][] reduce(float[][] x, int dims) {
        throw new UnsupportedOperationException("TODO reduce helper");
    }
}
