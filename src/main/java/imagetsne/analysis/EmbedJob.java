package imagetsne.analysis;

import imagetsne.reduce.Cancelled;
import imagetsne.reduce.Pca;
import imagetsne.reduce.Rows;
import imagetsne.reduce.tsne.Tsne;
import imagetsne.reduce.tsne.TsneOptions;
import imagetsne.reduce.tsne.TsneResult;
import java.util.Locale;

/** PCA (when the rows have more dimensions than asked for) then t-SNE, with every iteration reported. */
final class EmbedJob implements Job<Embedding> {
    private final Rows rows;
    private final int pcaDims;
    private final TsneOptions tsne;

    EmbedJob(Rows rows, int pcaDims, TsneOptions tsne) {
        if (rows.n() == 0) throw new IllegalArgumentException("nothing to embed");
        this.rows = rows;
        this.pcaDims = pcaDims;
        this.tsne = tsne.copy().checkValidity();
    }

    @Override public Embedding run(AnalysisListener l, CancelToken c) throws CancelToken.CancelledException {
        int d = rows.d();
        boolean reduce = pcaDims > 0 && d > pcaDims;
        long t0 = System.nanoTime();
        l.stage(Stage.PCA, reduce ? "PCA " + d + " -> " + pcaDims + " dimensions" : "no PCA: " + d + " dimensions");
        Pca.Fit pca;
        try {
            pca = reduce ? Pca.fit(rows, pcaDims, c::isCancelled) : null;
        } catch (Cancelled e) {
            throw new CancelToken.CancelledException();
        }
        double[][] x = reduce ? pca.projections() : toDouble(rows);
        double pcaSeconds = (System.nanoTime() - t0) / 1e9;
        if (pca != null) {
            l.info(String.format(Locale.ROOT, "PCA %d -> %d dimensions (%s) keeps %.1f%% of the variance, %.2f s", d, pcaDims,
                    pca.randomized() ? "randomized" : "exact", 100 * pca.explained(), pcaSeconds));
        }
        c.check();
        l.stage(Stage.TSNE, String.format(Locale.ROOT, "t-SNE of %d points in %d-D", rows.n(), tsne.dims));
        TsneResult r;
        try {
            r = Tsne.run(x, tsne, (it, total, y, kl) -> {
                l.progress(Stage.TSNE, it, total);
                l.tsneIteration(it, total, y, tsne.dims);
                return !c.isCancelled();
            }, c::isCancelled);
        } catch (Cancelled e) {
            throw new CancelToken.CancelledException();
        }
        if (r.cancelled()) throw new CancelToken.CancelledException();
        if (r.perplexity() < tsne.perplexity) {
            l.info(String.format(Locale.ROOT, "perplexity %.4g is too large for %d points: %.4g used", tsne.perplexity, r.n(), r.perplexity()));
        }
        l.info(r.summary());
        return new Embedding(r, d, reduce ? pcaDims : d, pcaSeconds);
    }

    private static double[][] toDouble(Rows x) {
        double[][] out = new double[x.n()][x.d()];
        float[] row = new float[x.d()];
        for (int i = 0; i < x.n(); i++) {
            x.copy(i, row, 0);
            for (int j = 0; j < row.length; j++) out[i][j] = row[j];
        }
        return out;
    }
}
