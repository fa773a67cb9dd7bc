package imagetsne.bench;

import imagetsne.grid.ClusteredPoints;
import imagetsne.render.SpriteAtlas;
import imagetsne.render.SpriteRenderer;
import imagetsne.render.SpriteRenderers;
import processing.core.PApplet;
import processing.core.PConstants;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Sprite renderer benchmark driver (bench/render/run.sh calls it; needs a display, e.g. xvfb-run).
 *   run RENDERER [--sizes 1000,5000,20000] [--seconds 3] [--warmup 1] [--images DIR]
 *       one real 1200x800 window (JAVA2D for java2d, java2d-pixels, naive, naive-nosmooth; P2D for p2d);
 *       for each n: fit-to-window sprites (~sqrt(W*H/n)*0.8 px) and zoomed in to 24-px sprites, a slow
 *       pan every frame; prints "result RENDERER N MODE SIZE FPS FRAMES DRAWN DRAW_MS" per case
 *   table RESULTS.txt    markdown table of the result lines (fps and speed-up vs naive)
 */
public final class RenderBenchmark {
    static final int W = 1200, H = 800;

    public static void main(String[] args) throws IOException {
        Locale.setDefault(Locale.ROOT);
        if (args.length >= 2 && args[0].equals("table")) { table(Path.of(args[1])); return; }
        if (args.length < 2 || !args[0].equals("run")) {
            System.err.println("usage: run RENDERER [--sizes 1000,5000,20000] [--seconds S] [--warmup S] [--images DIR] | table RESULTS");
            System.exit(2);
        }
        Bench b = new Bench(args[1]);
        for (int k = 2; k + 1 < args.length; k += 2) {
            switch (args[k]) {
                case "--sizes" -> b.sizes = Arrays.stream(args[k + 1].split(",")).mapToInt(Integer::parseInt).toArray();
                case "--seconds" -> b.seconds = Double.parseDouble(args[k + 1]);
                case "--warmup" -> b.warmup = Double.parseDouble(args[k + 1]);
                case "--images" -> b.images = Path.of(args[k + 1]);
                default -> { System.err.println("unknown option " + args[k]); System.exit(2); }
            }
        }
        b.prepare();
        PApplet.runSketch(new String[] {"RenderBenchmark-" + b.name}, b);
    }

    static final class Bench extends PApplet {
        final String name;
        int[] sizes = {1000, 5000, 20000};
        double seconds = 3, warmup = 1;
        Path images = Path.of("../shared/images/noto-emoji-64");
        final SpriteAtlas atlas = new SpriteAtlas(64);
        double[] unit;                    // clustered points in 0..1, for the largest n
        final List<double[]> cases = new ArrayList<>(); // {n, zoomed 0/1}
        SpriteRenderer renderer;
        int current = -1;
        float[] bx, by, x, y;
        float size;
        long caseStart, measureStart;
        int measureFrames;
        long drawNanos;
        int drawn;

        Bench(String name) { this.name = name; }

        void prepare() throws IOException {
            File[] files = images.toFile().listFiles((d, f) -> f.toLowerCase(Locale.ROOT).endsWith(".png"));
            if (files == null || files.length == 0) throw new IOException("no PNGs in " + images.toAbsolutePath());
            Arrays.sort(files);
            List<BufferedImage> thumbs = new ArrayList<>();
            for (File f : files) { BufferedImage im = ImageIO.read(f); if (im != null) thumbs.add(im); }
            int max = Arrays.stream(sizes).max().orElse(0);
            long t0 = System.nanoTime();
            for (int i = 0; i < max; i++) atlas.set(i, thumbs.get(i % thumbs.size())); // distinct copies, as real items
            System.err.printf("%s: %d thumbnails (%d distinct) in the atlas in %.1f s%n", name, max, thumbs.size(), (System.nanoTime() - t0) / 1e9);
            unit = ClusteredPoints.generate(max, 42);
            for (int n : sizes) { cases.add(new double[] {n, 0}); cases.add(new double[] {n, 1}); }
        }

        @Override public void settings() {
            size(W, H, name.equals("p2d") ? PConstants.P2D : PConstants.JAVA2D);
            if (name.equals("naive-nosmooth")) noSmooth();
        }

        @Override public void setup() {
            frameRate(1000);
            renderer = SpriteRenderers.create(name.equals("naive-nosmooth") ? "naive" : name, g);
        }

