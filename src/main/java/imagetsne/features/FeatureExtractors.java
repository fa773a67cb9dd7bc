package imagetsne.features;

import org.deeplearning4j.common.resources.DL4JResources;
import org.deeplearning4j.common.resources.ResourceType;
import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.weights.WeightInitRelu;
import org.deeplearning4j.util.ModelSerializer;
import org.deeplearning4j.zoo.PretrainedType;
import org.deeplearning4j.zoo.ZooModel;
import org.deeplearning4j.zoo.model.ResNet50;
import org.deeplearning4j.zoo.model.SqueezeNet;
import org.deeplearning4j.zoo.model.VGG16;
import org.nd4j.linalg.factory.Nd4j;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Builds the extractor asked for; AUTO falls back from cnn to hog and says why. */
public final class FeatureExtractors {
    private FeatureExtractors() {}

    /** Images per CNN forward pass: big enough for BLAS efficiency, small enough for VGG16's memory. */
    public static final int CNN_BATCH = 16;

    /**
     * The extractor, and a sentence for the user saying which features are used and why (shown in the
     * status line and the CLI's progress output). {@code model} and {@code layer} are null for hog and pixels.
     */
    public record Selection(FeatureExtractor extractor, String reason, String model, String layer) {
        Selection(FeatureExtractor extractor, String reason) { this(extractor, reason, null, null); }
    }

    /** @throws java.io.IOException / IllegalArgumentException with a one-line reason when an explicit choice cannot be honoured */
    public static Selection select(FeatureOptions options) throws java.io.IOException {
        FeatureKind kind = options.kind == null ? FeatureKind.AUTO : options.kind;
        int threads = threads(options.threads);
        switch (kind) {
            case HOG:
                return new Selection(new HogExtractor(threads), "hog features (chosen)");
            case PIXELS:
                return new Selection(new PixelsExtractor(threads), "pixel features (chosen)");
            case CNN:
            case AUTO:
            default: {
                String model = CnnModels.normalise(options.model);
                if (options.weights != null) return fromWeights(options, model, threads);
                CnnModels.Tfjs tfjs = CnnModels.tfjs(model);
                if (tfjs != null) return TfjsModels.select(tfjs, null, options, threads);
                String zoo = modelName(model);
                if (kind == FeatureKind.CNN) return pretrained(zoo, threads, options.downloadTimeoutSeconds);
                File cached = cachedZooFile(zoo);
                if (cached.isFile()) {
                    try {
                        return pretrained(zoo, threads, 0);
                    } catch (IOException | RuntimeException e) {
                        return new Selection(new HogExtractor(threads), "hog features (the cached " + display(zoo)
                                + " weights " + cached + " could not be loaded: " + oneLine(e) + ")");
                    }
                }
                // never download in AUTO: an offline machine would wait, and the weights are large
                return new Selection(new HogExtractor(threads), "hog features (no pretrained " + display(zoo)
                        + " weights in " + cached.getParentFile() + "; choose cnn features to download them, or the bundled "
                        + CnnModels.MOBILENET_V2.display() + ")");
            }
        }
    }

    /** A TF.js model (folder, model.json, bundle, npm tarball) or a saved DL4J ComputationGraph. */
    private static Selection fromWeights(FeatureOptions options, String model, int threads) throws IOException {
        Path w = options.weights;
        String name = w.getFileName() == null ? w.toString() : w.getFileName().toString().toLowerCase(Locale.ROOT);
        boolean tfjs = Files.isDirectory(w) || name.endsWith(".json") || name.endsWith(".min.js") || name.endsWith(".tgz") || name.endsWith(".tar.gz");
        if (tfjs) return TfjsModels.select(CnnModels.tfjs(model), w, options, threads);
        // a DL4J graph records no architecture name: a zoo name picks its known feature layer, else the generic rule
        String zoo = CnnModels.tfjs(model) != null ? "squeezenet" : modelName(model);
        return fromWeightsFile(w, zoo, threads, "weights " + w.getFileName());
    }

