package imagetsne.sketch;

import java.util.ArrayList;
import java.util.List;
import processing.core.PGraphics;

/** Fitting text into a width with the current font of a PGraphics: cut with "...", or wrapped at spaces. */
final class Text {
    private Text() {}

    static String ellipsize(PGraphics g, String s, float maxW) {
        if (s == null) return "";
        if (g.textWidth(s) <= maxW) return s;
        int lo = 0, hi = s.length();
        while (lo < hi) { // the longest prefix that fits with the dots
            int mid = (lo + hi + 1) / 2;
            if (g.textWidth(s.substring(0, mid) + "...") <= maxW) lo = mid;
            else hi = mid - 1;
        }
        return s.substring(0, lo) + "...";
    }

    /** Lines of at most maxW, broken at spaces (a word longer than a line is cut with "..."); at most maxLines. */
    static List<String> wrap(PGraphics g, String s, float maxW, int maxLines) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : (s == null ? "" : s).split(" ")) {
            String next = line.length() == 0 ? word : line + " " + word;
            if (g.textWidth(next) <= maxW || line.length() == 0) {
                line.setLength(0);
                line.append(next);
            } else {
                lines.add(line.toString());
                line.setLength(0);
                line.append(word);
            }
        }
        lines.add(line.toString());
        if (lines.size() > maxLines) {
            List<String> cut = new ArrayList<>(lines.subList(0, maxLines));
            cut.set(maxLines - 1, ellipsize(g, String.join(" ", lines.subList(maxLines - 1, lines.size())), maxW));
            lines = cut;
        }
        for (int i = 0; i < lines.size(); i++) lines.set(i, ellipsize(g, lines.get(i), maxW));
        return lines;
    }
}
