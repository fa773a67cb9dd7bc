package imagetsne.reduce.tsne;

/**
 * An order of the points in which neighbours in input space sit close together: the leaf order of a k-d
 * tree (split at the median of the widest coordinate, leaves of {@link #LEAF}). The engine works on the
 * points in this order, because nearly every access it makes goes from a point to its neighbours: the
 * neighbour search's candidates, P's pairs in the attraction, and (once the layout has formed, since
 * neighbours end up near each other) the tree's points. At 70,000 points in random order these accesses
 * miss the cache; in this order they mostly hit it.
 */
final class Locality {
    private Locality() {}

    static final int LEAF = 32;

    /** order[r] = the input row that goes to place r. */
    static int[] order(double[] x, int n, int d) {
        int[] order = new int[n];
        for (int i = 0; i < n; i++) order[i] = i;
        double[] key = new double[n];
        split(x, d, order, key, 0, n);
        return order;
    }

    private static void split(double[] x, int d, int[] order, double[] key, int lo, int hi) {
        while (hi - lo > LEAF) {
            keys(x, d, order, key, lo, hi, widest(x, d, order, lo, hi));
            int mid = (lo + hi) >>> 1;
            select(order, key, lo, hi - 1, mid);
            split(x, d, order, key, lo, mid);
            lo = mid;   // the upper half in this frame: recursion depth stays log n
        }
    }

    // The loops are methods of their own: the recursion calls them thousands of times, so they are compiled
    // early and once, where a loop inside split itself was compiled on the stack, with all of split around it.

    /** key[q] = coordinate t of row order[q], for q in [lo, hi). */
    private static void keys(double[] x, int d, int[] order, double[] key, int lo, int hi, int t) {
        for (int q = lo; q < hi; q++) key[q] = x[order[q] * d + t];
    }

    /** The coordinate with the largest range over rows order[lo, hi). */
    private static int widest(double[] x, int d, int[] order, int lo, int hi) {
        double[] min = new double[d], max = new double[d];
        java.util.Arrays.fill(min, Double.POSITIVE_INFINITY);
        java.util.Arrays.fill(max, Double.NEGATIVE_INFINITY);
        for (int q = lo; q < hi; q++) {
            int a = order[q] * d;
            for (int t = 0; t < d; t++) {
                double v = x[a + t];
                if (v < min[t]) min[t] = v;
                if (v > max[t]) max[t] = v;
            }
        }
        int best = 0;
        for (int t = 1; t < d; t++) if (max[t] - min[t] > max[best] - min[best]) best = t;
        return best;
    }

    /** Quickselect (Hoare) on key, moving order along: afterwards key[lo..k) <= key[k] <= key(k..hi]. */
    private static void select(int[] order, double[] key, int lo, int hi, int k) {
        while (lo < hi) {
            double pivot = key[(lo + hi) >>> 1];
            int i = lo, j = hi;
            while (i <= j) {
                while (key[i] < pivot) i++;
                while (key[j] > pivot) j--;
                if (i <= j) {
                    double t = key[i]; key[i] = key[j]; key[j] = t;
                    int o = order[i]; order[i] = order[j]; order[j] = o;
                    i++;
                    j--;
                }
            }
            if (k <= j) hi = j;
            else if (k >= i) lo = i;
            else return;
        }
    }

    /** Rows of the n x d matrix x in the given order. */
    static double[] rows(double[] x, int d, int[] order) {
        double[] out = new double[x.length];
        for (int r = 0; r < order.length; r++) System.arraycopy(x, order[r] * d, out, r * d, d);
        return out;
    }

    /** Undoes {@link #rows}: out[order[r]] = y[r], into out. */
    static double[] back(double[] y, int d, int[] order, double[] out) {
        for (int r = 0; r < order.length; r++) System.arraycopy(y, r * d, out, order[r] * d, d);
        return out;
    }
}