    /**
     * The input side of the extractor these options will build, known before it is built (images decode
     * while a model loads): {@link FeatureExtractor#inputSide()} of it, or 0 when it depends on a file.
     */
    public static int inputSide(FeatureOptions o) {
        FeatureKind kind = o.kind == null ? FeatureKind.AUTO : o.kind;
        if (kind == FeatureKind.HOG) return HogExtractor.SIDE;
        if (kind == FeatureKind.PIXELS) return PixelsExtractor.SIDE;
        if (o.weights != null) return 0;
        CnnModels.Tfjs t = CnnModels.tfjs(o.model);
        if (t != null) return t.inputSide();
        return 227; // the zoo's SqueezeNet; ResNet50 and VGG16 take 224
    }

    /** A zoo model: squeezenet, resnet50 or vgg16 (case-insensitive); anything else is a usage error. */
    static String modelName(String model) {
        String m = model == null ? "squeezenet" : model.toLowerCase(Locale.ROOT).trim();
        return switch (m) {
            case "squeezenet", "resnet50", "vgg16" -> m;
            default -> throw new IllegalArgumentException("unknown model '" + model + "': use " + String.join(", ", CnnModels.NAMES));
        };
    }

    static String display(String model) {
        return switch (model) {
            case "resnet50" -> "ResNet50";
            case "vgg16" -> "VGG16";
            default -> "SqueezeNet";
        };
    }

    /** The zoo model definition; ResNet50 gets a ReLU init because its default random init gives NaN. */
    static ZooModel<?> zoo(String model, long seed) {
        return switch (model) {
            case "resnet50" -> ResNet50.builder().numClasses(1000).seed(seed).weightInit(new WeightInitRelu()).build();
            case "vgg16" -> VGG16.builder().numClasses(1000).seed(seed).build();
            default -> SqueezeNet.builder().numClasses(1000).seed(seed).build();
        };
    }

    /** {channels, height, width} the zoo model is defined for. */
    static int[] inputShape(String model) {
        return zoo(model, 123).metaData().getInputShape()[0];
    }

    /** Where DL4J's ZooModel.initPretrained keeps the downloaded weights (computed without creating folders). */
    public static File cachedZooFile(String model) {
        ZooModel<?> zm = zoo(modelName(model), 123);
        String url = zm.pretrainedUrl(PretrainedType.IMAGENET);
        File dir = new File(new File(DL4JResources.getBaseDirectory(), ResourceType.ZOO_MODEL.resourceName()), zm.modelName());
        return new File(dir, new File(url).getName());
    }

    /** A zoo model with random weights (benchmarks, tests): real architecture and cost, meaningless features. */
    public static CnnExtractor randomZoo(String model, int threads, long seed) {
        String m = modelName(model);
        configureNd4jThreads(threads(threads));
        ComputationGraph g = (ComputationGraph) zoo(m, seed).init();
        int[] s = inputShape(m);
        return new CnnExtractor(g, m, s[1], s[2], CNN_BATCH, "cnn-" + m + "-random" + seed);
    }

    private static Selection pretrained(String model, int threads, int timeoutSeconds) throws IOException {
        File cached = cachedZooFile(model);
        boolean present = cached.isFile();
        configureNd4jThreads(threads);
        ComputationGraph g = present ? loadPretrained(model, 0) : loadPretrained(model, Math.max(1, timeoutSeconds));
        int[] s = inputShape(model);
        CnnExtractor ex = new CnnExtractor(g, model, s[1], s[2], CNN_BATCH, "cnn-" + model + "-" + fileHash(cached.toPath()));
        return new Selection(ex, "cnn features (" + display(model) + " pretrained on ImageNet, "
                + (present ? "cached in " + cached : "downloaded to " + cached) + "; layer " + ex.featureLayer()
                + ", " + ex.dimension() + " values)", model, ex.featureLayer());
    }

    /** initPretrained in a daemon thread so an offline or slow network cannot block longer than the timeout. */
    private static ComputationGraph loadPretrained(String model, int timeoutSeconds) throws IOException {
        ZooModel<?> zm = zoo(model, 123);
        FutureTask<Model> task = new FutureTask<>(() -> zm.initPretrained(PretrainedType.IMAGENET));
        Thread t = new Thread(task, "zoo-weights-" + model);
        t.setDaemon(true);
        t.start();
        String hint = "; give a weights file, or use the bundled " + CnnModels.MOBILENET_V2.display() + " or hog features";
        try {
            Model m = timeoutSeconds > 0 ? task.get(timeoutSeconds, TimeUnit.SECONDS) : task.get();
            if (!(m instanceof ComputationGraph g)) throw new IOException("pretrained " + display(model) + " is not a ComputationGraph");
            return g;
        } catch (TimeoutException e) {
            t.interrupt();
            throw new IOException("cannot download " + display(model) + " weights within " + timeoutSeconds + " s (offline or slow network?)" + hint);
        } catch (InterruptedException e) {
            t.interrupt();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while loading " + display(model) + " weights");
        } catch (ExecutionException e) {
            Throwable c = e.getCause() == null ? e : e.getCause();
            throw new IOException("cannot download " + display(model) + " weights (offline?): " + oneLine(c) + hint, c);
        }
    }

