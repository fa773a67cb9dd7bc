package imagetsne.grid;

/**
 * Orders points in the unit square along a Hilbert curve: consecutive points are close together, so
 * groups of consecutive points are compact clusters, and a solver that visits points in this order
 * touches neighbouring memory. A radix sort on the 32-bit curve index keeps it O(n) and lets the
 * progress callback be asked between passes (millions of points take most of a second).
 */
final class HilbertOrder {
    private static final int ORDER = 16;

    private HilbertOrder() {}

    /** @return perm with perm[t] = the index of the t-th point along the curve (ties in input order) */
    static int[] of(double[] xy, ProgressTicker ticker) {
        int n = xy.length / 2;
        int[] key = new int[n], perm = new int[n];
        int side = (1 << ORDER) - 1;
        for (int i = 0; i < n; i++) {
            int qx = (int) Math.round(Math.max(0, Math.min(1, xy[2 * i])) * side);
            int qy = (int) Math.round(Math.max(0, Math.min(1, xy[2 * i + 1])) * side);
            key[i] = (int) index(qx, qy); // the top bit may be set: digits below are read unsigned
            perm[i] = i;
            if ((i & 4095) == 0) ticker.poll();
        }
        // least significant digit first, 8 bits a pass; each pass is stable, so ties keep the input order
        int[] key2 = new int[n], perm2 = new int[n], count = new int[257];
        for (int shift = 0; shift < 32; shift += 8) {
            java.util.Arrays.fill(count, 0);
            for (int i = 0; i < n; i++) count[((key[i] >>> shift) & 0xFF) + 1]++;
            for (int d = 0; d < 256; d++) count[d + 1] += count[d];
            for (int i = 0; i < n; i++) {
                int at = count[(key[i] >>> shift) & 0xFF]++;
                key2[at] = key[i];
                perm2[at] = perm[i];
            }
            int[] t = key; key = key2; key2 = t;
            t = perm; perm = perm2; perm2 = t;
            ticker.poll();
        }
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
