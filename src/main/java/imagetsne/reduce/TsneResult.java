package imagetsne.reduce;

/** A finished (or cancelled) embedding. */
public record TsneResult(double[] y, int n, int dims, double kl, double seconds, boolean cancelled, String message) {
    /** Row i as a new array. */
    public double[] row(int i) {
        double[] r = new double[dims];
        System.arraycopy(y, i * dims, r, 0, dims);
        return r;
    }
}
