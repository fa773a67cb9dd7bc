package imagetsne.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Finds where a text file stops being UTF-8, for messages that say where to look. Parsers report
 * encoding errors without a usable position (Java's readers say "Input length = 1"); this second pass
 * runs only once a read has failed.
 */
final class Utf8 {
    private Utf8() {}

    /** "line L, column C (byte offset O)" of the first invalid UTF-8 sequence (1-based line and column), or null when there is none. */
    static String locateInvalid(Path file) throws IOException {
        CharsetDecoder dec = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer bytes = ByteBuffer.allocate(1 << 16);
        CharBuffer chars = CharBuffer.allocate(1 << 16);
        long before = 0, line = 1, column = 1;
        try (InputStream in = Files.newInputStream(file)) {
            boolean eof = false;
            while (true) {
                if (!eof) {
                    int n = in.read(bytes.array(), bytes.position(), bytes.remaining());
                    if (n < 0) eof = true;
                    else bytes.position(bytes.position() + n);
                }
                bytes.flip();
                CoderResult r;
                do {
                    r = dec.decode(bytes, chars, eof);
                    chars.flip();
                    while (chars.hasRemaining()) {
                        char c = chars.get();
                        if (c == '\n') { line++; column = 1; }
                        else if (!Character.isLowSurrogate(c)) column++;
                    }
                    chars.clear();
                } while (r.isOverflow());
                if (r.isError()) return "line " + line + ", column " + column + " (byte offset " + (before + bytes.position()) + ")";
                if (eof) return null;
                before += bytes.position();
                bytes.compact();
            }
        }
    }

    /** The one-line reason for a file that is not UTF-8: where, and what to do. */
    static String invalidMessage(Path file, String where) {
        return file.getFileName() + ": invalid UTF-8 at " + where + "; save the file as UTF-8";
    }
}
