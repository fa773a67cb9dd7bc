package imagetsne.io;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import imagetsne.layout.Item;
import imagetsne.layout.Layout;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The child JVM of {@link AtomicFilesTest}: saves a layout again and again, each save stamping every item
 * with its save number, so a reader can tell a whole file from a mix of two. Prints "saving N" before each
 * save and "saved N" after it.
 * Modes: {@code loop FILE FIRST} saves forever from number FIRST; {@code once FILE N} saves once;
 * {@code hold FILE} starts a save that never finishes (a live writer holding its temp file).
 */
public final class SaveLoop {
    static final int ITEMS = 20_000;

    public static void main(String[] args) throws IOException, InterruptedException {
        Path file = Path.of(args[1]);
        switch (args[0]) {
            case "loop" -> {
                for (long n = Long.parseLong(args[2]); ; n++) save(file, n);
            }
            case "once" -> save(file, Long.parseLong(args[2]));
            case "hold" -> AtomicFiles.write(file, out -> {
                out.write('[');
                out.flush();
                System.out.println("holding");
                System.out.flush();
                try {
                    Thread.sleep(600_000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            default -> throw new IllegalArgumentException(args[0]);
        }
    }

    /**
     * Even saves go through LayoutJson.write (which builds the text, then writes it quickly); odd saves stream
     * the items inside the write, as posters do, so a kill often lands while the temp file is being filled.
     */
    static void save(Path file, long n) throws IOException {
        System.out.println("saving " + n);
        System.out.flush();
        if (n % 2 == 0) {
            LayoutJson.write(layout(n), file);
        } else {
            AtomicFiles.write(file, out -> {
                try (JsonGenerator g = new JsonFactory().createGenerator(out).disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET)) {
                    g.writeStartArray();
                    for (Item it : layout(n).items()) {
                        g.writeStartObject();
                        g.writeStringField("path", it.path());
                        g.writeArrayFieldStart("point");
                        for (double v : it.point()) g.writeNumber(v);
                        g.writeEndArray();
                        g.writeNumberField("save", n);
                        g.writeEndObject();
                        g.writeRaw('\n');
                    }
                    g.writeEndArray();
                }
            });
        }
        System.out.println("saved " + n);
        System.out.flush();
    }

    static Layout layout(long n) {
        List<Item> items = new ArrayList<>(ITEMS);
        for (int i = 0; i < ITEMS; i++) {
            Item it = new Item("/images/img-" + i + ".png", null, new double[] {(i * 7919 % ITEMS) / (double) ITEMS, i / (double) ITEMS});
            it.extras().putAll(Map.of("save", n));
            items.add(it);
        }
        return new Layout(items);
    }
}
