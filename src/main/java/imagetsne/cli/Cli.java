package imagetsne.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The command line: analyze, tsne, grid, export-dataset (see DESIGN.md: a stable contract). */
@Command(name = "image-tsne-live", mixinStandardHelpOptions = true, version = "image-tsne-live 0.1.0",
        description = "Lay out images by visual similarity: CNN or hand-made features, PCA, t-SNE, grid.%n"
                + "Without a command, the jar opens the sketch on images/.")
public final class Cli implements Runnable {
    /** The engine's commands (see {@link #commandLine}). */
    static final List<Class<?>> COMMANDS = List.of(AnalyzeCommand.class, TsneCommand.class, GridCommand.class, ExportDatasetCommand.class);
    /** picocli's switch for its Groovy closure support. */
    static final String NO_CLOSURES = "picocli.disable.closures";

    // Before any command line of this class is built: picocli looks for Groovy's closure class first, and a
    // class that is in no jar is looked up in every one: all 133 are opened, which took ~0.13 s of each
    // command's start. No command here is Groovy.
    static {
        if (System.getProperty(NO_CLOSURES) == null) System.setProperty(NO_CLOSURES, "true");
    }

    @Override public void run() {
        new CommandLine(this).usage(System.out);
    }

    /** Runs a command and returns its exit code (0 ok, 1 failure, 2 usage). */
    public static int run(String... args) { return execute(commandLine(args), args); }

    /** Executes with one clear line instead of a stack trace when the heap runs out. */
    public static int execute(CommandLine cl, String... args) {
        try {
            return cl.execute(args);
        } catch (OutOfMemoryError e) {
            long mb = Runtime.getRuntime().maxMemory() >> 20;
            System.err.println("error: out of memory (heap " + mb + " MB): analyze fewer images (--max-images N), or give Java more (java -Xmx8g -jar ...)");
            return 1;
        }
    }

    /**
     * The configured command line for these arguments, plus extra @Command objects (the launcher adds the
     * sketch's `view`). Errors are one line: a usage error (picocli's, or a {@link UsageError}) adds where
     * to find help and exits with 2; any other failure exits with 1, with a stack trace only under --verbose.
     *
     * <p>When the first argument names a command, only that command is built: picocli reads every option of
     * every command it is given, by reflection, and building all five took about 0.2 s of each run's start.
     * Otherwise (no command, --help, a misspelt one) all are there, to be listed or suggested.
     */
    public static CommandLine commandLine(String[] argv, Object... extraCommands) {
        CommandLine cl = new CommandLine(new Cli());
        String asked = argv.length > 0 ? argv[0] : null;
        List<Object> all = new ArrayList<>(COMMANDS);
        all.addAll(List.of(extraCommands));
        boolean one = false;
        for (Object c : all) one |= name(c).equals(asked);
        for (Object c : all) if (!one || name(c).equals(asked)) cl.addSubcommand(c);
        // wide enough that picocli's line breaking (which may break after '.' and '/') leaves file names whole
        cl.setUsageHelpWidth(110);
        cl.setUsageHelpAutoWidth(true);
        cl.setParameterExceptionHandler((ex, args) -> usage(ex.getCommandLine(), ex.getMessage()));
        cl.setExecutionExceptionHandler((ex, cmd, parsed) -> {
            if (ex instanceof UsageError) return usage(cmd, ex.getMessage());
            boolean verbose = parsed.hasMatchedOption("--verbose");
            PrintWriter err = cmd.getErr();
            if (verbose) ex.printStackTrace(err);
            String msg = ex.getMessage();
            err.println("error: " + (msg == null || msg.isBlank() ? ex.getClass().getSimpleName() : msg.lines().findFirst().orElse(msg)));
            err.flush();
            return 1;
        });
        return cl;
    }

    /** The @Command name of a command class or object. */
    private static String name(Object command) {
        return (command instanceof Class<?> c ? c : command.getClass()).getAnnotation(Command.class).name();
    }

    private static int usage(CommandLine cmd, String message) {
        PrintWriter err = cmd.getErr();
        err.println("error: " + (message == null ? "bad command line" : message.lines().findFirst().orElse(message)));
        err.println("see: " + cmd.getCommandSpec().qualifiedName() + " --help");
        err.flush();
        return 2;
    }

    public static void main(String[] args) { System.exit(run(args)); }
}