        void startCase(int c) {
            int n = (int) cases.get(c)[0];
            boolean zoomed = cases.get(c)[1] > 0;
            float fit = (float) (Math.sqrt((double) W * H / n) * 0.8);
            size = zoomed ? 24 : fit;
            float zoom = zoomed ? Math.max(1f, 24f / fit) : 1f;
            bx = new float[n];
            by = new float[n];
            x = new float[n];
            y = new float[n];
            float m = fit / 2; // fit-to-window: whole sprites inside the window
            for (int i = 0; i < n; i++) {
                float px = m + (float) unit[2 * i] * (W - 2 * m), py = m + (float) unit[2 * i + 1] * (H - 2 * m);
                bx[i] = W / 2f + (px - W / 2f) * zoom;
                by[i] = H / 2f + (py - H / 2f) * zoom;
            }
            caseStart = System.nanoTime();
            measureStart = 0;
        }

        @Override public void draw() {
            long now = System.nanoTime();
            if (current < 0) startCase(current = 0);
            if (measureStart == 0 && now - caseStart >= warmup * 1e9) {
                measureStart = now;
                measureFrames = 0;
                drawNanos = 0;
            } else if (measureStart != 0) {
                measureFrames++;
                double el = (now - measureStart) / 1e9;
                if (el >= seconds && measureFrames >= 3) {
                    double[] c = cases.get(current);
                    System.out.printf("result %s %d %s %.1f %.2f %d %d %.2f%n", name, (int) c[0], c[1] > 0 ? "zoom24" : "fit",
                            size, measureFrames / el, measureFrames, drawn, drawNanos / 1e6 / measureFrames);
                    System.out.flush();
                    if (++current >= cases.size()) { exit(); return; }
                    startCase(current);
                }
            }
            // slow pan: every frame moves, nothing can be reused from the last one
            float ox = 20 * (float) Math.sin(frameCount * 0.03), oy = 12 * (float) Math.cos(frameCount * 0.023);
            for (int i = 0; i < x.length; i++) { x[i] = bx[i] + ox; y[i] = by[i] + oy; }
            background(24);
            long t = System.nanoTime();
            drawn = renderer.draw(g, atlas, x, y, x.length, size, null);
            drawNanos += System.nanoTime() - t;
        }
    }

    /** Markdown: fps per renderer and case, with the speed-up over naive (default smoothing). */
    static void table(Path results) throws IOException {
        Map<String, Map<String, double[]>> byRenderer = new LinkedHashMap<>(); // renderer -> case -> {fps, size, drawn}
        List<String> caseOrder = new ArrayList<>();
        for (String line : Files.readAllLines(results)) {
            String[] f = line.trim().split("\\s+");
            if (f.length < 9 || !f[0].equals("result")) continue;
            String key = f[2] + " " + f[3];
            if (!caseOrder.contains(key)) caseOrder.add(key);
            byRenderer.computeIfAbsent(f[1], k -> new LinkedHashMap<>())
                    .put(key, new double[] {Double.parseDouble(f[5]), Double.parseDouble(f[4]), Double.parseDouble(f[7])});
        }
        caseOrder.sort((a, b) -> {
            String[] p = a.split(" "), q = b.split(" ");
            int c = p[1].compareTo(q[1]); // fit before zoom24
            return c != 0 ? c : Integer.compare(Integer.parseInt(p[0]), Integer.parseInt(q[0]));
        });
        Map<String, double[]> naive = byRenderer.get("naive");
        StringBuilder sb = new StringBuilder("| renderer |");
        for (String k : caseOrder) {
            String[] p = k.split(" ");
            double[] any = byRenderer.values().stream().map(m -> m.get(k)).filter(v -> v != null).findFirst().orElseThrow();
            sb.append(String.format(" %,d %s (%.1f px) |", Integer.parseInt(p[0]), p[1].equals("fit") ? "fit" : "zoomed", any[1]));
        }
        sb.append("\n|---|");
        sb.append("---:|".repeat(caseOrder.size())).append('\n');
        for (var e : byRenderer.entrySet()) {
            sb.append("| ").append(e.getKey()).append(" |");
            for (String k : caseOrder) {
                double[] v = e.getValue().get(k);
                if (v == null) { sb.append(" - |"); continue; }
                double[] nv = naive == null ? null : naive.get(k);
                sb.append(String.format(" %.1f", v[0]));
                if (nv != null && !e.getKey().equals("naive")) sb.append(String.format(" (x%.1f)", v[0] / nv[0]));
                sb.append(" |");
            }
            sb.append('\n');
        }
        sb.append("\nSprites drawn (not culled) per case:");
        Map<String, double[]> first = byRenderer.values().iterator().next();
        for (String k : caseOrder) if (first.get(k) != null) sb.append(String.format(" %s: %,d;", k, (long) first.get(k)[2]));
        System.out.println(sb.toString().replaceAll(";$", ""));
    }
}
