package imagetsne.features.tfjs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

/**
 * The files of one TF.js layers model, wherever they come from: a folder or a {@code model.json} beside its
 * weight shards (TF.js's own format, what tfjs-converter and Teachable Machine write), an nsfwjs-style
 * bundle ({@code model.min.js} with {@code group1-shard*of*.min.js}), an npm tarball holding such a bundle
 * ({@code npm pack nsfwjs@4.4.0}), or a copy on the class path (the bundled default).
 */
final class ModelFiles {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String BUNDLE = "model.min.js";

    /** Where the model came from, for messages and the feature cache key. */
    final String origin;
    /** The parsed model.json (modelTopology, weightsManifest, ...). */
    final JsonNode model;
    private final ShardSource shards;

    @FunctionalInterface
    interface ShardSource {
        /** The raw bytes of the shard the manifest names {@code path}, or null when there is no such file. */
        byte[] read(String path) throws IOException;
    }

    private ModelFiles(String origin, JsonNode model, ShardSource shards) {
        this.origin = origin;
        this.model = model;
        this.shards = shards;
    }

    private final java.security.MessageDigest digest = sha256();

    /** The bytes of a shard named in the weights manifest. */
    byte[] shard(String path) throws IOException {
        byte[] b = shards.read(path);
        if (b == null) throw new IOException(origin + ": weight shard '" + path + "' not found");
        digest.update(b);
        return b;
    }

    /** A hash of the model JSON and of the shards read so far (all of them, once the weights are read). */
    String fingerprint() {
        try {
            java.security.MessageDigest d = (java.security.MessageDigest) digest.clone();
            d.update(model.toString().getBytes(StandardCharsets.UTF_8));
            return java.util.HexFormat.of().formatHex(d.digest(), 0, 6);
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException(e);
        }
    }

    private static java.security.MessageDigest sha256() {
        try {
            return java.security.MessageDigest.getInstance("SHA-256");
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Opens a model from a folder, a model.json, a model.min.js, or an npm tarball (.tgz).
     * @param modelName which model of a package holding several (nsfwjs: mobilenet_v2, inception_v3); may be null
     */
    static ModelFiles open(Path source, String modelName) throws IOException {
        if (Files.isDirectory(source)) return folder(source, modelName);
        if (!Files.isRegularFile(source)) throw new IOException("model not found: " + source);
        String name = source.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".tgz") || name.endsWith(".tar.gz")) return tarball(source, modelName);
        if (name.endsWith(".min.js")) return bundleInFolder(source.getParent(), source.toString());
        if (name.endsWith(".json")) return jsonInFolder(source, source.toString());
        throw new IOException(source + ": not a TF.js layers model (expected a folder, model.json, model.min.js or an npm .tgz)");
    }

    /** A model stored on the class path under {@code resourceDir} (model.json plus its shards). */
    static ModelFiles resource(String resourceDir) throws IOException {
        String base = resourceDir.endsWith("/") ? resourceDir : resourceDir + "/";
        byte[] json = readResource(base + "model.json");
        if (json == null) throw new IOException("bundled model " + base + "model.json is missing from the class path");
        return new ModelFiles("bundled " + base, parseJson(json, base + "model.json"), p -> readResource(base + p));
    }

    private static byte[] readResource(String path) throws IOException {
        try (InputStream in = ModelFiles.class.getResourceAsStream(path)) {
            return in == null ? null : in.readAllBytes();
        }
    }

    private static ModelFiles folder(Path dir, String modelName) throws IOException {
        if (Files.isRegularFile(dir.resolve("model.json"))) return jsonInFolder(dir.resolve("model.json"), dir.toString());
        if (Files.isRegularFile(dir.resolve(BUNDLE))) return bundleInFolder(dir, dir.toString());
        // an unpacked npm package or its dist/models folder
        String m = nsfwName(modelName);
        for (Path p : new Path[] {dir.resolve("dist/models").resolve(m), dir.resolve("package/dist/models").resolve(m), dir.resolve(m)}) {
            if (Files.isRegularFile(p.resolve(BUNDLE))) return bundleInFolder(p, p.toString());
            if (Files.isRegularFile(p.resolve("model.json"))) return jsonInFolder(p.resolve("model.json"), p.toString());
        }
        throw new IOException(dir + ": no model.json or " + BUNDLE + " in this folder");
    }

