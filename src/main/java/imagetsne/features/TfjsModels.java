package imagetsne.features;

import imagetsne.features.nn.Network;
import imagetsne.features.tfjs.Topology;
import imagetsne.features.tfjs.TfjsModel;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/** Builds a {@link TfjsExtractor} for a known TF.js model or a user's own export, and keeps the last one compiled. */
final class TfjsModels {
    private TfjsModels() {}

    /** The last compiled network (a re-run with other t-SNE settings must not import the model again). */
    private record Compiled(String key, Network net, TfjsModel model) {}

    private static Compiled last;

    /**
     * @param spec    a known model, or null for a user's own export given as {@code weights}
     * @param weights a TF.js model to read instead of the known model's own files, or null
     */
    static FeatureExtractors.Selection select(CnnModels.Tfjs spec, Path weights, FeatureOptions o, int threads) throws IOException {
        String source;
        TfjsModel model;
        String where;
        String folder = spec == null ? null : spec.packageFolder();
        if (weights != null) {
            source = weights.toAbsolutePath().normalize().toString();
            model = cached(source, () -> TfjsModel.open(weights, folder));
            where = weights.getFileName().toString();
        } else if (spec.resource() != null) {
            source = "resource:" + spec.resource();
            model = cached(source, () -> TfjsModel.resource(spec.resource()));
            where = "bundled";
        } else {
            Path tgz = CnnModels.findTarball();
            if (tgz == null) {
                throw new IOException(spec.display() + " is read from the npm package nsfwjs 4.4.0, which is not in "
                        + CnnModels.modelCacheDir() + "; fetch it once with: " + CnnModels.fetchCommand());
            }
            source = tgz.toString();
            model = cached(source, () -> TfjsModel.open(tgz, folder));
            where = tgz.getFileName().toString();
        }
        boolean known = spec != null && (weights == null || weights.getFileName().toString().startsWith("nsfwjs"));
        String layer = o.layer != null ? o.layer : known ? spec.layer() : penultimate(model.topology());
        TfjsExtractor.Pooling pooling = o.pooling != null ? o.pooling : known ? spec.pooling() : TfjsExtractor.Pooling.AVG;
        float min = known ? spec.inputMin() : -1f, max = known ? spec.inputMax() : 1f;
        if (model.topology().layer(layer) == null) {
            throw new IllegalArgumentException("the model has no layer '" + layer + "' (it has " + model.layerNames().size()
                    + " layers, for example " + String.join(", ", model.layerNames().subList(Math.max(0, model.layerNames().size() - 5), model.layerNames().size())) + ")");
        }
        Network net = network(source, model, layer);
        String name = known ? spec.name() : "tfjs";
        String key = "cnn-" + name + "-" + layer + "-" + pooling.name().toLowerCase(Locale.ROOT) + "-" + (min < 0 ? "pm1" : "01") + "-" + model.fingerprint();
        TfjsExtractor ex = new TfjsExtractor(net, name, layer, pooling, min, max, threads, key);
        String display = known ? spec.display() : "TF.js model";
        String reason = "cnn features (" + display + ", " + where + "; layer " + layer + ", " + pooling.name().toLowerCase(Locale.ROOT).replace('_', '+')
                + " pooling, " + ex.dimension() + " values" + (net.kernelName().equals("scalar") ? "; plain-Java arithmetic, slow: see README on the Vector API" : "") + ")";
        return new FeatureExtractors.Selection(ex, reason, name, layer);
    }

    private interface Loader { TfjsModel load() throws IOException; }

    private static synchronized TfjsModel cached(String source, Loader loader) throws IOException {
        if (last != null && last.model != null && last.key.startsWith(source + "|")) return last.model;
        return loader.load();
    }

    private static synchronized Network network(String source, TfjsModel model, String layer) throws IOException {
        String key = source + "|" + layer;
        if (last != null && last.key.equals(key)) return last.net;
        Network net = model.compile(List.of(layer));
        last = new Compiled(key, net, model);
        return net;
    }

    /**
     * For a model of unknown purpose: the input of its classifier. Walking back from the output past layers
     * without weights (softmax, dropout) to the first layer with weights, the classifier; then past the
     * dropout or flatten that feeds it: the layer before is the features.
     */
    static String penultimate(Topology t) {
        String cur = t.output();
        boolean passedClassifier = false;
        for (int guard = 0; guard < 100; guard++) {
            Topology.Layer l = t.layer(cur);
            if (l == null || l.inputs().size() != 1) break;
            boolean classifier = l.className().equals("Dense") || l.className().startsWith("Conv");
            boolean passThrough = l.className().equals("Dropout") || l.className().equals("Flatten") || l.className().equals("Activation");
            if (passedClassifier && !passThrough) break;
            if (classifier) passedClassifier = true;
            cur = l.inputs().get(0);
        }
        return cur;
    }
}