    private static Selection fromWeightsFile(Path weights, String model, int threads, String why) throws IOException {
        if (!Files.isRegularFile(weights)) throw new IOException("weights file not found: " + weights);
        configureNd4jThreads(threads);
        ComputationGraph g;
        try {
            g = ModelSerializer.restoreComputationGraph(weights.toFile(), false);
        } catch (Exception e) {
            throw new IOException("cannot read weights " + weights + " as a DL4J ComputationGraph: " + oneLine(e), e);
        }
        // a saved graph does not record its input size: try the model's, then the usual ImageNet/thumbnail sizes
        int[] s = inputShape(model);
        CnnExtractor ex = null;
        RuntimeException first = null;
        java.util.Set<Integer> sides = new java.util.LinkedHashSet<>(List.of(s[1], 224, 227, 299, 256, 128, 96, 64, 32));
        for (int side : sides) {
            if (ex != null) break;
            try {
                ex = new CnnExtractor(g, model, side, side, CNN_BATCH, "cnn-" + model + "-" + fileHash(weights));
            } catch (RuntimeException e) {
                if (first == null) first = e;
            }
        }
        if (ex == null) throw new IOException("weights " + weights + " unusable: " + oneLine(first), first);
        s = new int[] {3, ex.inputHeight(), ex.inputWidth()};
        return new Selection(ex, "cnn features (" + why + ", " + display(model)
                + " input " + s[1] + "x" + s[2] + ", layer " + ex.featureLayer() + ", " + ex.dimension() + " values)", model, ex.featureLayer());
    }

    /** Threads for extraction: the GUI and t-SNE share the machine, so at most 2 unless asked. */
    static int threads(int requested) {
        if (requested > 0) return requested;
        return Math.max(1, Math.min(2, Runtime.getRuntime().availableProcessors()));
    }

    /**
     * ND4J sizes its OpenMP pool from OMP_NUM_THREADS at start-up (default: all cores); these setters cap it
     * at run time: max threads per op, master threads for op-level parallelism, and OpenBLAS's own pool.
     */
    public static void configureNd4jThreads(int threads) {
        int n = Math.max(1, threads);
        try {
            Nd4j.getEnvironment().setMaxThreads(n);
            Nd4j.getEnvironment().setMaxMasterThreads(n);
            Nd4j.factory().blas().setMaxThreads(n);
        } catch (RuntimeException | LinkageError e) {
            System.err.println("warning: could not set ND4J threads: " + oneLine(e));
        }
    }

    /** Identifies a weights file cheaply: absolute path, size and mtime hashed. */
    static String fileHash(Path file) {
        String id;
        try {
            Path abs = file.toAbsolutePath().normalize();
            id = abs + "|" + Files.size(abs) + "|" + Files.getLastModifiedTime(abs).toMillis();
        } catch (IOException e) {
            id = file.toAbsolutePath().toString();
        }
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(id.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d, 0, 6);
        } catch (NoSuchAlgorithmException e) {
            return Integer.toHexString(id.hashCode());
        }
    }

    /** The models that can run on this machine now: the bundled one, InceptionV3 when its tarball is here, zoo models whose weights are cached. */
    public static List<String> availableModels() {
        List<String> out = new java.util.ArrayList<>();
        for (String m : CnnModels.NAMES) {
            CnnModels.Tfjs t = CnnModels.tfjs(m);
            boolean ok = t != null ? t.resource() != null || CnnModels.findTarball() != null : cachedZooFile(m).isFile();
            if (ok) out.add(m);
        }
        return out;
    }

    static String oneLine(Throwable t) {
        String m = t.getMessage();
        String s = t.getClass().getSimpleName() + (m == null || m.isBlank() ? "" : " " + m.replaceAll("\\s+", " ").trim());
        return s.length() > 200 ? s.substring(0, 200) + "..." : s;
    }
}
