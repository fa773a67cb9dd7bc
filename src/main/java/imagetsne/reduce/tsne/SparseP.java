package imagetsne.reduce.tsne;

/** Symmetric joint probabilities P in CSR form (rows sum over all entries to 1). */
record SparseP(int n, int[] rowStart, int[] cols, double[] vals) {
    public int nnz() { return cols.length; }
}
