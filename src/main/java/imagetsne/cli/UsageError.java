package imagetsne.cli;

/** A command line that cannot run as given: exit code 2, one line and a pointer to --help. */
public final class UsageError extends RuntimeException {
    public UsageError(String message) { super(message); }

    /** Runs a step that checks options (the engine's checkValidity, parsers) and turns its complaint into a usage error. */
    public static <T> T check(java.util.function.Supplier<T> step) {
        try {
            return step.get();
        } catch (IllegalArgumentException e) {
            throw new UsageError(e.getMessage());
        }
    }
}
