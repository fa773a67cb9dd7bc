package imagetsne.features;

import java.util.Locale;

/** What kind of feature vector describes an image. AUTO = cnn when pretrained weights are at hand, else hog. */
public enum FeatureKind {
    AUTO, CNN, HOG, PIXELS;

    /** @throws IllegalArgumentException for anything but auto, cnn, hog or pixels */
    public static FeatureKind parse(String s) {
        return switch (s == null ? "" : s.trim().toLowerCase(Locale.ROOT)) {
            case "auto" -> AUTO;
            case "cnn" -> CNN;
            case "hog" -> HOG;
            case "pixels" -> PIXELS;
            default -> throw new IllegalArgumentException("features must be auto, cnn, hog or pixels (is '" + s + "')");
        };
    }
}
