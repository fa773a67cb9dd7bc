package imagetsne.bench;

import imagetsne.sketch.ImageTsneSketch;
import imagetsne.sketch.SketchOptions;
import java.awt.Component;
import java.awt.Point;
import java.awt.Robot;
import java.awt.event.InputEvent;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import processing.core.PApplet;

/**
 * The whole app (panel, overlays, status line) rather than the renderer alone: builds a layout JSON of n
 * sprites (real emoji, repeated, at the points of a CSV such as a t-SNE result), opens it in the sketch,
 * drags with real mouse events for a few seconds and reports frames per second; then idles and reports
 * the process's CPU use. A CSV with three columns gives a 3-D layout, and the drag turns it. Run under xvfb-run:
 * `java -cp ... imagetsne.bench.SketchFps POINTS.csv N [java2d|p2d]`
 */
public final class SketchFps {
    public static void main(String[] args) throws Exception {
        List<String> lines = Files.readAllLines(Path.of(args[0]));
        int n = Math.min(Integer.parseInt(args[1]), lines.size());
        List<Path> emoji;
        try (var s = Files.list(Path.of("../shared/images/noto-emoji-64"))) { emoji = s.sorted().toList(); }
        Random rnd = new Random(1);
        StringBuilder json = new StringBuilder("[");
        int row = 0;
        for (String l : lines) {
            if (row >= n) break;
            String[] p = l.split(",");
            try { Double.parseDouble(p[0]); } catch (NumberFormatException e) { continue; }
            if (row > 0) json.append(',');
            // a third column makes a 3-D layout: the drag below then turns it
            json.append(String.format(Locale.ROOT, "{\"path\":\"%s\",\"point\":[%s]}",
                    emoji.get(rnd.nextInt(emoji.size())).toAbsolutePath(), String.join(",", java.util.Arrays.asList(p).subList(0, Math.min(3, p.length)))));
            row++;
        }
        Path file = Files.createTempFile("sketchfps", ".json");
        Files.writeString(file, json.append(']').toString());
        SketchOptions o = new SketchOptions();
        o.start = file;
        o.renderer = args.length > 2 ? args[2] : "java2d";
        o.exitOnClose = false;
        ImageTsneSketch s = new ImageTsneSketch(o);
        PApplet.runSketch(new String[] {"SketchFps"}, s);
        while (!s.isReady() || s.isBusy() || s.layout() == null) Thread.sleep(50);
        Robot r = new Robot();
        Object nat = s.getSurface().getNative();
        Point at = nat instanceof Component c ? c.getLocationOnScreen()   // JAVA2D: an AWT canvas; P2D: a NEWT window
                : new Point(((com.jogamp.newt.opengl.GLWindow) nat).getX(), ((com.jogamp.newt.opengl.GLWindow) nat).getY());
        int cx = at.x + s.width / 2 + 200, cy = at.y + s.height / 2;
        r.mouseMove(cx, cy);
        r.mousePress(InputEvent.BUTTON1_DOWN_MASK);
        List<Float> rates = new ArrayList<>();
        long end = System.nanoTime() + 5_000_000_000L;
        for (int i = 0; System.nanoTime() < end; i++) {
            r.mouseMove(cx + (int) (40 * Math.sin(i / 10.0)), cy + (int) (40 * Math.cos(i / 10.0)));
            Thread.sleep(5);
            if (i % 20 == 0) rates.add(s.frameRate);
        }
        r.mouseRelease(InputEvent.BUTTON1_DOWN_MASK);
        float fps = rates.subList(rates.size() / 2, rates.size()).stream().reduce(0f, Float::sum) / (rates.size() - rates.size() / 2);
        Thread.sleep(2000);
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long cpu0 = os.getProcessCpuTime(), t0 = System.nanoTime();
        Thread.sleep(5000);
        double idle = (os.getProcessCpuTime() - cpu0) / (double) (System.nanoTime() - t0);
        System.out.printf(Locale.ROOT, "RESULT app renderer=%s n=%d dims=%d drag_fps=%.1f idle_cpu=%.1f%% of one core%n", o.renderer, s.spriteCount(), s.dims(), fps, idle * 100);
        System.exit(0);
    }
}
