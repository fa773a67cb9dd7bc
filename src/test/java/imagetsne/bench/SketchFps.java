package imagetsne.bench;

import imagetsne.sketch.ImageTsneSketch;
import imagetsne.sketch.SketchOptions;
import java.awt.Component;
import java.awt.Point;
import java.awt.Rectangle;
import java.awt.Robot;
import java.awt.event.InputEvent;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import processing.core.PApplet;

/**
 * The whole app (panel, overlays, status line) rather than the renderer alone. Opens a layout JSON (an
 * analysis's output, as `view FILE.json` does), or builds one of N sprites (real emoji, repeated, at the
 * points of a CSV such as a t-SNE result; rows repeat, slightly jittered, when N is larger than the CSV).
 * Reports the time from JVM start to the first frame with the layout drawn, to the first frame with
 * thumbnails in it (seen on the screen: many distinct colours in the free area) and to the end of loading;
 * frames per second at fit-to-window (mouse held still, so every frame is drawn) and while dragging with
 * real mouse events; the heap and the process's peak RSS; then the CPU use when idle. A CSV with three
 * columns gives a 3-D layout, and the drag turns it. Run under xvfb-run:
 * `java -cp ... imagetsne.bench.SketchFps POINTS.csv N [java2d|p2d]` or `... SketchFps LAYOUT.json`
 */
public final class SketchFps {
    /** More distinct colours than this in the free area: thumbnails are drawn, not only placeholders and frames. */
    static final int THUMBNAIL_COLOURS = 64;

