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
