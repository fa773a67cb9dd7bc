package imagetsne.reduce;

import imagetsne.io.Idx;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/** The first n MNIST digits of ../shared (raw pixels, PCA-50 and labels), loaded once per n. */
public final class MnistData {
    public static final Path DIR = Path.of("../shared/datasets/mnist-10k");

    public final float[][] pixels;
    public final double[][] pca50;
    public final int[] labels;

    private MnistData(int n) {
        try {
            pixels = Idx.readImages(DIR.resolve("images-idx3-ubyte.gz"), n).asRows(n);
            labels = Idx.readLabels(DIR.resolve("labels-idx1-ubyte.gz"), n);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        pca50 = Pca.reduce(pixels, 50);
    }

    private static final java.util.Map<Integer, MnistData> CACHE = new java.util.concurrent.ConcurrentHashMap<>();

    public static MnistData first(int n) { return CACHE.computeIfAbsent(n, MnistData::new); }

    public static double[] flat(double[][] x) {
        int d = x[0].length;
        double[] f = new double[x.length * d];
        for (int i = 0; i < x.length; i++) System.arraycopy(x[i], 0, f, i * d, d);
        return f;
    }
}
