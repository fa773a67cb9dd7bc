package imagetsne.features;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The pretrained CNNs the app knows by name: two TF.js layers models from the npm package nsfwjs 4.4.0
 * (MobileNetV2 ships inside the app; InceptionV3 is read from the package's tarball) and DL4J's zoo models,
 * whose weights DL4J downloads. For the TF.js models, the layer, pooling and input range were chosen by
 * measurement (bench/features/README.md): middle layers, below the part fine-tuned for nsfwjs's classes.
 */
public final class CnnModels {
    private CnnModels() {}

    /** A TF.js model: where it is, and how its features are taken. */
    public record Tfjs(String name, String display, String resource, String packageFolder, int inputSide, String layer,
                       TfjsExtractor.Pooling pooling, float inputMin, float inputMax) {}

    public static final Tfjs MOBILENET_V2 = new Tfjs("mobilenet-v2", "MobileNetV2", "/models/mobilenet-v2", "mobilenet_v2", 224,
            "block_13_depthwise_relu", TfjsExtractor.Pooling.AVG, 0f, 1f);
    public static final Tfjs INCEPTION_V3 = new Tfjs("inception-v3", "InceptionV3", null, "inception_v3", 299,
            "mixed4", TfjsExtractor.Pooling.MAX, 0f, 1f);

    /** The default model: bundled, so it works offline on a fresh clone. */
    public static final String DEFAULT = "mobilenet-v2";

    /** The npm tarball that holds InceptionV3 (and MobileNetV2), as {@code npm pack nsfwjs@4.4.0} names it. */
    public static final String NSFWJS_TARBALL = "nsfwjs-4.4.0.tgz";

    /** Every model name, TF.js first. */
    public static final List<String> NAMES = List.of("mobilenet-v2", "inception-v3", "squeezenet", "resnet50", "vgg16");

    /** The TF.js model of this name, or null for a DL4J zoo model. */
    public static Tfjs tfjs(String name) {
        return switch (normalise(name)) {
            case "mobilenet-v2" -> MOBILENET_V2;
            case "inception-v3" -> INCEPTION_V3;
            default -> null;
        };
    }

    /** Lower case, '_' as '-': "MobileNet_V2" -> "mobilenet-v2". */
    public static String normalise(String name) {
        return name == null ? DEFAULT : name.trim().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** Where the nsfwjs tarball is looked for: the app's model cache, then the working folder. */
    public static List<Path> tarballPlaces() {
        List<Path> out = new ArrayList<>();
        out.add(modelCacheDir().resolve(NSFWJS_TARBALL));
        out.add(Paths.get(NSFWJS_TARBALL).toAbsolutePath());
        return out;
    }

    /** The first place that holds the tarball, or null. */
    public static Path findTarball() {
        for (Path p : tarballPlaces()) if (Files.isRegularFile(p)) return p;
        return null;
    }

    /** ~/.cache/image-tsne-live/models (or under $XDG_CACHE_HOME). */
    public static Path modelCacheDir() {
        return FeatureCache.defaultDir().getParent().resolve("models");
    }

    /** The command that fetches the tarball into the model cache. */
    public static String fetchCommand() {
        return "npm pack nsfwjs@4.4.0 --pack-destination " + modelCacheDir();
    }
}
