package imagetsne.sketch;

import imagetsne.cli.Cli;
import imagetsne.cli.Relaunch;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalInt;

/**
 * The jar's entry point: no arguments opens the sketch on the bundled images/; `view` opens it on a
 * layout or folder; analyze, tsne, grid and export-dataset are the headless engine commands.
 */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        OptionalInt relaunched = Relaunch.withVectorApi(Main.class.getName(), args);
        if (relaunched.isPresent()) System.exit(relaunched.getAsInt());
        int code = run(args);
        if (code != ViewCommand.KEEP_RUNNING) System.exit(code);
    }

    /** Exit code of a command, or {@link ViewCommand#KEEP_RUNNING} when a window was opened. */
    public static int run(String... args) {
        if (args.length == 0 || args[0].startsWith("--analyze") || args[0].startsWith("--load") || args[0].startsWith("--renderer")
                || args[0].startsWith("--size")) {
            String[] view = new String[args.length + 1];
            view[0] = "view";
            System.arraycopy(args, 0, view, 1, args.length);
            args = view;
        }
        return Cli.execute(Cli.commandLine(args, new ViewCommand()), args);
    }

    /** The folder holding images/ and data/: the working directory, else the jar's project (target/..). */
    static Path projectHome() {
        Path cwd = Path.of("").toAbsolutePath();
        if (Files.isDirectory(cwd.resolve("images"))) return cwd;
        try {
            Path jar = Path.of(Main.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            for (Path p = jar.getParent(); p != null; p = p.getParent())
                if (Files.isDirectory(p.resolve("images")) && Files.isDirectory(p.resolve("data"))) return p;
        } catch (URISyntaxException | RuntimeException e) {
            // fall through to the working directory
        }
        return cwd;
    }
}