    private static ModelFiles jsonInFolder(Path modelJson, String origin) throws IOException {
        Path dir = modelJson.toAbsolutePath().getParent();
        JsonNode model = parseJson(Files.readAllBytes(modelJson), modelJson.toString());
        return new ModelFiles(origin, model, p -> {
            Path f = dir.resolve(p).normalize();
            if (!f.startsWith(dir)) throw new IOException(origin + ": weight shard path '" + p + "' leaves the model's folder");
            return Files.isRegularFile(f) ? Files.readAllBytes(f) : null;
        });
    }

    private static ModelFiles bundleInFolder(Path dir, String origin) throws IOException {
        String js = Files.readString(dir.resolve(BUNDLE), StandardCharsets.UTF_8);
        JsonNode model = JsLiteral.exportedObject(js, origin + "/" + BUNDLE);
        return new ModelFiles(origin, model, p -> {
            Path f = dir.resolve(p + ".min.js");
            return Files.isRegularFile(f) ? bundleShard(Files.readString(f, StandardCharsets.US_ASCII), origin + "/" + p + ".min.js") : null;
        });
    }

    /** Reads the tarball once, keeping the files of the one model folder it holds (or the one named). */
    private static ModelFiles tarball(Path tgz, String modelName) throws IOException {
        String m = nsfwName(modelName);
        Map<String, byte[]> files = new LinkedHashMap<>();
        String folder = null;
        try (InputStream raw = new BufferedInputStream(Files.newInputStream(tgz), 1 << 16);
             TarArchiveInputStream tar = new TarArchiveInputStream(new GZIPInputStream(raw))) {
            for (TarArchiveEntry e; (e = tar.getNextEntry()) != null; ) {
                if (!e.isFile()) continue;
                String name = e.getName();
                int slash = name.lastIndexOf('/');
                String dir = slash < 0 ? "" : name.substring(0, slash), file = name.substring(slash + 1);
                boolean wanted = dir.endsWith("/models/" + m) || dir.equals("models/" + m) || dir.equals(m)
                        || (modelName == null && (file.equals("model.json") || file.equals(BUNDLE)));
                if (!wanted) continue;
                if (folder == null && (file.equals(BUNDLE) || file.equals("model.json"))) folder = dir;
                files.put(name, tar.readAllBytes());
            }
        } catch (IOException e) {
            throw new IOException(tgz + ": cannot read the tarball (" + e.getMessage() + ")", e);
        }
        if (folder == null) throw new IOException(tgz + ": no model '" + m + "' in this tarball (looked for dist/models/" + m + "/" + BUNDLE + ")");
        String prefix = folder.isEmpty() ? "" : folder + "/";
        String origin = tgz.getFileName() + "!" + folder;
        byte[] json = files.get(prefix + "model.json");
        if (json != null) return new ModelFiles(origin, parseJson(json, origin + "/model.json"), p -> files.get(prefix + p));
        JsonNode model = JsLiteral.exportedObject(new String(files.get(prefix + BUNDLE), StandardCharsets.UTF_8), origin + "/" + BUNDLE);
        return new ModelFiles(origin, model, p -> {
            byte[] b = files.get(prefix + p + ".min.js");
            return b == null ? null : bundleShard(new String(b, StandardCharsets.US_ASCII), origin + "/" + p + ".min.js");
        });
    }

    private static byte[] bundleShard(String js, String what) throws IOException {
        String b64 = JsLiteral.exportedString(js, what);
        try {
            return Base64.getDecoder().decode(b64);
        } catch (IllegalArgumentException e) {
            throw new IOException(what + ": corrupt weight shard (bad base64: " + e.getMessage() + ")", e);
        }
    }

    private static JsonNode parseJson(byte[] bytes, String what) throws IOException {
        try {
            return JSON.readTree(bytes);
        } catch (IOException e) {
            throw new IOException(what + ": not valid JSON (" + e.getMessage().lines().findFirst().orElse("") + ")", e);
        }
    }

    /** nsfwjs's folder names use underscores: mobilenet-v2 -> mobilenet_v2. */
    static String nsfwName(String modelName) {
        return modelName == null ? "mobilenet_v2" : modelName.toLowerCase(Locale.ROOT).replace('-', '_');
    }
}
