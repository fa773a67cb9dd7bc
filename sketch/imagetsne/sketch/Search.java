package imagetsne.sketch;

import imagetsne.layout.Item;
import imagetsne.layout.Layout;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** The search field's query: which sprites match it, by file name, label or path. */
final class Search {
    private Search() {}

    /**
     * Per sprite, whether its file name, label or path contains the query (case-insensitive), or matches
     * it as a regular expression when it is written {@code /like this/}.
     *
     * @throws PatternSyntaxException when a {@code /.../} query is not a regular expression
     */
    static boolean[] matches(Scene s, String query) {
        String q = query.trim();
        Predicate<String> test;
        if (q.length() > 2 && q.startsWith("/") && q.endsWith("/")) {
            Pattern p = Pattern.compile(q.substring(1, q.length() - 1), Pattern.CASE_INSENSITIVE);
            test = t -> t != null && p.matcher(t).find();
        } else {
            String low = q.toLowerCase(Locale.ROOT);
            test = t -> t != null && t.toLowerCase(Locale.ROOT).contains(low);
        }
        boolean[] m = new boolean[s.size()];
        for (int i = 0; i < m.length; i++) {
            String path = s.paths.get(i);
            m[i] = test.test(SceneJobs.name(path)) || test.test(s.label(i)) || test.test(path);
        }
        return m;
    }

    static int count(boolean[] m) {
        int c = 0;
        for (boolean b : m) if (b) c++;
        return c;
    }

    /** The matching items, copied, as a layout of their own. */
    static Layout matching(Layout layout, boolean[] m) {
        List<Item> items = new ArrayList<>();
        for (int i = 0; i < Math.min(m.length, layout.size()); i++) if (m[i]) items.add(layout.get(i).copy());
        return new Layout(items);
    }
}
