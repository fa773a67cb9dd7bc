package imagetsne.grid;

import java.util.Arrays;

/**
 * Shortest-augmenting-path assignment (same duals as {@link DenseLap}) that never looks at the dense
 * n x m cost matrix: each point sees the cells in square rings around its nearest cell, and a ring is
 * only opened when Dijkstra reaches a lower bound of what it could offer. Because column potentials
 * v stay <= 0, the bound "distance to the ring's nearest side" is valid for every cell in the ring, so
 * edges never opened could not have shortened any path: the result is optimal for the dense problem,
 * like the dense solver, while each augmentation touches only the neighbourhood it needs.
 * Memory is O(n + m).
 */
final class RingLap {
    private final double[] xy;
    private final int n, m, gc, gr;
    private final double[] cx, cy;
    private final int[] centerCol, centerRow, maxRing;

    private final double[] u, v, dist, rowD;
    private final int[] col4row, row4col, path, rowRing;
    private final int[] colStamp, scStamp, rowStamp;
    private final int[] srList, scList;
    private int srCount, scCount, stamp;
    /** Shortest tentative distance to any free cell in this search: nothing above it can matter. */
    private double ub;
    private final Heap heap = new Heap();
    /** Work counters for benchmarks: rows scanned and cells relaxed over all augmentations. */
    long rowsScanned, cellsRelaxed;

    RingLap(double[] xy, GridShape shape) {
        this.xy = xy;
        n = xy.length / 2;
        m = shape.cells();
        gc = shape.cols();
        gr = shape.rows();
        if (n > m) throw new IllegalArgumentException("more points (" + n + ") than cells (" + m + ")");
        cx = new double[gc];
        cy = new double[gr];
        for (int c = 0; c < gc; c++) cx[c] = shape.cellX(c);
        for (int r = 0; r < gr; r++) cy[r] = shape.cellY(r);
        centerCol = new int[n];
        centerRow = new int[n];
        maxRing = new int[n];
        for (int i = 0; i < n; i++) {
            int c = nearest(xy[2 * i], gc), r = nearest(xy[2 * i + 1], gr);
            centerCol[i] = c;
            centerRow[i] = r;
            maxRing[i] = Math.max(Math.max(c, gc - 1 - c), Math.max(r, gr - 1 - r));
        }
        u = new double[n];
        v = new double[m];
        dist = new double[m];
        rowD = new double[n];
        col4row = new int[n];
        row4col = new int[m];
        path = new int[m];
        rowRing = new int[n];
        colStamp = new int[m];
        scStamp = new int[m];
        rowStamp = new int[n];
        srList = new int[n];
        scList = new int[m];
        Arrays.fill(col4row, -1);
        Arrays.fill(row4col, -1);
    }

    private static int nearest(double p, int count) {
        if (count == 1) return 0;
        long k = Math.round(p * (count - 1));
        return (int) Math.max(0, Math.min(count - 1, k));
    }

    /** Solves and returns cellOf. */
    int[] solve() {
        for (int s = 0; s < n; s++) augment(s);
        return col4row.clone();
    }

    private void augment(int s) {
        stamp++;
        heap.clear();
        srCount = 0;
        scCount = 0;
        ub = Double.POSITIVE_INFINITY;
        reachRow(s, 0);
        int sink = -1;
        double minVal = 0;
        while (sink == -1) {
            if (heap.size == 0) throw new IllegalStateException("ring search exhausted without a free cell");
            double key = heap.topKey();
            int val = heap.topVal();
            heap.pop();
            if (val < 0) {
                openRing(-val - 1);
                continue;
            }
            int j = val;
            if (scStamp[j] == stamp || key > dist[j]) continue; // stale entry
            scStamp[j] = stamp;
            scList[scCount++] = j;
            if (row4col[j] == -1) { sink = j; minVal = key; }
            else reachRow(row4col[j], key);
        }
        u[s] += minVal;
        for (int k = 0; k < srCount; k++) {
            int i = srList[k];
            if (i != s) u[i] += minVal - rowD[i];
        }
        for (int k = 0; k < scCount; k++) {
            int j = scList[k];
            v[j] -= minVal - dist[j];
        }
        int j = sink;
        while (true) {
            int r = path[j];
            row4col[j] = r;
            int prev = col4row[r];
            col4row[r] = j;
            j = prev;
            if (r == s) break;
        }
    }

    private void reachRow(int i, double d) {
        rowStamp[i] = stamp;
        rowD[i] = d;
        srList[srCount++] = i;
        rowRing[i] = 0;
        rowsScanned++;
        pushToken(i);
    }

