package imagetsne.features;

import imagetsne.source.ImageDecoder;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The real Noto emoji set of ../shared with its categories, for feature tests and benchmarks. */
public final class EmojiData {
    public static final Path DIR = Paths.get("../shared/images/noto-emoji-64");
    public static final Path CSV = Paths.get("../shared/images/noto-emoji-64.csv");
    private static final Pattern ROW = Pattern.compile("^\"([^\"]*)\",\"([^\"]*)\"");

    private EmojiData() {}

    /** File name -> category, in CSV order. */
    public static Map<String, String> categories() throws IOException {
        Map<String, String> out = new LinkedHashMap<>();
        for (String line : Files.readAllLines(CSV)) {
            Matcher m = ROW.matcher(line);
            if (m.find() && !m.group(1).equals("file")) out.put(m.group(1), m.group(2));
        }
        return out;
    }

    /** perCategory files of each category, drawn with the seed. */
    public static List<Map.Entry<Path, String>> sample(List<String> cats, int perCategory, long seed) throws IOException {
        Map<String, String> all = categories();
        List<Map.Entry<Path, String>> out = new ArrayList<>();
        for (String c : cats) {
            List<String> files = new ArrayList<>();
            all.forEach((f, cat) -> { if (cat.equals(c)) files.add(f); });
            Collections.sort(files);
            Collections.shuffle(files, new Random(seed));
            for (String f : files.subList(0, Math.min(perCategory, files.size()))) out.add(Map.entry(DIR.resolve(f), c));
        }
        return out;
    }

    public static List<BufferedImage> read(List<Path> files) throws IOException {
        List<BufferedImage> out = new ArrayList<>();
        for (Path f : files) out.add(ImageDecoder.read(f));
        return out;
    }
}