    public static void main(String[] args) throws Exception {
        long jvmStart = ManagementFactory.getRuntimeMXBean().getStartTime();
        Path file = args[0].endsWith(".json") ? Path.of(args[0]) : emojiLayout(Path.of(args[0]), Integer.parseInt(args[1]));
        SketchOptions o = new SketchOptions();
        o.start = file;
        o.renderer = args.length > 2 ? args[2] : "java2d";
        o.exitOnClose = false;
        ImageTsneSketch s = new ImageTsneSketch(o);
        double built = since(jvmStart);
        PApplet.runSketch(new String[] {"SketchFps"}, s);
        Robot r = new Robot();
        double layoutAt = Double.NaN, thumbsAt = Double.NaN;
        int f0 = -1;
        long nextShot = 0, giveUp = Long.MAX_VALUE;
        double loadedAt = Double.NaN;
        int most = 0;
        while (Double.isNaN(loadedAt) || Double.isNaN(thumbsAt) && System.nanoTime() < giveUp) {
            if (s.layout() != null && f0 < 0) f0 = s.frameCount;
            if (f0 >= 0 && Double.isNaN(layoutAt) && s.frameCount > f0 + 1) layoutAt = since(jvmStart);
            if (f0 >= 0 && Double.isNaN(thumbsAt) && System.nanoTime() > nextShot) {
                most = Math.max(most, colours(r, s));
                if (most > THUMBNAIL_COLOURS) thumbsAt = since(jvmStart);
                nextShot = System.nanoTime() + 100_000_000L;
            }
            if (Double.isNaN(loadedAt) && s.isReady() && !s.isBusy() && s.layout() != null) {
                loadedAt = since(jvmStart);
                giveUp = System.nanoTime() + 10_000_000_000L;
            }
            Thread.sleep(10);
        }
        if (Double.isNaN(thumbsAt)) System.err.println("never more than " + most + " colours on screen: thumbnails not recognised");
        if (System.getenv("SKETCHFPS_SHOT") != null) { // what the window showed, to look at
            Point w = origin(s);
            javax.imageio.ImageIO.write(r.createScreenCapture(new Rectangle(w.x, w.y, s.width, s.height)), "png", new java.io.File(System.getenv("SKETCHFPS_SHOT")));
        }
        Thread.sleep(1000);
        float[] area = s.freeArea();
        Point at = origin(s);
        int cx = at.x + (int) (area[0] + area[2] / 2), cy = at.y + (int) (area[1] + area[3] / 2);
        r.mouseMove(cx, cy);
        // fit to window: a held button keeps every frame drawn while the view stays put
        r.mousePress(InputEvent.BUTTON1_DOWN_MASK);
        double fit = fps(s, () -> {}, 5);
        r.mouseRelease(InputEvent.BUTTON1_DOWN_MASK);
        Thread.sleep(500);
        s.onAnimationThread(s::clearSelection).get(); // the press was a click, which selects: drag the plain view
        r.mousePress(InputEvent.BUTTON1_DOWN_MASK);
        int[] step = {0};
        double drag = fps(s, () -> { step[0]++; r.mouseMove(cx + (int) (40 * Math.sin(step[0] / 10.0)), cy + (int) (40 * Math.cos(step[0] / 10.0))); }, 5);
        r.mouseRelease(InputEvent.BUTTON1_DOWN_MASK);
        long peakHeap = 0;
        for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) if (p.getType() == MemoryType.HEAP) peakHeap += p.getPeakUsage().getUsed();
        Thread.sleep(2000);
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long cpu0 = os.getProcessCpuTime(), t0 = System.nanoTime();
        Thread.sleep(5000);
        double idle = (os.getProcessCpuTime() - cpu0) / (double) (System.nanoTime() - t0);
        System.gc();
        Runtime rt = Runtime.getRuntime();
        System.out.printf(Locale.ROOT, "RESULT app renderer=%s n=%d dims=%d built_s=%.1f first_layout_frame_s=%.1f first_thumbnails_frame_s=%.1f loaded_s=%.1f"
                        + " fit_fps=%.1f drag_fps=%.1f heap_max_mb=%d heap_peak_mb=%d heap_after_gc_mb=%d rss_peak_mb=%d idle_cpu=%.1f%% of one core%n",
                o.renderer, s.spriteCount(), s.dims(), built, layoutAt, thumbsAt, loadedAt, fit, drag, rt.maxMemory() >> 20, peakHeap >> 20,
                (rt.totalMemory() - rt.freeMemory()) >> 20, rssPeakKb() >> 10, idle * 100);
        System.exit(0);
    }

    /** A layout JSON of n random emoji at the points of csv (rows repeated with a small jitter past its end). */
    private static Path emojiLayout(Path csv, int n) throws Exception {
        List<String[]> rows = new ArrayList<>();
        for (String l : Files.readAllLines(csv)) {
            String[] p = l.split(",");
            try { Double.parseDouble(p[0]); } catch (NumberFormatException e) { continue; }
            rows.add(java.util.Arrays.copyOf(p, Math.min(3, p.length)));
        }
        List<Path> emoji;
        try (var s = Files.list(Path.of("../shared/images/noto-emoji-64"))) { emoji = s.sorted().toList(); }
        double[] lo = new double[3], hi = new double[3];
        java.util.Arrays.fill(lo, Double.MAX_VALUE);
        java.util.Arrays.fill(hi, -Double.MAX_VALUE);
        for (String[] p : rows) for (int c = 0; c < p.length; c++) { double v = Double.parseDouble(p[c]); lo[c] = Math.min(lo[c], v); hi[c] = Math.max(hi[c], v); }
        Random rnd = new Random(1);
        StringBuilder json = new StringBuilder("[");
        for (int i = 0; i < n; i++) {
            String[] p = rows.get(i % rows.size());
            StringBuilder point = new StringBuilder();
            for (int c = 0; c < p.length; c++) {
                double v = Double.parseDouble(p[c]) + (i < rows.size() ? 0 : rnd.nextGaussian() * 0.002 * (hi[c] - lo[c]));
                point.append(c > 0 ? "," : "").append(String.format(Locale.ROOT, "%.6g", v));
            }
            if (i > 0) json.append(',');
            // a third column makes a 3-D layout: the drag then turns it
            json.append(String.format(Locale.ROOT, "{\"path\":\"%s\",\"point\":[%s]}", emoji.get(rnd.nextInt(emoji.size())).toAbsolutePath(), point));
        }
        Path file = Files.createTempFile("sketchfps", ".json");
        file.toFile().deleteOnExit();
        Files.writeString(file, json.append(']').toString());
        return file;
    }

    /** Frames drawn per second over the last `seconds / 2` of `seconds`, running `each` every 5 ms. */
    private static double fps(ImageTsneSketch s, Runnable each, double seconds) throws InterruptedException {
        long start = System.nanoTime(), half = start + (long) (seconds * 5e8), end = start + (long) (seconds * 1e9);
        int f0 = -1;
        long t0 = 0;
        while (System.nanoTime() < end) {
            each.run();
            Thread.sleep(5);
            if (f0 < 0 && System.nanoTime() >= half) { f0 = s.frameCount; t0 = System.nanoTime(); }
        }
        return (s.frameCount - f0) / ((System.nanoTime() - t0) / 1e9);
    }

    /** Distinct colours on screen in the sketch's free area: background, placeholders and frames are few. */
    private static int colours(Robot r, ImageTsneSketch s) {
        float[] a = s.freeArea();
        Point o = origin(s);
        if (!(a[2] > 0 && a[3] > 0)) return 0;
        var shot = r.createScreenCapture(new Rectangle(o.x + (int) a[0], o.y + (int) a[1], (int) a[2], (int) a[3]));
        Set<Integer> seen = new HashSet<>();
        for (int y = 0; y < shot.getHeight(); y += 2) for (int x = 0; x < shot.getWidth(); x += 2) seen.add(shot.getRGB(x, y));
        return seen.size();
    }

    private static Point origin(ImageTsneSketch s) {
        Object nat = s.getSurface().getNative();
        return nat instanceof Component c ? c.getLocationOnScreen()   // JAVA2D: an AWT canvas; P2D: a NEWT window
                : new Point(((com.jogamp.newt.opengl.GLWindow) nat).getX(), ((com.jogamp.newt.opengl.GLWindow) nat).getY());
    }

    private static double since(long epochMillis) { return (System.currentTimeMillis() - epochMillis) / 1000.0; }

    private static long rssPeakKb() throws java.io.IOException {
        for (String l : Files.readAllLines(Path.of("/proc/self/status")))
            if (l.startsWith("VmHWM:")) return Long.parseLong(l.replaceAll("\\D", ""));
        return -1;
    }
}
