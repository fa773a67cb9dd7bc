package imagetsne.cli;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/**
 * A class-data-sharing archive (AppCDS) of the classes a headless command loads, for the relaunched JVM:
 * the first run of a command writes it at exit into the user's cache, later runs map it instead of
 * loading and verifying the same ~1,900 classes again. One archive per command and per build of the app
 * and JDK (their paths, sizes and dates name it), so a rebuilt jar never meets an old archive; the JVM
 * ignores an archive it cannot use, and its CDS messages are switched off either way.
 * Off with -Dimagetsne.cds=false.
 */
final class ClassArchive {
    private static final String PREFIX = "cds-";
    private final Path archive, pending;

    private ClassArchive(Path archive, Path pending) {
        this.archive = archive;
        this.pending = pending;
    }

    /**
     * The archive for this command in this build, or null: not a headless command, help or version
     * asked for, CDS options of the user's, switched off, or no cache folder to write to.
     */
    static ClassArchive forCommand(String[] args, List<String> headless, List<String> jvmArgs, String classPath, String javaHome) {
        if (args.length == 0 || !headless.contains(args[0]) || "false".equals(System.getProperty("imagetsne.cds"))) return null;
        for (String a : jvmArgs) if (a.startsWith("-Xshare") || a.contains("SharedArchiveFile") || a.contains("ArchiveClassesAtExit")) return null;
        if (Relaunch.asksForHelp(args)) return null;
        return in(cacheDir(), args[0], classPath, javaHome);
    }

    /** The archive of a command in the folder dir (null: none), made when missing. */
    static ClassArchive in(Path dir, String command, String classPath, String javaHome) {
        if (dir == null) return null;
        try {
            Files.createDirectories(dir);
        } catch (IOException | RuntimeException e) {
            return null;
        }
        String name = PREFIX + command + "-" + Long.toHexString(buildKey(classPath, javaHome)) + ".jsa";
        return new ClassArchive(dir.resolve(name), dir.resolve(name + "." + ProcessHandle.current().pid() + ".tmp"));
    }

    /** JVM options that use the archive, or write it at exit when there is none yet. */
    List<String> jvmOptions() {
        String use = Files.isRegularFile(archive) ? "-XX:SharedArchiveFile=" + archive : "-XX:ArchiveClassesAtExit=" + pending;
        return List.of(use, "-Xlog:cds*=off");
    }

    /**
     * After the child's exit: a new archive is put in place (atomically: a concurrent first run may be
     * writing its own), older builds' archives of the command are deleted. Best effort: a cache that
     * cannot be written costs only the speed-up.
     */
    void settle(int exitCode) {
        if (!Files.isRegularFile(pending)) return;
        try {
            if (exitCode != 0) {
                Files.deleteIfExists(pending);
                return;
            }
            try {
                Files.move(pending, archive, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(pending, archive, StandardCopyOption.REPLACE_EXISTING);
            }
            String command = archive.getFileName().toString().substring(0, archive.getFileName().toString().lastIndexOf('-') + 1);
            try (DirectoryStream<Path> old = Files.newDirectoryStream(archive.getParent(), command + "*.jsa")) {
                for (Path p : old) if (!p.equals(archive)) Files.deleteIfExists(p);
            }
        } catch (IOException | RuntimeException e) {
            // no archive this time
        }
    }

    Path archive() { return archive; }

    /** The folder for the archives: $XDG_CACHE_HOME or ~/.cache, then image-tsne-live. */
    static Path cacheDir() {
        String xdg = System.getenv("XDG_CACHE_HOME");
        String home = System.getProperty("user.home");
        if (xdg != null && !xdg.isBlank()) return Path.of(xdg, "image-tsne-live");
        if (home == null || home.isBlank() || home.equals("?")) return null;
        return Path.of(home, ".cache", "image-tsne-live");
    }

    /** A hash of the JDK and of every class path entry with its size and date: any rebuild changes it. */
    static long buildKey(String classPath, String javaHome) {
        StringBuilder key = new StringBuilder(System.getProperty("java.vm.version", "")).append('|').append(javaHome);
        for (String entry : classPath.split(java.io.File.pathSeparator)) {
            Path p = Path.of(entry).toAbsolutePath();
            key.append('|').append(p);
            try {
                key.append(':').append(Files.size(p)).append(':').append(Files.getLastModifiedTime(p).toMillis());
            } catch (IOException | RuntimeException e) {
                key.append(":none");
            }
        }
        long h = 1125899906842597L;
        for (byte b : key.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8)) h = 31 * h + b;
        return h & Long.MAX_VALUE;
    }
}
