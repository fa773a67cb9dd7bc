package imagetsne.io;

import static org.junit.jupiter.api.Assertions.*;

import imagetsne.layout.Item;
import imagetsne.layout.Layout;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LayoutJsonTest {
    @TempDir Path dir;

    private Path image(String rel) throws IOException {
        Path p = dir.resolve(rel);
        Files.createDirectories(p.getParent());
        Files.write(p, new byte[] {1, 2, 3});
        return p;
    }

    @Test void roundTripKeepsPathsPointsGridAndLabels() throws IOException {
        Item a = new Item(image("a.png").toString(), "cats", new double[] {0, 0.25});
        Item b = new Item(image("sub/b.png").toString(), null, new double[] {1, 1});
        Item c = new Item(image("c.png").toString(), "dogs", new double[] {0.5, 0});
        a.setGrid(0, 0); b.setGrid(1, 1); c.setGrid(1, 0);
        Layout l = new Layout(List.of(a, b, c));
        l.setGridShape(2, 2);
        Path json = dir.resolve("out/layout.json");
        LayoutJson.write(l, json);
        LayoutJson.Loaded back = LayoutJson.read(json);
        assertEquals(List.of(), back.missing());
        assertEquals(l.items(), back.layout().items());
        assertTrue(back.layout().hasGrid());
        assertEquals(2, back.layout().gridCols());
        try (var s = Files.list(json.getParent())) {
            assertEquals(List.of(json), s.toList(), "no temp files left beside the result");
        }
        assertEquals("rw-r--r--", java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(json)),
                "a new file is readable by others, as a plain write would make it");
    }

    @Test void readsMl4aFilesWithRelativePathsAndRenormalises() throws IOException {
        image("imgs/one.jpg");
        image("imgs/two.jpg");
        Path json = dir.resolve("tsne.json");
        // as ml4a's tSNE-images.py writes it: relative paths, points already 0..1 but here deliberately not
        Files.writeString(json, "[{\"path\": \"imgs/one.jpg\", \"point\": [10.0, -4]}, {\"path\": \"imgs/two.jpg\", \"point\": [30, 6], \"score\": 0.7}]");
        LayoutJson.Loaded r = LayoutJson.read(json);
        Layout l = r.layout();
        assertEquals(2, l.size());
        assertEquals(dir.resolve("imgs/one.jpg").toString(), l.get(0).path());
        assertArrayEquals(new double[] {0, 0}, l.get(0).point(), 1e-12);
        assertArrayEquals(new double[] {1, 1}, l.get(1).point(), 1e-12);
        assertFalse(l.hasGrid());
        assertEquals(Map.of("score", 0.7), l.get(1).extras(), "unknown fields are kept");
        Path again = dir.resolve("again.json");
        LayoutJson.write(l, again);
        assertTrue(Files.readString(again).contains("\"score\":0.7"), "unknown fields survive a re-save");
    }

    @Test void readsAbsolutePathsAndThreeValuePoints() throws IOException {
        Path a = image("x/a.png"), b = image("x/b.png");
        Path json = dir.resolve("elsewhere/l.json");
        Files.createDirectories(json.getParent());
        Files.writeString(json, "[\n {\"path\": \"" + a + "\", \"point\": [0.1, 0.2, 0.3]},\n {\"path\": \"" + b + "\", \"point\": [0.9, 0.8, 0.7]}\n]");
        Layout l = LayoutJson.read(json).layout();
        assertEquals(3, l.dims());
        assertEquals(a.toString(), l.get(0).path());
        assertArrayEquals(new double[] {0, 0, 0}, l.get(0).point(), 1e-12);
    }

    @Test void missingImagesAreReportedAndKept() throws IOException {
        image("here.png");
        Path json = dir.resolve("l.json");
        Files.writeString(json, "[{\"path\":\"here.png\",\"point\":[0,0]},{\"path\":\"gone.png\",\"point\":[1,1]}]");
        LayoutJson.Loaded r = LayoutJson.read(json);
        assertEquals(List.of("gone.png"), r.missing());
        assertEquals(2, r.layout().size());
        assertTrue(r.layout().get(1).missing());
        LayoutJson.write(r.layout(), json);
        assertEquals(2, LayoutJson.read(json).layout().size(), "a re-save loses nothing");
    }

    @Test void urlPathsStayAsWrittenAndAreMissingUntilFetched() throws IOException {
        // an s3:// path must not be taken for a relative file name (s3:/b/...) beside the JSON
        Files.createDirectories(dir.resolve("s3:/bucket/k"));
        Files.write(dir.resolve("s3:/bucket/k/a.png"), new byte[] {1});
        Path json = dir.resolve("l.json");
        Files.writeString(json, "[{\"path\": \"s3://bucket/k/a.png\", \"point\": [0, 0], \"etag\": \"abc\"},"
                + " {\"path\": \"C:/photos/b.png\", \"point\": [1, 1]}]");
        LayoutJson.Loaded l = LayoutJson.read(json);
        Item s3 = l.layout().get(0);
        assertEquals("s3://bucket/k/a.png", s3.path());
        assertTrue(s3.isUrl() && s3.missing());
        assertNull(s3.imageFile(), "no local copy until the S3 source fetches it");
        assertFalse(l.layout().get(1).isUrl(), "a drive letter is not a URL scheme");
        assertEquals(List.of("s3://bucket/k/a.png", "C:/photos/b.png"), l.missing());
        s3.setLocalCopy(image("cache/a.png"));
        assertEquals(dir.resolve("cache/a.png"), s3.imageFile());
        Path out = dir.resolve("again.json");
        LayoutJson.write(l.layout(), out);
        Item back = LayoutJson.read(out).layout().get(0);
        assertEquals("s3://bucket/k/a.png", back.path());
        assertEquals("abc", back.extras().get("etag"));
    }

    @Test void malformedFilesGiveClearErrors() throws IOException {
        Path json = dir.resolve("bad.json");
        Files.writeString(json, "[{\"path\": \"a.png\", \"point\": [0, 1]},\n {\"path\": ");
        IOException e = assertThrows(IOException.class, () -> LayoutJson.read(json));
        assertTrue(e.getMessage().contains("not valid JSON") && e.getMessage().contains("line 2"), e.getMessage());

        Files.writeString(json, "{\"path\": \"a.png\"}");
        e = assertThrows(IOException.class, () -> LayoutJson.read(json));
        assertTrue(e.getMessage().contains("expected a JSON array"), e.getMessage());

        Files.writeString(json, "[{\"path\": \"a.png\", \"point\": [\"left\", 1]}]");
        e = assertThrows(IOException.class, () -> LayoutJson.read(json));
        assertTrue(e.getMessage().contains("item 1") && e.getMessage().contains("non-numeric"), e.getMessage());

        Files.writeString(json, "[{\"point\": [0, 1]}]");
        e = assertThrows(IOException.class, () -> LayoutJson.read(json));
        assertTrue(e.getMessage().contains("\"path\""), e.getMessage());

        e = assertThrows(IOException.class, () -> LayoutJson.read(dir.resolve("nope.json")));
        assertTrue(e.getMessage().contains("no such file"), e.getMessage());
    }
    @Test void byteOrderMarkIsAccepted() throws IOException {
        image("a.png");
        Path json = dir.resolve("bom.json");
        Files.write(json, ("\uFEFF[{\"path\": \"a.png\", \"point\": [0, 1]}, {\"path\": \"a.png\", \"point\": [2, 3]}]")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertEquals((byte) 0xEF, Files.readAllBytes(json)[0], "the file starts with the UTF-8 BOM");
        Layout l = LayoutJson.read(json).layout();
        assertEquals(2, l.size());
        assertArrayEquals(new double[] {1, 1}, l.get(1).point(), 1e-12);
    }

    @Test void invalidUtf8IsReportedWithFileAndPosition() throws IOException {
        Path json = dir.resolve("latin1.json");
        // a path written in ISO-8859-1 on line 3: "caf\u00e9" becomes the single byte 0xE9, not valid UTF-8
        String text = "[\n{\"path\": \"a.png\", \"point\": [0, 1]},\n{\"path\": \"caf\u00e9.png\", \"point\": [2, 3]}\n]\n";
        Files.write(json, text.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
        IOException e = assertThrows(IOException.class, () -> LayoutJson.read(json));
        int offset = text.indexOf('\u00e9'); // one byte per character in ISO-8859-1
        assertEquals("latin1.json: invalid UTF-8 at line 3, column 14 (byte offset " + offset + "); save the file as UTF-8", e.getMessage());
    }

    @Test void extremePointsAreNormalisedNotFlattened() throws IOException {
        image("a.png");
        for (double big : new double[] {1e308, Double.MAX_VALUE}) {
            Path json = dir.resolve("big.json");
            Files.writeString(json, "[{\"path\":\"a.png\",\"point\":[" + (-big) + ", 0]},{\"path\":\"a.png\",\"point\":[" + big
                    + ", 1]},{\"path\":\"a.png\",\"point\":[0, 2]}]");
            Layout l = LayoutJson.read(json).layout();
            // max - min overflows to infinity here; the points must still spread over 0..1
            assertArrayEquals(new double[] {0, 0}, l.get(0).point(), 1e-12, "min at " + big);
            assertArrayEquals(new double[] {1, 0.5}, l.get(1).point(), 1e-12, "max at " + big);
            assertArrayEquals(new double[] {0.5, 1}, l.get(2).point(), 1e-12, "middle at " + big);
        }
        // the other finite extreme: subnormal values, where a careless scale underflows
        Path json = dir.resolve("tiny.json");
        Files.writeString(json, "[{\"path\":\"a.png\",\"point\":[" + (-Double.MIN_VALUE) + ", 0]},{\"path\":\"a.png\",\"point\":["
                + Double.MIN_VALUE + ", 1]},{\"path\":\"a.png\",\"point\":[0, 4]}]");
        Layout l = LayoutJson.read(json).layout();
        assertArrayEquals(new double[] {0, 0}, l.get(0).point(), 1e-12);
        assertArrayEquals(new double[] {1, 0.25}, l.get(1).point(), 1e-12);
        assertArrayEquals(new double[] {0.5, 1}, l.get(2).point(), 1e-12);
        // +-1e308 next to ordinary values keeps their order, not all at 0.5
        Files.writeString(json, "[{\"path\":\"a.png\",\"point\":[-1e308, 0]},{\"path\":\"a.png\",\"point\":[1e308, 1]},"
                + "{\"path\":\"a.png\",\"point\":[5e307, 2]}]");
        assertEquals(0.75, LayoutJson.read(json).layout().get(2).x(), 1e-12);
    }

    @Test void writingUnderAFileSaysWhy() throws IOException {
        Path file = Files.writeString(dir.resolve("ok_three.json"), "[]");
        IOException e = assertThrows(IOException.class, () -> LayoutJson.write(new Layout(List.of()), file.resolve("out.json")));
        assertEquals("cannot write " + file.resolve("out.json") + ": " + file + " is a file, not a folder", e.getMessage());
        assertEquals("[]", Files.readString(file), "the file in the way is untouched");
    }
}
