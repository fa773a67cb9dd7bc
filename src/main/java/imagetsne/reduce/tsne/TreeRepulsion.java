package imagetsne.reduce.tsne;

/**
 * A repulsion on a tree rebuilt every iteration: the build is the serial part, which the optimiser runs
 * through {@link #prepare} beside the attraction; {@link #compute} then only walks the tree.
 */
abstract class TreeRepulsion implements Repulsion {
    /** prepare() built the tree for the coming compute() (same y, unchanged in between). */
    private boolean prepared;

    @Override
    public final void prepare(double[] y, int n, int dims) {
        build(y, n, dims);
        prepared = true;
    }

    @Override
    public final boolean hasSerialSetUp() { return true; }

    @Override
    public final double compute(double[] y, int n, int dims, double[] neg) {
        if (!prepared) build(y, n, dims);
        prepared = false;
        return walk(n, dims, neg);
    }

    /** Builds the tree over y (serial). */
    abstract void build(double[] y, int n, int dims);

    /** Fills neg from the tree last built and returns Z (parallel). */
    abstract double walk(int n, int dims, double[] neg);
}
