package imagetsne.features;

/** What kind of feature vector describes an image. AUTO = cnn when pretrained weights are at hand, else hog. */
public enum FeatureKind { AUTO, CNN, HOG, PIXELS }
