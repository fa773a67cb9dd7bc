package imagetsne.bench;

import imagetsne.features.CnnExtractor;
import imagetsne.features.FeatureExtractor;
import imagetsne.features.FeatureExtractors;
import imagetsne.features.HogExtractor;
import imagetsne.features.PixelsExtractor;
import imagetsne.source.ImageDecoder;
import imagetsne.source.ImageScanner;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Images per second of decoding and of each extractor on real Noto emoji (64x64 RGBA PNG).
 * Usage: FeatureBenchmark [images=300] [threads=2]. CNN = zoo SqueezeNet with random weights (same cost as
 * pretrained), batch 16. Numbers on a shared machine are noisy.
 */
public final class FeatureBenchmark {
    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 300;
        int threads = args.length > 1 ? Integer.parseInt(args[1]) : 2;
        Path dir = Paths.get("../shared/images/noto-emoji-64");
        List<Path> files = ImageScanner.sample(ImageScanner.scan(dir), n, 1);

        long t0 = System.nanoTime();
        List<BufferedImage> imgs = new ArrayList<>();
        for (Path f : files) imgs.add(ImageDecoder.read(f));
        double decode = (System.nanoTime() - t0) / 1e9;

        System.out.printf("%-28s %7s %6s %8s %9s %6s%n", "stage", "threads", "images", "seconds", "images/s", "dim");
        System.out.printf("%-28s %7d %6d %8.2f %9.1f %6s%n", "decode (ImageDecoder.read)", 1, imgs.size(), decode, imgs.size() / decode, "-");
        run("hog", 1, imgs, () -> new HogExtractor(1));
        run("hog", threads, imgs, () -> new HogExtractor(threads));
        run("pixels", threads, imgs, () -> new PixelsExtractor(threads));
        run("cnn squeezenet random b16", threads, imgs, () -> FeatureExtractors.randomZoo("squeezenet", threads, 1));
    }

    private static void run(String name, int threads, List<BufferedImage> imgs, Supplier<FeatureExtractor> make) {
        try (FeatureExtractor ex = make.get()) {
            ex.extract(imgs.subList(0, Math.min(imgs.size(), Math.max(ex.batchSize(), 16)))); // warm-up (JIT, native init)
            long t0 = System.nanoTime();
            int b = ex.batchSize();
            for (int i = 0; i < imgs.size(); i += b) ex.extract(imgs.subList(i, Math.min(imgs.size(), i + b)));
            double s = (System.nanoTime() - t0) / 1e9;
            String label = ex instanceof CnnExtractor c ? name + " (" + c.featureLayer() + ")" : name;
            System.out.printf("%-28s %7d %6d %8.2f %9.1f %6d%n", label, threads, imgs.size(), s, imgs.size() / s, ex.dimension());
        }
    }
}
