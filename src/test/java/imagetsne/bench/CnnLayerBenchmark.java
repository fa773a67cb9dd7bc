package imagetsne.bench;

import imagetsne.features.EmojiData;
import imagetsne.features.InstanceSet;
import imagetsne.features.FeatureExtractor;
import imagetsne.features.HogExtractor;
import imagetsne.features.PixelsExtractor;
import imagetsne.features.TfjsExtractor;
import imagetsne.features.nn.Network;
import imagetsne.features.nn.Tensor;
import imagetsne.features.nn.Workspace;
import imagetsne.features.tfjs.TfjsModel;
import imagetsne.reduce.Pca;
import imagetsne.reduce.tsne.Quality;
import imagetsne.reduce.tsne.Tsne;
import imagetsne.reduce.tsne.TsneOptions;
import imagetsne.source.ImageDecoder;
import imagetsne.source.ImageScanner;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Which layer, pooling and input range of a TF.js model lay out real images best: every candidate's
 * features go through PCA (50) and t-SNE (2-D, perplexity 30, seed 42), and the layout is scored by the
 * 10-NN accuracy of its labels, on two labelled sets: the Noto emoji categories of ../shared and an
 * instance set (variants of each picture of a folder, see {@link InstanceSet}). hog and pixels for
 * comparison.
 * Usage: CnnLayerBenchmark MODEL_SOURCE MODEL_NAME PHOTO_DIR LAYER[,LAYER...] [emojiPerCategory=0 (all)] [variants=8] [ranges=both|0..1|-1..1]
 */
public final class CnnLayerBenchmark {
    record Set(String name, List<BufferedImage> images, int[] labels) {}

    public static void main(String[] args) throws Exception {
        Path source = Path.of(args[0]);
        String modelName = args[1];
        Path photos = Path.of(args[2]);
        List<String> layers = List.of(args[3].split(","));
        int perCat = args.length > 4 ? Integer.parseInt(args[4]) : 0;
        int variants = args.length > 5 ? Integer.parseInt(args[5]) : 8;
        String ranges = args.length > 6 ? args[6] : "both";

        List<Set> sets = List.of(emoji(perCat), instances(photos, variants));
        for (Set s : sets) System.err.println(s.name + ": " + s.images.size() + " images, " + (java.util.Arrays.stream(s.labels).max().orElse(0) + 1) + " classes");

        TfjsModel model = TfjsModel.open(source, modelName);
        Network net = model.compile(layers);
        // feature sets by "layer pooling range" -> per data set the vectors
        Map<String, List<float[][]>> features = new LinkedHashMap<>();
        for (float[] range : new float[][] {{0, 1}, {-1, 1}}) {
            String r = range[0] == 0 ? "0..1" : "-1..1";
            if (!ranges.equals("both") && !ranges.equals(r)) continue;
            TfjsExtractor probe = new TfjsExtractor(net, modelName, layers.get(0), TfjsExtractor.Pooling.AVG, range[0], range[1], 1, "bench");
            for (int si = 0; si < sets.size(); si++) {
                Set s = sets.get(si);
                Workspace ws = net.newWorkspace();
                long t0 = System.nanoTime();
                for (int i = 0; i < s.images.size(); i++) {
                    Map<String, Tensor> out = net.run(probe.input(s.images.get(i)), ws);
                    for (String l : layers) {
                        for (TfjsExtractor.Pooling p : TfjsExtractor.Pooling.values()) {
                            String key = l + " " + p.name().toLowerCase() + " " + r;
                            List<float[][]> perSet = features.computeIfAbsent(key, k -> new ArrayList<>());
                            while (perSet.size() <= si) perSet.add(new float[s.images.size()][]);
                            perSet.get(si)[i] = pool(out.get(l), p);
                        }
                    }
                }
                System.err.printf("%s %s: %.1f images/s%n", r, s.name, s.images.size() / ((System.nanoTime() - t0) / 1e9));
            }
        }
        for (String[] base : new String[][] {{"hog"}, {"pixels"}}) {
            List<float[][]> perSet = new ArrayList<>();
            for (Set s : sets) {
                try (FeatureExtractor ex = base[0].equals("hog") ? new HogExtractor(2) : new PixelsExtractor(2)) {
                    perSet.add(ex.extract(s.images).toArray(new float[0][]));
                }
            }
            features.put(base[0], perSet);
        }
        System.out.printf("| features | dim | %s | %s |%n|---|---:|---:|---:|%n", sets.get(0).name, sets.get(1).name);
        for (Map.Entry<String, List<float[][]>> e : features.entrySet()) {
            StringBuilder row = new StringBuilder("| " + e.getKey() + " | " + e.getValue().get(0)[0].length);
            for (int si = 0; si < sets.size(); si++) row.append(String.format(" | %.3f", layoutAccuracy(e.getValue().get(si), sets.get(si).labels)));
            System.out.println(row + " |");
        }
    }

    static float[] pool(Tensor t, TfjsExtractor.Pooling p) {
        return switch (p) {
            case AVG -> t.channelMeans();
            case MAX -> t.channelMaxima();
            case AVG_MAX -> {
                float[] a = t.channelMeans(), m = t.channelMaxima(), out = new float[2 * a.length];
                System.arraycopy(a, 0, out, 0, a.length);
                System.arraycopy(m, 0, out, a.length, m.length);
                yield out;
            }
        };
    }

    /** 10-NN accuracy of the labels in the 2-D t-SNE layout of these features (after PCA to 50). */
    static double layoutAccuracy(float[][] x, int[] labels) {
        double[][] reduced = x[0].length > 50 ? Pca.reduce(x, 50) : toDouble(x);
        double[] y = Tsne.run(reduced, new TsneOptions().seed(42).perplexity(30), null).y();
        return Quality.knnAccuracy(y, 2, labels, 10);
    }

    static double[][] toDouble(float[][] x) {
        double[][] d = new double[x.length][];
        for (int i = 0; i < x.length; i++) {
            d[i] = new double[x[i].length];
            for (int j = 0; j < x[i].length; j++) d[i][j] = x[i][j];
        }
        return d;
    }

    static Set emoji(int perCategory) throws Exception {
        List<String> cats = EmojiData.categories().values().stream().distinct().filter(c -> !c.equals("Component")).toList();
        List<Map.Entry<Path, String>> files = EmojiData.sample(cats, perCategory > 0 ? perCategory : Integer.MAX_VALUE, 1);
        List<BufferedImage> imgs = new ArrayList<>();
        int[] labels = new int[files.size()];
        for (int i = 0; i < files.size(); i++) {
            imgs.add(ImageDecoder.read(files.get(i).getKey()));
            labels[i] = cats.indexOf(files.get(i).getValue());
        }
        return new Set("emoji categories", imgs, labels);
    }

    static Set instances(Path dir, int variants) throws Exception {
        List<InstanceSet.Sample> s = InstanceSet.make(ImageScanner.scan(dir), variants, 7);
        return new Set("instances", s.stream().map(InstanceSet.Sample::image).toList(), s.stream().mapToInt(InstanceSet.Sample::label).toArray());
    }
}
