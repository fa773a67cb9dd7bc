package imagetsne.cli;

import imagetsne.io.AtomicFiles;
import imagetsne.reduce.Pca;
import imagetsne.reduce.tsne.Tsne;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;

/**
 * Runs the app again in a JVM with the Vector API when the user's did not load it: the CNN's and t-SNE's
 * SIMD kernels need {@code --add-modules jdk.incubator.vector}, a launcher flag that neither a jar's
 * manifest nor the running JVM can add. Without it the CNN is about 20x slower. The new JVM gets the same
 * JVM options, class path, arguments, standard input and output; its standard error comes through this
 * process, minus the JVM's one-line "Using incubator modules" warning, which is the point, not a problem.
 * Without a heap size from the user it gets half the machine's memory rather than the JVM's quarter; a
 * headless command also gets the parallel collector and a {@link ClassArchive} of its classes.
 */
public final class Relaunch {
    static final String WARNING = "WARNING: Using incubator modules: jdk.incubator.vector";
    private static final String DONE = "imagetsne.relaunched";
    /** Classes holding the Vector API loops of PCA and t-SNE. */
    private static final List<String> VECTOR_KERNELS = List.of("imagetsne.reduce.VectorMatKernel", "imagetsne.reduce.tsne.VectorKernel");

    private Relaunch() {}

    /** True when the Vector API is loaded in this JVM. */
    public static boolean hasVectorApi() {
        // the boot layer's set, not findModule: that searches the parent layers with a stream when the module
        // is missing, as it is in the launching JVM, and a stream's first use costs ~10 ms of its start
        for (Module m : ModuleLayer.boot().modules()) if (m.getName().equals("jdk.incubator.vector")) return true;
        return false;
    }

    /**
     * The exit code of the app run in a JVM with the Vector API, or empty when this JVM should go on
     * itself: it has the API already, relaunching is switched off (-Dimagetsne.relaunch=false or
     * IMAGETSNE_RELAUNCH=false), this is the relaunched JVM, help or the version is asked for, or the new
     * JVM cannot be started.
     */
    public static OptionalInt withVectorApi(String mainClass, String[] args) {
        // picocli prints those and runs nothing: a second JVM only doubled the wait (0.86 s against 0.42 s)
        if (asksForHelp(args)) return OptionalInt.empty();
        if (hasVectorApi() || System.getProperty(DONE) != null || "false".equals(System.getProperty("imagetsne.relaunch"))
                || "false".equals(System.getenv("IMAGETSNE_RELAUNCH"))) {
            // the commands that run a PCA start compiling its SIMD products now, beside the parsing
            if (hasVectorApi() && args.length > 0 && (args[0].equals("tsne") || args[0].equals("analyze"))) {
                Pca.prepare();
                Tsne.prepare();
            }
            return OptionalInt.empty();
        }
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("--add-modules");
        cmd.add("jdk.incubator.vector");
        cmd.add("-D" + DONE + "=true");
        List<String> jvm = ManagementFactory.getRuntimeMXBean().getInputArguments();
        ClassArchive cds = null;
        if (System.getProperty("java.vm.name", "").contains("OpenJDK") || System.getProperty("java.vm.name", "").contains("HotSpot")) {
            cds = ClassArchive.forCommand(args, HEADLESS, jvm, System.getProperty("java.class.path"), System.getProperty("java.home"));
            if (cds != null) cmd.addAll(cds.jvmOptions());
            cmd.addAll(jitOptions());
        }
        cmd.addAll(heapDefault(jvm, System.getenv("JAVA_TOOL_OPTIONS"), System.getenv("JDK_JAVA_OPTIONS")));
        cmd.addAll(collector(args, jvm, System.getenv("JAVA_TOOL_OPTIONS"), System.getenv("JDK_JAVA_OPTIONS")));
        cmd.addAll(hugePages(args, jvm, System.getenv("JAVA_TOOL_OPTIONS"), System.getenv("JDK_JAVA_OPTIONS"), transparentHugePages()));
        // the user's JVM options (heap size, system properties); a debugger's port cannot be opened twice
        for (String a : jvm) if (!a.startsWith("-agentlib:jdwp")) cmd.add(a);
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(mainClass);
        cmd.addAll(List.of(args));
        Process p;
        try {
            p = new ProcessBuilder(cmd).redirectInput(ProcessBuilder.Redirect.INHERIT)
                    .redirectOutput(ProcessBuilder.Redirect.INHERIT).start();
        } catch (IOException | RuntimeException e) {
            return OptionalInt.empty();
        }
        Process child = p;
        Thread relay = new Thread(() -> relay(child.getErrorStream(), System.err), "stderr-relay");
        relay.start();
        Runtime.getRuntime().addShutdownHook(new Thread(child::destroy));
        while (true) {
            try {
                int code = child.waitFor();
                relay.join();
                if (cds != null) cds.settle(code);
                return OptionalInt.of(code);
            } catch (InterruptedException e) {
                // keep waiting: the child decides when the app ends
            }
        }
    }

