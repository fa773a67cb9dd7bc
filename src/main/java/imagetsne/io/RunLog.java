package imagetsne.io;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * The log an analysis writes next to its layout JSON ({@code layout.json} -> {@code layout.log.json}):
 * every input file that is not in the layout with the reason, every file laid out with a warning, and the
 * run's messages. Written also when nothing could be analyzed, so the reasons are never lost.
 *
 * @param status "ok" or "failed"; error is the one-line reason when failed, else null
 */
public record RunLog(String command, String source, String output, String status, String error, int laidOut,
                     List<Skipped> skipped, List<Warning> warnings, List<String> messages) {

    public record Skipped(String path, String reason) {}

    public record Warning(String path, String warning) {}

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** The log beside an output file: NAME.json -> NAME.log.json, NAME (any other extension) -> NAME.log.json. */
    public static Path pathFor(Path output) {
        String name = output.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String stem = dot > 0 ? name.substring(0, dot) : name;
        return output.resolveSibling(stem + ".log.json");
    }

    /** Writes atomically as indented JSON. */
    public void write(Path file) throws IOException {
        byte[] json = MAPPER.writeValueAsBytes(this);
        AtomicFiles.write(file, out -> {
            out.write(json);
            out.write('\n');
        });
    }

    /** Reads a log back (tests, tools). */
    public static RunLog read(Path file) throws IOException {
        return MAPPER.readValue(file.toFile(), RunLog.class);
    }
}
