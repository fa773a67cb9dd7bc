package imagetsne.features.nn;

import java.util.ArrayList;
import java.util.List;

/**
 * The buffers one thread needs to run a {@link Network}: every intermediate tensor comes from a pool of
 * arrays that are handed back once their last reader has run, so after the first image a run allocates
 * nothing. Not thread-safe: one workspace per thread.
 */
public final class Workspace {
    final Tensor[] slots;
    private final List<float[]> free = new ArrayList<>();

    Workspace(int slots) { this.slots = new Tensor[slots]; }

    /** The smallest free array holding at least {@code size} floats, or a new one. */
    float[] acquire(int size) {
        int best = -1;
        for (int i = 0; i < free.size(); i++) {
            int len = free.get(i).length;
            if (len >= size && (best < 0 || len < free.get(best).length)) best = i;
        }
        return best < 0 ? new float[size] : free.remove(best);
    }

    private int[] rows = new int[0];
    private int rowsM, rowsK;

    /** {0, k, 2k, ...}: the row offsets of an m x k matrix (kept, since one layer asks for the same each image). */
    int[] rows(int m, int k) {
        if (rowsM != m || rowsK != k) {
            rows = new int[m];
            for (int i = 0; i < m; i++) rows[i] = i * k;
            rowsM = m;
            rowsK = k;
        }
        return rows;
    }

    void release(float[] a) {
        if (a != null) free.add(a);
    }
}
