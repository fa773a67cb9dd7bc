package imagetsne.cli;

/** The command line: analyze, tsne, grid, export-dataset. */
public final class Cli {
    private Cli() {}

    /** Runs a command and returns its exit code (0 ok, 1 failure, 2 usage). */
    public static int run(String... args) {
        throw new UnsupportedOperationException("TODO lead");
    }

    public static void main(String[] args) { System.exit(run(args)); }
}
