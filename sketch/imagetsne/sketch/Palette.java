package imagetsne.sketch;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One distinct colour per label (folder name or label column), in order of first appearance, for frames and the legend. */
final class Palette {
    // Tableau 20's strong half, then its light half: distinct on a dark background
    private static final int[] COLOURS = {
        0xFF4E79A7, 0xFFF28E2B, 0xFFE15759, 0xFF76B7B2, 0xFF59A14F, 0xFFEDC948, 0xFFB07AA1, 0xFFFF9DA7,
        0xFF9C755F, 0xFFBAB0AC, 0xFFA0CBE8, 0xFFFFBE7D, 0xFF8CD17D, 0xFFB6992D, 0xFFF1CE63, 0xFF86BCB6,
        0xFFD37295, 0xFFFABFD2, 0xFFD4A6C8, 0xFF79706E};

    private final Map<String, Integer> index = new LinkedHashMap<>();

    /** The colour of a label (ARGB), 0 for none. */
    int colour(String label) {
        if (label == null || label.isEmpty()) return 0;
        int i = index.computeIfAbsent(label, k -> index.size());
        return COLOURS[i % COLOURS.length];
    }

    /** The labels in reading order ("digit 2" before "digit 10"), for the legend. */
    List<String> labels() {
        List<String> l = new ArrayList<>(index.keySet());
        l.sort(Palette::natural);
        return l;
    }

    /** Compares runs of digits by their value and the rest as text, ignoring case. */
    static int natural(String a, String b) {
        int i = 0, j = 0;
        while (i < a.length() && j < b.length()) {
            char ca = a.charAt(i), cb = b.charAt(j);
            if (Character.isDigit(ca) && Character.isDigit(cb)) {
                int si = i, sj = j;
                while (i < a.length() && Character.isDigit(a.charAt(i))) i++;
                while (j < b.length() && Character.isDigit(b.charAt(j))) j++;
                String na = a.substring(si, i).replaceFirst("^0+(?=.)", ""), nb = b.substring(sj, j).replaceFirst("^0+(?=.)", "");
                int c = na.length() != nb.length() ? Integer.compare(na.length(), nb.length()) : na.compareTo(nb);
                if (c != 0) return c;
            } else {
                int c = Character.compare(Character.toLowerCase(ca), Character.toLowerCase(cb));
                if (c != 0) return c;
                i++;
                j++;
            }
        }
        int c = Integer.compare(a.length() - i, b.length() - j);
        return c != 0 ? c : a.compareTo(b);
    }

    int size() { return index.size(); }

    /** The same colours for the same labels as another palette. */
    void copyFrom(Palette other) {
        index.clear();
        index.putAll(other.index);
    }
}
