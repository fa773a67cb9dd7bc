package imagetsne.reduce.tsne;

/**
 * A repulsion on a tree rebuilt every iteration. The build is serial; the walk comes in independent
 * units, so the optimiser can run the build beside the attraction and hand out the walk's chunks in the
 * same parallel region (Optimizer.treeStep).
 */
abstract class TreeRepulsion implements Repulsion {
    final Parallel par;

    TreeRepulsion(Parallel par) { this.par = par; }

    @Override
    public final double compute(double[] y, int n, int dims, double[] neg) {
        build(y, n, dims);
        return par.sum(walkUnits(), (from, to) -> walkRange(from, to, neg));
    }

    /** Builds the tree over y (serial). */
    abstract void build(double[] y, int n, int dims);

    /** The walk over the tree last built comes in this many independent units. */
    abstract int walkUnits();

    /**
     * Walks units [from, to): fills their points' entries of neg, returns their share of Z. Summed over
     * Parallel's chunks of walkUnits() in chunk order, as compute() does, Z comes out the same to the bit.
     */
    abstract double walkRange(int from, int to, double[] neg);
}
