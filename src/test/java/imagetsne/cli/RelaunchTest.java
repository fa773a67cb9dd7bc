package imagetsne.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RelaunchTest {
    @Test void aHeapIsChosenOnlyWhenTheUserSetNone() {
        assertEquals(List.of(Relaunch.HEAP_DEFAULT), Relaunch.heapDefault(List.of("-Dfoo=1", "-Xss2m"), null, null));
        assertEquals(List.of(Relaunch.HEAP_DEFAULT), Relaunch.heapDefault(List.of(), " -Dx=1 ", ""), "options without a heap size");
        for (String given : List.of("-Xmx2g", "-XX:MaxHeapSize=1073741824", "-XX:MaxRAMPercentage=80", "-XX:MaxRAMFraction=2", "-XX:MaxRAM=4g"))
            assertEquals(List.of(), Relaunch.heapDefault(List.of("-Dfoo=1", given), null, null), given);
        assertEquals(List.of(), Relaunch.heapDefault(List.of(), "-Xmx3g", null), "JAVA_TOOL_OPTIONS");
        assertEquals(List.of(), Relaunch.heapDefault(List.of(), null, "-Dy=2 -Xmx3g"), "JDK_JAVA_OPTIONS");
    }

    @Test void headlessCommandsGetTheThroughputCollectorUnlessTheUserChoseOne() {
        String[] tsne = {"tsne", "in.csv", "-o", "out.csv"};
        assertEquals(List.of(Relaunch.THROUGHPUT_GC), Relaunch.collector(tsne, List.of("-Xmx2g"), null, null));
        for (String cmd : List.of("analyze", "grid", "export-dataset"))
            assertEquals(List.of(Relaunch.THROUGHPUT_GC), Relaunch.collector(new String[] {cmd}, List.of(), null, null), cmd);
        assertEquals(List.of(), Relaunch.collector(new String[0], List.of(), null, null), "the sketch keeps G1");
        assertEquals(List.of(), Relaunch.collector(new String[] {"view", "layout.json"}, List.of(), null, null), "the sketch keeps G1");
        assertEquals(List.of(), Relaunch.collector(tsne, List.of("-XX:+UseG1GC"), null, null), "the user's collector");
        assertEquals(List.of(), Relaunch.collector(tsne, List.of(), "-XX:+UseZGC", null), "JAVA_TOOL_OPTIONS");
        assertEquals(List.of(), Relaunch.collector(tsne, List.of(), null, "-XX:+UseSerialGC"), "JDK_JAVA_OPTIONS");
    }

    @Test void helpAndTheVersionNeedNoSecondJvm() {
        for (String[] help : List.of(new String[] {"--help"}, new String[] {"tsne", "-h"}, new String[] {"analyze", "imgs", "--help"},
                new String[] {"-V"}, new String[] {"--version"}))
            assertTrue(Relaunch.asksForHelp(help), String.join(" ", help));
        for (String[] run : List.of(new String[0], new String[] {"tsne", "x.csv", "-o", "y.csv"}, new String[] {"view", "--size", "800x600"}))
            assertFalse(Relaunch.asksForHelp(run), String.join(" ", run));
    }

    @Test void headlessCommandsGetHugePagesWhereTheKernelOffersThem() {
        String[] tsne = {"tsne", "in.csv", "-o", "out.csv"};
        assertEquals(List.of(Relaunch.HUGE_PAGES), Relaunch.hugePages(tsne, List.of("-Xmx2g"), null, null, true));
        assertEquals(List.of(), Relaunch.hugePages(tsne, List.of(), null, null, false), "the kernel has none: the JVM would warn");
        assertEquals(List.of(), Relaunch.hugePages(new String[] {"view", "layout.json"}, List.of(), null, null, true), "not the sketch");
        assertEquals(List.of(), Relaunch.hugePages(tsne, List.of("-XX:-UseTransparentHugePages"), null, null, true), "the user's choice");
        assertEquals(List.of(), Relaunch.hugePages(tsne, List.of(), "-XX:+UseLargePages", null, true), "JAVA_TOOL_OPTIONS");
    }

    private static String relayed(String childStderr) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Relaunch.relay(new ByteArrayInputStream(childStderr.getBytes(StandardCharsets.US_ASCII)), out);
        return out.toString(StandardCharsets.US_ASCII);
    }

    @Test void theRelayDropsTheJvmsOwnLinesAtTheStartAndPassesEverythingElse() {
        String progress = "  t-SNE 100/1000\r  t-SNE 200/1000\rdone\n";
        assertEquals(progress, relayed(Relaunch.DIRECTIVES_ADDED + "\n" + Relaunch.WARNING + "\n" + progress));
        assertEquals(progress, relayed(Relaunch.WARNING + "\r\n" + progress), "Windows line ends");
        assertEquals(progress, relayed(progress), "nothing to drop");
        assertEquals("", relayed(Relaunch.WARNING + "\n"));
        // only those lines whole, and only at the start
        for (String kept : List.of("WARNING: Using incubator modules: jdk.incubator.foreign\n", Relaunch.DIRECTIVES_ADDED + " twice\n",
                "1 compiler\rprogress\n", "error: no such file\n" + Relaunch.WARNING + "\n"))
            assertEquals(kept, relayed(kept), kept);
        assertEquals("1 compiler", relayed("1 compiler"), "a stream that ends inside a candidate line");
    }

    @Test void theDirectiveIsWrittenOnceAndLeftOutWhereItCannotBe(@TempDir Path dir) throws Exception {
        Path f = Relaunch.directivesFile(dir.resolve("cache"));
        assertEquals(Relaunch.VECTOR_API_DIRECTIVE, Files.readString(f));
        Files.writeString(f, "[]");   // another build's, or damaged
        assertEquals(f, Relaunch.directivesFile(dir.resolve("cache")));
        assertEquals(Relaunch.VECTOR_API_DIRECTIVE, Files.readString(f));
        Files.writeString(dir.resolve("a-file"), "x");
        assertEquals(null, Relaunch.directivesFile(dir.resolve("a-file")), "no folder to write to");
    }

    /** A real JVM with the JIT options: it reads the directive, and says so on standard error, not on the command's output. */
    @Test void theJvmTakesTheDirectiveAndKeepsTheCommandsOutputClean() throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "--add-modules", "jdk.incubator.vector"));
        List<String> jit = Relaunch.jitOptions();
        assertTrue(jit.stream().anyMatch(o -> o.startsWith("-XX:CompilerDirectivesFile=")), "the directive is given: " + jit);
        cmd.addAll(jit);
        cmd.addAll(List.of("-Dimagetsne.relaunch=false", "-cp", System.getProperty("java.class.path"), "imagetsne.sketch.Main", "--version"));
        Process p = new ProcessBuilder(cmd).start();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Thread drain = new Thread(() -> { try { p.getErrorStream().transferTo(err); } catch (java.io.IOException e) { throw new java.io.UncheckedIOException(e); } });
        drain.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor());
        drain.join();
        String stderr = err.toString(StandardCharsets.US_ASCII);
        assertTrue(stderr.startsWith(Relaunch.DIRECTIVES_ADDED), "the JVM read the directive: " + stderr);
        assertEquals("", relayed(stderr), "the relay drops the JVM's lines");
        assertTrue(out.startsWith("image-tsne-live"), out);
        assertFalse(out.contains("directives"), out);
    }
}
