package imagetsne.grid;

import java.util.Arrays;

/**
 * Orders points in the unit square along a Hilbert curve: consecutive points are close together, so
 * groups of consecutive points are compact clusters, and a solver that visits points in this order
 * touches neighbouring memory.
 */
final class HilbertOrder {
    private static final int ORDER = 16;
    private static final int INDEX_BITS = 26; // up to 67 million points; the curve index takes 2 * ORDER bits

    private HilbertOrder() {}

    /** @return perm with perm[t] = the index of the t-th point along the curve */
    static int[] of(double[] xy) {
        int n = xy.length / 2;
        if (n >= 1 << INDEX_BITS) throw new IllegalArgumentException("too many points for the Hilbert order: " + n);
        long[] key = new long[n];
        int side = (1 << ORDER) - 1;
        for (int i = 0; i < n; i++) {
            int qx = (int) Math.round(Math.max(0, Math.min(1, xy[2 * i])) * side);
            int qy = (int) Math.round(Math.max(0, Math.min(1, xy[2 * i + 1])) * side);
            key[i] = (index(qx, qy) << INDEX_BITS) | i;
        }
        Arrays.sort(key);
        int[] perm = new int[n];
        long mask = (1L << INDEX_BITS) - 1;
        for (int t = 0; t < n; t++) perm[t] = (int) (key[t] & mask);
        return perm;
    }

    /** Distance along the curve of cell (x, y) of the 2^ORDER x 2^ORDER grid (the classic xy-to-d walk). */
    static long index(int x, int y) {
        long d = 0;
        for (int s = 1 << (ORDER - 1); s > 0; s >>= 1) {
            int rx = (x & s) > 0 ? 1 : 0, ry = (y & s) > 0 ? 1 : 0;
            d += (long) s * s * ((3 * rx) ^ ry);
            if (ry == 0) {
                if (rx == 1) {
                    x = (1 << ORDER) - 1 - x;
                    y = (1 << ORDER) - 1 - y;
                }
                int t = x;
                x = y;
                y = t;
            }
        }
        return d;
    }
}
