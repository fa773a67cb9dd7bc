package imagetsne.testing;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.awt.GraphicsEnvironment;

/** Window tests need an X display (README runs the tests under xvfb-run; so does .ci/run). */
public final class Display {
    private Display() {}

    /**
     * Skips without a DISPLAY (a developer's plain `mvn test`), but fails when a DISPLAY exists and AWT
     * was still made headless: a test setting java.awt.headless would otherwise silently skip every window test.
     */
    public static void require() {
        assumeTrue(System.getenv("DISPLAY") != null, "no DISPLAY: run the tests under xvfb-run (README)");
        assertFalse(GraphicsEnvironment.isHeadless(), "DISPLAY is set but AWT is headless: something set java.awt.headless=true");
    }
}
