package imagetsne.io;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

/**
 * Writes through a temp file in the target's folder, synced to disk, then renamed over the target, so a
 * crash or power cut leaves the old file or the new one, never a half file.
 *
 * <p>Temp files are named {@code .NAME.<n>.tmp} and stay locked while written. A process killed mid-write
 * leaves its temp file behind, unlocked: the next write to that folder deletes such files. A live writer's
 * temp file, in this process or another, is never touched, because it is locked or listed in {@link #IN_FLIGHT}.
 */
public final class AtomicFiles {
    private AtomicFiles() {}

    private static final Pattern TEMP = Pattern.compile("\\..+\\.[0-9]+\\.tmp");
    /** Temp files this JVM is writing: closing any channel of a locked file would drop its POSIX lock. */
    private static final Set<Path> IN_FLIGHT = ConcurrentHashMap.newKeySet();

    @FunctionalInterface
    public interface Writer { void write(OutputStream out) throws IOException; }

    public static void write(Path target, Writer writer) throws IOException {
        Path abs = target.toAbsolutePath();
        Path dir = abs.getParent();
        if (dir == null || abs.getFileName() == null) throw new IOException("cannot write " + target + ": not a file name");
        if (Files.isDirectory(abs)) throw new IOException("cannot write " + abs + ": it is a folder, not a file");
        createFolders(abs, dir);
        removeStaleTemps(dir);
        Temp t = null;
        try {
            t = openLockedTemp(dir, abs.getFileName().toString());
            try (FileChannel ch = t.channel) {
                OutputStream out = new BufferedOutputStream(Channels.newOutputStream(ch), 1 << 16);
                writer.write(out);
                out.flush();
                ch.force(true);
                keepUsualPermissions(t.path, abs);
                try {
                    Files.move(t.path, abs, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(t.path, abs, StandardCopyOption.REPLACE_EXISTING);
                }
            }
            syncFolder(dir);
        } catch (AccessDeniedException e) {
            throw new IOException("cannot write " + abs + ": folder " + dir + " is not writable (permission denied)", e);
        } finally {
            if (t != null) {
                Files.deleteIfExists(t.path);
                IN_FLIGHT.remove(t.path);
            }
        }
    }

    private record Temp(Path path, FileChannel channel) {}

    /** A new temp file beside the target, created by us and locked by us. */
    private static Temp openLockedTemp(Path dir, String name) throws IOException {
        while (true) {
            Path tmp = dir.resolve("." + name + "." + ThreadLocalRandom.current().nextLong(Long.MAX_VALUE) + ".tmp");
            IN_FLIGHT.add(tmp);
            FileChannel ch;
            try {
                ch = FileChannel.open(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
            } catch (java.nio.file.FileAlreadyExistsException e) {
                IN_FLIGHT.remove(tmp);
                continue;
            } catch (IOException e) {
                IN_FLIGHT.remove(tmp);
                throw e;
            }
            try {
                ch.lock();
                // another process's cleaner may have locked and deleted it between create and lock: take a new name
                if (Files.exists(tmp, LinkOption.NOFOLLOW_LINKS)) return new Temp(tmp, ch);
            } catch (IOException | RuntimeException e) {
                ch.close();
                Files.deleteIfExists(tmp);
                IN_FLIGHT.remove(tmp);
                throw e;
            }
            ch.close();
            IN_FLIGHT.remove(tmp);
        }
    }

    public static void writeString(Path target, String text) throws IOException {
        write(target, out -> out.write(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }

    /**
     * Checks, before any long work, that {@link #write} can later write target: an existing folder on its
     * path must be a folder and must let us create files. Creates nothing that stays.
     *
     * @throws IOException "cannot write PATH: REASON", one line
     */
    public static void checkWritable(Path target) throws IOException {
        Path abs = target.toAbsolutePath();
        if (abs.getParent() == null || abs.getFileName() == null) throw new IOException("cannot write " + target + ": not a file name");
        if (Files.isDirectory(abs)) throw new IOException("cannot write " + abs + ": it is a folder, not a file");
        Path existing = abs.getParent();
        while (existing != null && !Files.exists(existing)) existing = existing.getParent();
        if (existing == null) throw new IOException("cannot write " + abs + ": no existing folder on its path");
        if (!Files.isDirectory(existing)) throw new IOException("cannot write " + abs + ": " + existing + " is a file, not a folder");
        Path probe = existing.resolve("." + abs.getFileName() + "." + ThreadLocalRandom.current().nextLong(Long.MAX_VALUE) + ".tmp");
        try {
            Files.newByteChannel(probe, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE).close();
        } catch (AccessDeniedException e) {
            throw new IOException("cannot write " + abs + ": folder " + existing + " is not writable (permission denied)");
        } catch (FileSystemException e) {
            throw new IOException("cannot write " + abs + ": folder " + existing + " is not writable (" + reason(e) + ")");
        } finally {
            Files.deleteIfExists(probe);
        }
    }

    /** Deletes the temp files of writes that were killed mid-way: unlocked .NAME.<n>.tmp files in dir. */
    static int removeStaleTemps(Path dir) {
        int removed = 0;
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir, p -> TEMP.matcher(p.getFileName().toString()).matches())) {
            for (Path p : ds) {
                if (IN_FLIGHT.contains(p) || !Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) continue;
                try (FileChannel ch = FileChannel.open(p, StandardOpenOption.WRITE); FileLock lock = ch.tryLock()) {
                    if (lock == null) continue; // a live writer in another process
                    Files.delete(p);
                    removed++;
                } catch (OverlappingFileLockException | IOException e) {
                    // in use by this JVM, not ours to delete, or already gone: leave it
                }
            }
        } catch (IOException e) {
            // a folder we cannot list: the write itself will say why it fails
        }
        return removed;
    }

    private static void createFolders(Path abs, Path dir) throws IOException {
        if (Files.isDirectory(dir)) return;
        for (Path p = dir; p != null; p = p.getParent()) {
            if (Files.exists(p) && !Files.isDirectory(p)) throw new IOException("cannot write " + abs + ": " + p + " is a file, not a folder");
        }
        try {
            Files.createDirectories(dir);
        } catch (AccessDeniedException e) {
            throw new IOException("cannot write " + abs + ": cannot create folder " + dir + " (permission denied)", e);
        } catch (FileSystemException e) {
            throw new IOException("cannot write " + abs + ": cannot create folder " + dir + " (" + reason(e) + ")", e);
        }
    }

    /** The rename is durable only once the folder entry is on disk; Windows cannot open folders and does not need it. */
    private static void syncFolder(Path dir) {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            // not supported here: the file's own fsync still holds
        }
    }

    private static String reason(FileSystemException e) {
        return e.getReason() != null ? e.getReason() : e.getClass().getSimpleName();
    }

    /** New temp files get the target's mode or the usual rw-r--r--, not the umask's whims. */
    private static void keepUsualPermissions(Path tmp, Path target) {
        try {
            if (!Files.getFileStore(tmp).supportsFileAttributeView("posix")) return;
            var perms = Files.exists(target) ? Files.getPosixFilePermissions(target)
                    : java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--");
            Files.setPosixFilePermissions(tmp, perms);
        } catch (IOException | UnsupportedOperationException e) {
            // permissions are a nicety; the content is what matters
        }
    }
}
