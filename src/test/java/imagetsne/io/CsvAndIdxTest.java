package imagetsne.io;

import static org.junit.jupiter.api.Assertions.*;

import imagetsne.testing.SharedData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvAndIdxTest {
    @TempDir Path dir;

    @Test void csvWithHeaderAndLabelColumn() throws IOException {
        Path f = dir.resolve("a.csv");
        Files.writeString(f, "a,b,label\n1,2,cat\n3.5,-4e-1,dog\n\n");
        CsvMatrix.Table t = CsvMatrix.read(f, 0);
        assertArrayEquals(new String[] {"a", "b", "label"}, t.header());
        assertEquals(2, t.size());
        assertEquals(2, t.columns());
        assertArrayEquals(new double[] {3.5, -0.4}, t.rows()[1], 1e-12);
        assertArrayEquals(new String[] {"cat", "dog"}, t.labels());
    }

    @Test void csvWithoutHeaderAndLimit() throws IOException {
        Path f = dir.resolve("b.csv");
        Files.writeString(f, "1,2,3\n4,5,6\n7,8,9\n");
        CsvMatrix.Table t = CsvMatrix.read(f, 2);
        assertNull(t.header());
        assertNull(t.labels());
        assertEquals(2, t.size());
        assertArrayEquals(new double[] {4, 5, 6}, t.rows()[1]);
    }

    @Test void csvErrorsNameTheLine() throws IOException {
        Path f = dir.resolve("c.csv");
        Files.writeString(f, "x,y\n1,2\n3\n");
        IOException e = assertThrows(IOException.class, () -> CsvMatrix.read(f, 0));
        assertTrue(e.getMessage().contains("line 3"), e.getMessage());
    }

    @Test void quotedFirstRowIsDataNotAHeader() throws IOException {
        Path f = dir.resolve("q.csv");
        // "1,2" unquotes to a decimal-comma number that Java does not parse; 3 and 4 are numbers: not a header
        Files.writeString(f, "\"1,2\",3,4\n5,6,7\n8,9,10\n");
        IOException e = assertThrows(IOException.class, () -> CsvMatrix.read(f, 0));
        assertEquals("q.csv: line 1, column 1: not a number: \"1,2\"", e.getMessage());
        // with dots it is three rows of data
        Files.writeString(f, "\"1.2\",3,4\n5,6,7\n");
        CsvMatrix.Table t = CsvMatrix.read(f, 0);
        assertNull(t.header());
        assertEquals(2, t.size());
        assertArrayEquals(new double[] {1.2, 3, 4}, t.rows()[0]);
        // a real header (no numbers at all), quoted or not
        Files.writeString(f, "\"x, first\",y,label\n1,2,cat\n3,4,dog\n");
        t = CsvMatrix.read(f, 0);
        assertArrayEquals(new String[] {"x, first", "y", "label"}, t.header());
        assertEquals(2, t.size());
        // pandas' to_csv() with its index: a blank name, then column names 0, 1
        Files.writeString(f, ",0,1\n0,0.5,0.25\n1,0.75,1\n");
        t = CsvMatrix.read(f, 0);
        assertNotNull(t.header());
        assertArrayEquals(new double[] {1, 0.75, 1}, t.rows()[1]);
        // a label column is non-numeric in most rows, numeric-looking labels included
        Files.writeString(f, "a,1,2\nb,3,4\n7,5,6\n");
        t = CsvMatrix.read(f, 0);
        assertArrayEquals(new String[] {"a", "b", "7"}, t.labels());
        assertArrayEquals(new double[] {5, 6}, t.rows()[2]);
    }

    @Test void nonFiniteValuesNameTheLineFromOne() throws IOException {
        Path f = dir.resolve("nan.csv");
        Files.writeString(f, "1,2\nNaN,3\n");
        IOException e = assertThrows(IOException.class, () -> CsvMatrix.read(f, 0));
        assertEquals("nan.csv: line 2, column 1: not a finite number: NaN", e.getMessage());
        Files.writeString(f, "x,y\n1,2\n\n3,-Infinity\n");
        e = assertThrows(IOException.class, () -> CsvMatrix.read(f, 0));
        assertEquals("nan.csv: line 4, column 2: not a finite number: -Infinity", e.getMessage(), "the blank line 3 counts");
        Files.writeString(f, "x,y\n\n1,2\n3\n");
        e = assertThrows(IOException.class, () -> CsvMatrix.read(f, 0));
        assertEquals("nan.csv: line 4 has 1 columns, expected 2", e.getMessage());
    }

    @Test void byteOrderMarkAndInvalidUtf8() throws IOException {
        Path f = dir.resolve("bom.csv");
        Files.write(f, "\uFEFF1,2\n3,4\n".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        CsvMatrix.Table t = CsvMatrix.read(f, 0);
        assertNull(t.header(), "the BOM is not glued to the first value, which would make the row a header");
        assertEquals(2, t.size());
        assertArrayEquals(new double[] {1, 2}, t.rows()[0]);

        Path g = dir.resolve("latin1.csv");
        Files.write(g, "x,label\n1,caf\u00e9\n2,tea\n".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
        IOException e = assertThrows(IOException.class, () -> CsvMatrix.read(g, 0));
        assertEquals("latin1.csv: invalid UTF-8 at line 2, column 6 (byte offset 13); save the file as UTF-8", e.getMessage());
    }

    @Test void writtenCsvReadsBack() throws IOException {
        Path f = dir.resolve("o.csv");
        double[][] rows = {{0.1, -2}, {1e-9, 3}};
        CsvMatrix.write(f, new String[] {"x", "y"}, rows);
        assertTrue(Files.readString(f).startsWith("x,y\n"));
        assertArrayEquals(rows[1], CsvMatrix.read(f, 0).rows()[1]);
    }

    @Test void idxReadsRealMnist() throws IOException {
        Idx.Images imgs = Idx.readImages(SharedData.mnistImages(), 500);
        int[] labels = Idx.readLabels(SharedData.mnistLabels(), 500);
        assertEquals(500, imgs.count());
        assertEquals(28, imgs.rows());
        assertEquals(500, labels.length);
        float[] first = imgs.image(0);
        double ink = 0;
        for (float v : first) { assertTrue(v >= 0 && v <= 255); ink += v; }
        assertTrue(ink > 10 * 255, "a digit has ink");
        int[] counts = new int[10];
        for (int l : labels) counts[l]++;
        for (int c : counts) assertTrue(c > 20, "the prefix is class-balanced");
    }

    @Test void idxRejectsWrongMagic() throws IOException {
        IOException e = assertThrows(IOException.class, () -> Idx.readImages(SharedData.mnistLabels(), 10));
        assertTrue(e.getMessage().contains("not an IDX image file"), e.getMessage());
    }
}
