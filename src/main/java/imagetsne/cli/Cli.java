package imagetsne.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The command line: analyze, tsne, grid, export-dataset (see DESIGN.md: a stable contract). */
@Command(name = "image-tsne-live", mixinStandardHelpOptions = true, version = "image-tsne-live 0.1.0",
        description = "Lay out images by visual similarity: CNN or hand-made features, PCA, t-SNE, grid.%n"
                + "Without a command, the jar opens the sketch on images/.",
        subcommands = {AnalyzeCommand.class, TsneCommand.class, GridCommand.class, ExportDatasetCommand.class})
public final class Cli implements Runnable {
    @Override public void run() {
        new CommandLine(this).usage(System.out);
    }

    /** Runs a command and returns its exit code (0 ok, 1 failure, 2 usage). */
    public static int run(String... args) { return commandLine().execute(args); }

    /** The configured command line, plus extra @Command objects (the launcher adds the sketch's `view`). */
    public static CommandLine commandLine(Object... extraCommands) {
        CommandLine cl = new CommandLine(new Cli());
        for (Object c : extraCommands) cl.addSubcommand(c);
        cl.setExecutionExceptionHandler((ex, cmd, parsed) -> {
            boolean verbose = parsed.hasMatchedOption("--verbose");
            PrintWriter err = cmd.getErr();
            if (verbose) ex.printStackTrace(err);
            String msg = ex.getMessage();
            err.println("error: " + (msg == null || msg.isBlank() ? ex.getClass().getSimpleName() : msg.lines().findFirst().orElse(msg)));
            err.flush();
            return ex instanceof CommandLine.ParameterException || ex instanceof IllegalArgumentException && ex.getMessage() != null
                    && ex.getMessage().startsWith("usage:") ? 2 : 1;
        });
        return cl;
    }

    public static void main(String[] args) { System.exit(run(args)); }
}
