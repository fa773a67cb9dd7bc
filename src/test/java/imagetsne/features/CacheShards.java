package imagetsne.features;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.CRC32;

/** Edits feature cache shards on disk the way a bug or another version could, keeping their checksum valid. */
public final class CacheShards {
    private CacheShards() {}

    public static Path onlyShard(Path cacheDir) throws IOException {
        try (Stream<Path> s = Files.walk(cacheDir)) {
            List<Path> shards = s.filter(p -> p.toString().endsWith(".bin") && !p.getParent().getFileName().toString().startsWith("thumbnail-")).toList();
            assertEquals(1, shards.size(), shards.toString());
            return shards.get(0);
        }
    }

    /** Replaces every stored `from` (big-endian float) with `to` and recomputes the trailing CRC32, as a bug or another version could. */
    public static void replaceFloatKeepingChecksum(Path shard, float from, float to) throws IOException {
        byte[] bytes = Files.readAllBytes(shard);
        byte[] f = ByteBuffer.allocate(4).putFloat(from).array(), t = ByteBuffer.allocate(4).putFloat(to).array();
        int replaced = 0;
        for (int i = 0; i + 4 <= bytes.length - 8; i++) {
            if (bytes[i] == f[0] && bytes[i + 1] == f[1] && bytes[i + 2] == f[2] && bytes[i + 3] == f[3]) {
                System.arraycopy(t, 0, bytes, i, 4);
                replaced++;
                i += 3;
            }
        }
        assertTrue(replaced > 0, "the value is in the shard");
        CRC32 crc = new CRC32();
        crc.update(bytes, 0, bytes.length - 8);
        ByteBuffer.wrap(bytes, bytes.length - 8, 8).putLong(crc.getValue());
        Files.write(shard, bytes);
    }
}
