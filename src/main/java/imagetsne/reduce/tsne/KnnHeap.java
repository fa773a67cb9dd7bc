package imagetsne.reduce.tsne;

/**
 * Bounded max-heap of the k best (distance, index) pairs. Ties are broken by index, so the kept set is
 * a total-order top-k: independent of the order candidates arrive in.
 */
final class KnnHeap {
    final double[] dist;
    final int[] idx;
    int size;

    KnnHeap(int k) {
        dist = new double[k];
        idx = new int[k];
    }

    void clear() { size = 0; }

    /** True when (d, i) ranks after (e, j). */
    private static boolean worse(double d, int i, double e, int j) {
        return d > e || (d == e && i > j);
    }

    /** Worst kept distance, or +inf while not full. */
    double bound() { return size < dist.length ? Double.POSITIVE_INFINITY : dist[0]; }

    void offer(double d, int i) {
        int k = dist.length;
        if (size < k) {
            int c = size++;
            while (c > 0) {
                int p = (c - 1) >> 1;
                if (!worse(d, i, dist[p], idx[p])) break;
                dist[c] = dist[p];
                idx[c] = idx[p];
                c = p;
            }
            dist[c] = d;
            idx[c] = i;
            return;
        }
        if (!worse(dist[0], idx[0], d, i)) return;
        int c = 0;
        while (true) {
            int l = 2 * c + 1;
            if (l >= k) break;
            int r = l + 1;
            int m = r < k && worse(dist[r], idx[r], dist[l], idx[l]) ? r : l;
            if (!worse(dist[m], idx[m], d, i)) break;
            dist[c] = dist[m];
            idx[c] = idx[m];
            c = m;
        }
        dist[c] = d;
        idx[c] = i;
    }

    /** Writes the kept pairs in ascending order into out arrays at offset; empties the heap. */
    void drainSorted(int[] outIdx, double[] outDist, int offset) {
        int n = size;
        for (int p = n - 1; p >= 0; p--) {
            outIdx[offset + p] = idx[0];
            outDist[offset + p] = dist[0];
            // pop the root: move last to root and sift down within the shrunk heap
            size--;
            double d = dist[size];
            int i = idx[size];
            int c = 0;
            while (true) {
                int l = 2 * c + 1;
                if (l >= size) break;
                int r = l + 1;
                int m = r < size && worse(dist[r], idx[r], dist[l], idx[l]) ? r : l;
                if (!worse(dist[m], idx[m], d, i)) break;
                dist[c] = dist[m];
                idx[c] = idx[m];
                c = m;
            }
            if (size > 0) {
                dist[c] = d;
                idx[c] = i;
            }
        }
    }
}