    /**
     * What the optimising compiler is told about the SIMD kernels (HotSpot's compile commands):
     * <ul>
     * <li>They run ~100x slower until it has them, and they are called too few times for its usual
     * thresholds to come soon: compile them after 1/100 of the calls. Until then every call runs the Vector
     * API's Java fallbacks, which get hot and queue for the same compiler thread: the sooner the kernels
     * are queued, the less they wait behind them. (The value must be written as a double: an integer is an
     * error, which quiet would hide.)
     * <li>The kernels' {@code exact()}, the cast that lets the compiler see a vector's class, is always inlined:
     * compiled early, a kernel's profile can count too few calls of it for the compiler's own rule (a method
     * called fewer than 250 times is not inlined), and a vector that comes out of a call that is not inlined
     * has no known class, so the vector instruction that takes it falls back to the Java code.
     * <li>A gather ({@code FloatVector.fromArray} with an index map) finds its index vectors' species with
     * {@code IntVector.species}, too big to be inlined unless the call site's profile says it is hot. When
     * the kernel is compiled early the profile can be thin, the species is then not a constant, and every
     * gather runs the Java fallback for the rest of the run (the t-SNE's attraction, several times slower).
     * It is always inlined.
     * <li>The Vector API's own methods are not compiled by the optimising compiler on their own, only by the
     * quick one ({@link #VECTOR_API_DIRECTIVE}). Called on their own, they are the fallbacks that run until a
     * kernel is compiled; compiled into a kernel, they are inlined or replaced by vector instructions
     * either way. The optimising compiler has a single thread on two cores, and it spent ~0.5 s of a
     * 10,000-point t-SNE on those fallbacks while the kernels waited behind them in its queue.
     * </ul>
     * The kernels' tests (imagetsne.testing.JitInlining) run with these too, so they also check that the
     * directive leaves the kernels' inlining whole.
     */
    public static List<String> jitOptions() {
        List<String> o = new ArrayList<>(List.of("-XX:CompileCommand=quiet"));
        for (String kernel : VECTOR_KERNELS) {
            o.add("-XX:CompileCommand=CompileThresholdScaling," + kernel + "::*,0.01");
            o.add("-XX:CompileCommand=inline," + kernel + "::exact");
        }
        o.add("-XX:CompileCommand=inline,jdk.incubator.vector.IntVector::species");
        Path directives = directivesFile(ClassArchive.cacheDir());
        if (directives != null) {
            // the file is a diagnostic option; the JVM says on its standard output how many directives it
            // read, which would mix with a command's output: that line goes to standard error, where the
            // relay drops it
            o.addAll(List.of("-XX:+UnlockDiagnosticVMOptions", "-XX:CompilerDirectivesFile=" + directives, "-XX:+DisplayVMOutputToStderr"));
        }
        return o;
    }

    /** HotSpot's compiler directive (JSON): C2 compiles none of the Vector API's methods as a method of its own. */
    static final String VECTOR_API_DIRECTIVE = "[ { match: [\"jdk/incubator/vector/*.*\", \"jdk/internal/vm/vector/*.*\"], c2: { Exclude: true } } ]\n";
    /** What the JVM prints after reading the directive. */
    static final String DIRECTIVES_ADDED = "1 compiler directives added";

