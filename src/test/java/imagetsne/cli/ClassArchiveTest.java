package imagetsne.cli;

import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClassArchiveTest {
    private static final List<String> HEADLESS = List.of("tsne", "analyze");

    @Test void onlyRealRunsOfHeadlessCommandsGetAnArchive() {
        String cp = System.getProperty("java.class.path"), home = System.getProperty("java.home");
        assertNull(ClassArchive.forCommand(new String[0], HEADLESS, List.of(), cp, home), "the sketch");
        assertNull(ClassArchive.forCommand(new String[] {"view"}, HEADLESS, List.of(), cp, home));
        assertNull(ClassArchive.forCommand(new String[] {"tsne", "--help"}, HEADLESS, List.of(), cp, home), "help loads other classes");
        assertNull(ClassArchive.forCommand(new String[] {"tsne", "x.csv"}, HEADLESS, List.of("-Xshare:off"), cp, home), "the user's CDS choice");
    }

    @Test void theFirstRunWritesTheArchiveAndLaterRunsUseIt(@TempDir Path dir) throws IOException {
        Path jar = Files.writeString(dir.resolve("app.jar"), "v1");
        ClassArchive first = ClassArchive.in(dir.resolve("cache"), "tsne", jar.toString(), "/jdk");
        String dump = first.jvmOptions().get(0);
        assertTrue(dump.startsWith("-XX:ArchiveClassesAtExit="), dump);
        assertTrue(first.jvmOptions().contains("-Xlog:cds*=off"), "no CDS messages for the user");
        Path pending = Path.of(dump.substring(dump.indexOf('=') + 1));
        Files.writeString(pending, "archive");
        first.settle(1);
        assertFalse(Files.exists(pending), "a failed run's archive is dropped");
        assertFalse(Files.exists(first.archive()));

        Files.writeString(pending, "archive");
        first.settle(0);
        assertEquals("archive", Files.readString(first.archive()));
        ClassArchive again = ClassArchive.in(dir.resolve("cache"), "tsne", jar.toString(), "/jdk");
        assertEquals(List.of("-XX:SharedArchiveFile=" + first.archive(), "-Xlog:cds*=off"), again.jvmOptions());

        // a rebuilt jar gets an archive of its own, which replaces the old build's once written
        Files.writeString(jar, "version 2");
        Files.setLastModifiedTime(jar, FileTime.fromMillis(Files.getLastModifiedTime(jar).toMillis() + 5000));
        ClassArchive rebuilt = ClassArchive.in(dir.resolve("cache"), "tsne", jar.toString(), "/jdk");
        assertNotEquals(first.archive(), rebuilt.archive());
        String dump2 = rebuilt.jvmOptions().get(0);
        assertTrue(dump2.startsWith("-XX:ArchiveClassesAtExit="), dump2);
        Files.writeString(Path.of(dump2.substring(dump2.indexOf('=') + 1)), "archive 2");
        ClassArchive other = ClassArchive.in(dir.resolve("cache"), "analyze", jar.toString(), "/jdk");
        Files.writeString(other.archive(), "another command's");
        rebuilt.settle(0);
        assertTrue(Files.exists(rebuilt.archive()));
        assertFalse(Files.exists(first.archive()), "the old build's archive is deleted");
        assertTrue(Files.exists(other.archive()), "other commands' archives stay");
    }
}
