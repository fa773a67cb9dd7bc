package imagetsne.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
}