    /**
     * The file holding {@link #VECTOR_API_DIRECTIVE} in dir, written if missing or different; null when it
     * cannot be (the JVM refuses to start on a directives file it cannot read, so then none is given).
     */
    static Path directivesFile(Path dir) {
        if (dir == null) return null;
        Path f = dir.resolve("compiler-directives.json");
        try {
            if (!Files.isRegularFile(f) || !Files.readString(f, StandardCharsets.UTF_8).equals(VECTOR_API_DIRECTIVE)) {
                AtomicFiles.writeString(f, VECTOR_API_DIRECTIVE);
            }
            return f;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** Whether the arguments ask for help or the version (picocli's standard options), which picocli answers instead of running. */
    static boolean asksForHelp(String[] args) {
        for (String a : args) if (a.equals("-h") || a.equals("--help") || a.equals("-V") || a.equals("--version")) return true;
        return false;
    }

    /** Commands without a window: they want throughput, not short pauses. */
    private static final List<String> HEADLESS = List.of("analyze", "tsne", "grid", "export-dataset");
    static final String THROUGHPUT_GC = "-XX:+UseParallelGC";

    /**
     * {@link #THROUGHPUT_GC} for a headless command when the user chose no collector: on two cores G1's
     * concurrent threads and write barriers cost the t-SNE and PCA loops more than its short pauses give
     * back. The sketch keeps G1, whose pauses do not stall drawing.
     */
    static List<String> collector(String[] args, List<String> jvmArgs, String toolOptions, String jdkOptions) {
        if (args.length == 0 || !HEADLESS.contains(args[0])) return List.of();
        for (String a : allOptions(jvmArgs, toolOptions, jdkOptions)) if (a.startsWith("-XX:+Use") && a.endsWith("GC")) return List.of();
        return List.of(THROUGHPUT_GC);
    }

    static final String HUGE_PAGES = "-XX:+UseTransparentHugePages";

    /**
     * {@link #HUGE_PAGES} for a headless command when the kernel offers transparent huge pages (always or on
     * madvise) and the user chose no page size: the heap then faults in 2 MB at a time, which made the
     * collector's copies of the large neighbour arrays faster, and the attraction's scattered reads miss the
     * TLB less (70,000 points: 18.9-19.2 s against 19.8-19.9 s). Where the kernel has none the JVM would warn,
     * so the flag is not given.
     */
    static List<String> hugePages(String[] args, List<String> jvmArgs, String toolOptions, String jdkOptions, boolean offered) {
        if (!offered || args.length == 0 || !HEADLESS.contains(args[0])) return List.of();
        for (String a : allOptions(jvmArgs, toolOptions, jdkOptions)) if (a.contains("LargePages") || a.contains("HugePages")) return List.of();
        return List.of(HUGE_PAGES);
    }

    /** Whether the kernel lets a process ask for transparent huge pages (Linux; "[always]" or "[madvise]"). */
    private static boolean transparentHugePages() {
        try {
            String mode = Files.readString(Path.of("/sys/kernel/mm/transparent_hugepage/enabled"));
            return mode.contains("[always]") || mode.contains("[madvise]");
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    private static List<String> allOptions(List<String> jvmArgs, String toolOptions, String jdkOptions) {
        List<String> all = new ArrayList<>(jvmArgs);
        for (String env : new String[] {toolOptions, jdkOptions}) if (env != null) all.addAll(List.of(env.trim().split("\\s+")));
        return all;
    }

    /** Share of the machine's memory the heap may take when the user set no heap size (the JVM's own default is 25%). */
    static final String HEAP_DEFAULT = "-XX:MaxRAMPercentage=50";

    /**
     * {@link #HEAP_DEFAULT} when none of the JVM options (nor the two environment variables the JVM and
     * launcher read them from) sets the heap: 80,000 images need about 2 GB, a quarter of an 8 GB laptop.
     */
    static List<String> heapDefault(List<String> jvmArgs, String toolOptions, String jdkOptions) {
        for (String a : allOptions(jvmArgs, toolOptions, jdkOptions)) {
            if (a.startsWith("-Xmx") || a.startsWith("-XX:MaxHeapSize=") || a.startsWith("-XX:MaxRAMPercentage=")
                    || a.startsWith("-XX:MaxRAMFraction=") || a.startsWith("-XX:MaxRAM=")) return List.of();
        }
        return List.of(HEAP_DEFAULT);
    }

    /**
     * Copies the child's standard error as it comes (progress bars redraw with \r), dropping the JVM's
     * own lines at its start: the "Using incubator modules" warning and the count of compiler directives.
     */
    static void relay(InputStream in, OutputStream out) {
        try {
            byte[] line = new byte[128];
            while (true) {
                // a line at a time while it may still be one to drop; anything else is passed on at once
                int n = 0, c = 0;
                while (n < line.length && (c = in.read()) >= 0) {
                    line[n++] = (byte) c;
                    if (c == '\n' || !mayBeDropped(new String(line, 0, n, StandardCharsets.US_ASCII))) break;
                }
                String text = new String(line, 0, n, StandardCharsets.US_ASCII);
                if (c == '\n' && DROPPED.contains(text.strip())) continue;
                out.write(line, 0, n);
                out.flush();
                if (c < 0) return;
                break;
            }
            byte[] buf = new byte[8192];
            for (int r; (r = in.read(buf)) >= 0; ) {
                out.write(buf, 0, r);
                out.flush();
            }
        } catch (IOException e) {
            // the child's error stream closed: nothing more to copy
        }
    }

    private static final List<String> DROPPED = List.of(WARNING, DIRECTIVES_ADDED);

    /** Whether text (the start of a line) may still grow into one of the {@link #DROPPED} lines. */
    private static boolean mayBeDropped(String text) {
        String t = text.replaceFirst("\r?\n?\\z", "");
        boolean ended = t.length() < text.length();   // a \n, or a \r (the first half of \r\n, or a progress bar's)
        for (String d : DROPPED) if (ended ? d.equals(t) : d.startsWith(t)) return true;
        return false;
    }
}
