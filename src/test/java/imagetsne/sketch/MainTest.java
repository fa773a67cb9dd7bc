package imagetsne.sketch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import imagetsne.io.LayoutJson;
import imagetsne.testing.SharedData;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The jar's entry point: engine commands go to the CLI, view options are checked before a window opens. */
class MainTest {
    @TempDir Path tmp;

    @Test
    void engineCommandsRunHeadless() throws Exception {
        Path dir = tmp.resolve("in");
        Files.createDirectories(dir);
        try (var files = Files.list(SharedData.emojiDir())) {
            for (Path f : files.sorted().limit(30).toList()) Files.copy(f, dir.resolve(f.getFileName()));
        }
        Path out = tmp.resolve("layout.json");
        assertEquals(0, Main.run("analyze", dir.toString(), "-o", out.toString(), "--features", "hog", "--iterations", "300"));
        assertEquals(30, LayoutJson.read(out).layout().size());
    }

    @Test
    void viewChecksItsOptionsAndHelpMentionsTheKeys() {
        PrintStream old = System.out;
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        System.setOut(new PrintStream(buf, true));
        try {
            assertEquals(0, Main.run("view", "--help"));
            assertEquals(0, Main.run("--help"));
        } finally {
            System.setOut(old);
        }
        String help = buf.toString();
        assertTrue(help.contains("g grid") && help.contains("view") && help.contains("analyze"), help);
        assertEquals(2, Main.run("view", "--renderer", "vulkan", "images"));
        assertEquals(2, Main.run("view", tmp.resolve("nope.json").toString()));
        assertEquals(2, Main.run("--size", "big"));
    }
}
