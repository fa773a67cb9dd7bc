package imagetsne.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

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
}