    /** Queues row i's next ring under a lower bound of any reduced path length through it. */
    private void pushToken(int i) {
        int r = rowRing[i];
        if (r > maxRing[i]) return;
        double px = xy[2 * i], py = xy[2 * i + 1];
        int c0 = centerCol[i], r0 = centerRow[i];
        double lb;
        if (r == 0) {
            double dx = px - cx[c0], dy = py - cy[r0];
            lb = dx * dx + dy * dy;
        } else {
            lb = Double.POSITIVE_INFINITY;
            if (c0 + r < gc) lb = Math.min(lb, sq(cx[c0 + r] - px));
            if (c0 - r >= 0) lb = Math.min(lb, sq(px - cx[c0 - r]));
            if (r0 + r < gr) lb = Math.min(lb, sq(cy[r0 + r] - py));
            if (r0 - r >= 0) lb = Math.min(lb, sq(py - cy[r0 - r]));
        }
        // -v >= 0, so cost - u alone bounds every reduced cost in the ring from below
        double key = rowD[i] + lb - u[i];
        if (key <= ub) heap.push(key, 1, -i - 1);
    }

    private static double sq(double d) { return d > 0 ? d * d : 0; }

    private void openRing(int i) {
        int r = rowRing[i];
        int c0 = centerCol[i], r0 = centerRow[i];
        if (r == 0) {
            relax(i, r0, c0);
        } else {
            int cLo = Math.max(0, c0 - r), cHi = Math.min(gc - 1, c0 + r);
            if (r0 - r >= 0) for (int c = cLo; c <= cHi; c++) relax(i, r0 - r, c);
            if (r0 + r < gr) for (int c = cLo; c <= cHi; c++) relax(i, r0 + r, c);
            int rLo = Math.max(0, r0 - r + 1), rHi = Math.min(gr - 1, r0 + r - 1);
            if (c0 - r >= 0) for (int rr = rLo; rr <= rHi; rr++) relax(i, rr, c0 - r);
            if (c0 + r < gc) for (int rr = rLo; rr <= rHi; rr++) relax(i, rr, c0 + r);
        }
        rowRing[i] = r + 1;
        pushToken(i);
    }

    private void relax(int i, int row, int col) {
        int j = row * gc + col;
        if (scStamp[j] == stamp) return;
        cellsRelaxed++;
        double dx = xy[2 * i] - cx[col], dy = xy[2 * i + 1] - cy[row];
        double cand = rowD[i] + dx * dx + dy * dy - u[i] - v[j];
        if (cand > ub) return;
        if (colStamp[j] != stamp || cand < dist[j]) {
            colStamp[j] = stamp;
            dist[j] = cand;
            path[j] = i;
            boolean free = row4col[j] == -1;
            if (free) ub = cand;
            // at equal keys pop free cells first (0), then ring tokens (1), then taken cells (2)
            heap.push(cand, free ? 0 : 2, j);
        }
    }

    /** Binary min-heap on (key, rank, val) with primitive arrays. */
    private static final class Heap {
        double[] keys = new double[1024];
        int[] ranks = new int[1024], vals = new int[1024];
        int size;

        void clear() { size = 0; }
        double topKey() { return keys[0]; }
        int topVal() { return vals[0]; }

        private boolean less(double ka, int ra, int va, int b) {
            if (ka != keys[b]) return ka < keys[b];
            if (ra != ranks[b]) return ra < ranks[b];
            return va < vals[b];
        }

        void push(double k, int rank, int val) {
            if (size == keys.length) {
                int cap = size * 2;
                keys = Arrays.copyOf(keys, cap);
                ranks = Arrays.copyOf(ranks, cap);
                vals = Arrays.copyOf(vals, cap);
            }
            int at = size++;
            while (at > 0) {
                int parent = (at - 1) >>> 1;
                if (!less(k, rank, val, parent)) break;
                keys[at] = keys[parent];
                ranks[at] = ranks[parent];
                vals[at] = vals[parent];
                at = parent;
            }
            keys[at] = k;
            ranks[at] = rank;
            vals[at] = val;
        }

        void pop() {
            size--;
            if (size == 0) return;
            double k = keys[size];
            int rank = ranks[size], val = vals[size];
            int at = 0;
            while (true) {
                int child = 2 * at + 1;
                if (child >= size) break;
                if (child + 1 < size && less(keys[child + 1], ranks[child + 1], vals[child + 1], child)) child++;
                if (!lessThanValues(keys[child], ranks[child], vals[child], k, rank, val)) break;
                keys[at] = keys[child];
                ranks[at] = ranks[child];
                vals[at] = vals[child];
                at = child;
            }
            keys[at] = k;
            ranks[at] = rank;
            vals[at] = val;
        }

        private static boolean lessThanValues(double ka, int ra, int va, double kb, int rb, int vb) {
            if (ka != kb) return ka < kb;
            if (ra != rb) return ra < rb;
            return va < vb;
        }
    }
}
