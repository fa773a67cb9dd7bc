package imagetsne.source.s3;

import imagetsne.testing.SharedData;
import java.io.IOException;
import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Real images in a real bucket: Noto emoji uploaded under PREFIX/CATEGORY/FILE, so key prefixes are the categories. */
public final class EmojiBucket {
    private EmojiBucket() {}

    /**
     * Uploads up to perCategory emoji of each category (Component left out) and returns key -> category folder,
     * in upload order.
     */
    public static Map<String, String> upload(S3TestServer server, String bucket, String prefix, int perCategory) throws IOException {
        server.createBucket(bucket);
        Map<String, String> keys = new LinkedHashMap<>();
        Map<String, Integer> count = new LinkedHashMap<>();
        List<String> lines = Files.readAllLines(SharedData.emojiCsv());
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split("\",\"");
            String file = f[0].replace("\"", ""), cat = f[1];
            if (cat.equals("Component") || count.merge(cat, 1, Integer::sum) > perCategory) continue;
            String folder = cat.toLowerCase(Locale.ROOT).replaceAll("[^a-z]+", "-");
            String key = prefix + folder + "/" + file;
            server.put(bucket, key, SharedData.emojiDir().resolve(file));
            keys.put(key, folder);
        }
        return keys;
    }
}
