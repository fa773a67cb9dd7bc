package imagetsne.grid;

import imagetsne.io.Idx;
import imagetsne.reduce.Pca;
import imagetsne.reduce.tsne.Tsne;
import imagetsne.reduce.tsne.TsneOptions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Real inputs for the grid: t-SNE layouts of the first n MNIST digits of ../shared, normalised to 0..1, made once per n. */
final class TsneLayouts {
    private static final Path IMAGES = Path.of("../shared/datasets/mnist-10k/images-idx3-ubyte.gz");
    private static final Map<Integer, double[]> CACHE = new ConcurrentHashMap<>();

    private TsneLayouts() {}

    /** A fresh copy of the layout of the first n digits (n x 2, row-major). */
    static double[] mnist(int n) {
        return CACHE.computeIfAbsent(n, TsneLayouts::make).clone();
    }

    private static double[] make(int n) {
        try {
            float[][] pixels = Idx.readImages(IMAGES, n).asRows(n);
            double[] y = Tsne.run(Pca.reduce(pixels, 50), new TsneOptions().iterations(500).seed(7), null).y();
            ClusteredPoints.normalise(y);
            return y;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
