package imagetsne.grid;

/**
 * The auction's global search: the k lowest values of squared distance + price over all cells of a
 * grid of cell centres cx x cy. A pyramid of block minima (level l holds the minimum price of each
 * 2^l x 2^l block of cells) lets a depth-first search skip every block whose lower bound, squared
 * distance to the block plus its minimum price, cannot beat the k-th best found so far. Prices only
 * rise, so an update climbs only while it changes a block's minimum.
 */
final class PricePyramid {
    private final int gc, gr, top;
    private final double[] cx, cy;
    private final double[] price;
    /** mins[l] for l >= 1: ceil(cols / 2^l) x ceil(rows / 2^l) block minima, row-major; mins[top] is one block. */
    private final double[][] mins;
    private final int[] width, height;
    private final int[] stackLevel, stackCol, stackRow;
    private final double[] stackLb;

    /** Results of the last {@link #lowest} call: cells and values, ascending. */
    int[] foundJ = new int[2];
    double[] foundV = new double[2];
    int found;

    /** @param price the auction's price array (read live); call {@link #rebuild} after changing it in bulk */
    PricePyramid(double[] cx, double[] cy, double[] price) {
        this.cx = cx;
        this.cy = cy;
        this.price = price;
        gc = cx.length;
        gr = cy.length;
        int k = 0;
        while ((gc - 1) >> k > 0 || (gr - 1) >> k > 0) k++;
        top = Math.max(1, k);
        mins = new double[top + 1][];
        width = new int[top + 1];
        height = new int[top + 1];
        for (int l = 0; l <= top; l++) {
            width[l] = ((gc - 1) >> l) + 1;
            height[l] = ((gr - 1) >> l) + 1;
            if (l > 0) mins[l] = new double[width[l] * height[l]];
        }
        int cap = 3 * top + 2; // each expansion pops one block and pushes at most four
        stackLevel = new int[cap];
        stackCol = new int[cap];
        stackRow = new int[cap];
        stackLb = new double[cap];
        rebuild();
    }

    /** Recomputes every block minimum from the prices. */
    void rebuild() {
        for (int l = 1; l <= top; l++)
            for (int b = 0; b < height[l]; b++)
                for (int a = 0; a < width[l]; a++) mins[l][b * width[l] + a] = childMin(l, a, b);
    }

    double globalMin() { return mins[top][0]; }

    /** Call after price[j] rose from oldPrice. */
    void raised(int j, double oldPrice) {
        int a = j % gc, b = j / gc;
        for (int l = 1; l <= top; l++) {
            a >>= 1;
            b >>= 1;
            int at = b * width[l] + a;
            if (mins[l][at] < oldPrice) return; // another cell of this block is lower: minima above unchanged
            double mn = childMin(l, a, b);
            if (mn == mins[l][at]) return;
            mins[l][at] = mn;
        }
    }

    private double childMin(int l, int a, int b) {
        double[] below = l == 1 ? price : mins[l - 1];
        int lw = width[l - 1], lh = height[l - 1];
        int a0 = 2 * a, b0 = 2 * b;
        double mn = below[b0 * lw + a0];
        if (a0 + 1 < lw) mn = Math.min(mn, below[b0 * lw + a0 + 1]);
        if (b0 + 1 < lh) {
            mn = Math.min(mn, below[(b0 + 1) * lw + a0]);
            if (a0 + 1 < lw) mn = Math.min(mn, below[(b0 + 1) * lw + a0 + 1]);
        }
        return mn;
    }

    /**
     * The k lowest values of dist^2(p, cell) + price over all cells, ascending, into {@link #foundJ} and
     * {@link #foundV} ({@link #found} of them, fewer only when the grid has fewer cells); with
     * {@code priceOnly} of the price alone (an empty-cell bidder that values every cell alike).
     * Every cell not returned has a value of at least foundV[found - 1].
     */
    void lowest(double px, double py, boolean priceOnly, int k) {
        lowest(px, py, priceOnly, k, Double.POSITIVE_INFINITY);
    }

    /** As above, among the cells with a value below {@code below} only (none found: every cell is at or above it). */
    void lowest(double px, double py, boolean priceOnly, int k, double below) {
        if (foundJ.length < k) { foundJ = new int[k]; foundV = new double[k]; }
        int cnt = 0;
        double limit = below; // the k-th best so far: nothing at or above it matters
        stackLevel[0] = top;
        stackCol[0] = 0;
        stackRow[0] = 0;
        stackLb[0] = mins[top][0];
        int sp = 1;
        while (sp > 0) {
            sp--;
            if (stackLb[sp] >= limit) continue;
            int l = stackLevel[sp], c0 = 2 * stackCol[sp], r0 = 2 * stackRow[sp];
            if (l == 1) { // the block's (up to) 2 x 2 cells
                for (int r = r0; r <= Math.min(gr - 1, r0 + 1); r++) {
                    double dy = priceOnly ? 0 : py - cy[r], ry = dy * dy;
                    for (int c = c0; c <= Math.min(gc - 1, c0 + 1); c++) {
                        double dx = priceOnly ? 0 : px - cx[c];
                        int j = r * gc + c;
                        double val = dx * dx + ry + price[j];
                        if (val >= limit) continue;
                        int at = cnt < k ? cnt++ : k - 1;
                        while (at > 0 && foundV[at - 1] > val) {
                            foundV[at] = foundV[at - 1];
                            foundJ[at] = foundJ[at - 1];
                            at--;
                        }
                        foundV[at] = val;
                        foundJ[at] = j;
                        if (cnt == k) limit = foundV[k - 1];
                    }
                }
                continue;
            }
            // push the (up to) four child blocks, the most promising on top so it is searched first
            int cl = l - 1, cw = width[cl];
            int bestAt = -1;
            double bestBound = Double.POSITIVE_INFINITY;
            for (int cb = r0; cb <= Math.min(height[cl] - 1, r0 + 1); cb++) {
                for (int ca = c0; ca <= Math.min(cw - 1, c0 + 1); ca++) {
                    double bound = mins[cl][cb * cw + ca];
                    if (!priceOnly) bound += boxDist2(px, py, cl, ca, cb);
                    if (bound >= limit) continue;
                    stackLevel[sp] = cl;
                    stackCol[sp] = ca;
                    stackRow[sp] = cb;
                    stackLb[sp] = bound;
                    if (bound < bestBound) { bestBound = bound; bestAt = sp; }
                    sp++;
                }
            }
            if (bestAt >= 0 && bestAt != sp - 1) swap(bestAt, sp - 1);
        }
        found = cnt;
    }

    private void swap(int s, int t) {
        int l = stackLevel[s], c = stackCol[s], r = stackRow[s];
        double lb = stackLb[s];
        stackLevel[s] = stackLevel[t];
        stackCol[s] = stackCol[t];
        stackRow[s] = stackRow[t];
        stackLb[s] = stackLb[t];
        stackLevel[t] = l;
        stackCol[t] = c;
        stackRow[t] = r;
        stackLb[t] = lb;
    }

    /** Squared distance from (px, py) to the cell-centre bounding box of block (a, b) at level l. */
    private double boxDist2(double px, double py, int l, int a, int b) {
        int c0 = a << l, c1 = Math.min(gc, (a + 1) << l) - 1;
        int r0 = b << l, r1 = Math.min(gr, (b + 1) << l) - 1;
        double dx = px < cx[c0] ? cx[c0] - px : px > cx[c1] ? px - cx[c1] : 0;
        double dy = py < cy[r0] ? cy[r0] - py : py > cy[r1] ? py - cy[r1] : 0;
        return dx * dx + dy * dy;
    }
}
