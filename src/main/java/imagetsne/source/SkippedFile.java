package imagetsne.source;

import java.nio.file.Path;

/** A file (or folder) that cannot be used, with a short human reason such as "empty file" or "broken symbolic link: ...". */
public record SkippedFile(Path file, String reason) {}
