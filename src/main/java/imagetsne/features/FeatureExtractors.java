package imagetsne.features;

/** Builds the extractor asked for; AUTO falls back from cnn to hog and says why. */
public final class FeatureExtractors {
    private FeatureExtractors() {}

    /** The extractor and a human sentence saying which kind was used and why (shown in the summary and on screen). */
    public record Selection(FeatureExtractor extractor, String reason) {}

    /** @throws java.io.IOException / IllegalArgumentException with a one-line reason when an explicit choice cannot be honoured */
    public static Selection select(FeatureOptions options) throws java.io.IOException {
        throw new UnsupportedOperationException("TODO features/source helper");
    }
}
