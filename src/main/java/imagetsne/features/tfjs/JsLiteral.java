package imagetsne.features.tfjs;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;

/**
 * Reads the two kinds of value that nsfwjs's browserify bundles ({@code dist/models/NAME/*.min.js}) export:
 * the model as a minified JavaScript object literal ({@code a.exports={modelTopology:...}}) and each weight
 * shard as a base64 string literal ({@code h.exports="..."}). A minifier writes JSON with unquoted keys,
 * {@code .5} for 0.5 and {@code !0}/{@code !1} for true/false; Jackson reads the first two with its lenient
 * features, and this class rewrites the third outside strings.
 */
final class JsLiteral {
    private JsLiteral() {}

    private static final JsonMapper LENIENT = JsonMapper.builder()
            .enable(JsonReadFeature.ALLOW_UNQUOTED_FIELD_NAMES)
            .enable(JsonReadFeature.ALLOW_LEADING_DECIMAL_POINT_FOR_NUMBERS)
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .enable(JsonReadFeature.ALLOW_SINGLE_QUOTES)
            .build();

    /** The object literal assigned by the first {@code .exports=} in the bundle, as a JSON tree. */
    static JsonNode exportedObject(String js, String what) throws IOException {
        int start = valueStart(js, what);
        if (js.charAt(start) != '{') throw new IOException(what + ": the exported value is not an object literal");
        int end = matchingBrace(js, start, what);
        String json = booleansToJson(js.substring(start, end + 1));
        try (JsonParser p = LENIENT.createParser(json)) {
            p.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
            return LENIENT.readTree(p);
        } catch (IOException e) {
            throw new IOException(what + ": cannot parse the model literal: " + e.getMessage().lines().findFirst().orElse(""), e);
        }
    }

    /** The string literal assigned by the first {@code .exports=} in the bundle (a base64 shard). */
    static String exportedString(String js, String what) throws IOException {
        int start = valueStart(js, what);
        char q = js.charAt(start);
        if (q != '"' && q != '\'') throw new IOException(what + ": the exported value is not a string literal");
        int end = js.indexOf(q, start + 1);
        if (end < 0) throw new IOException(what + ": unterminated string literal (truncated file?)");
        String s = js.substring(start + 1, end);
        if (s.indexOf('\\') >= 0) throw new IOException(what + ": escaped characters in a base64 shard");
        return s;
    }

    private static int valueStart(String js, String what) throws IOException {
        // the UMD wrapper mentions "module.exports=e()" first; the payload is the exports= followed by a literal
        int from = 0;
        while (true) {
            int i = js.indexOf(".exports=", from);
            if (i < 0) throw new IOException(what + ": no exported value found (not an nsfwjs model bundle?)");
            int v = i + ".exports=".length();
            if (v < js.length()) {
                char c = js.charAt(v);
                if (c == '{' || c == '"' || c == '\'') return v;
            }
            from = v;
        }
    }

    private static int matchingBrace(String js, int start, String what) throws IOException {
        int depth = 0;
        char quote = 0;
        for (int i = start; i < js.length(); i++) {
            char c = js.charAt(i);
            if (quote != 0) {
                if (c == '\\') i++;
                else if (c == quote) quote = 0;
                continue;
            }
            if (c == '"' || c == '\'') quote = c;
            else if (c == '{' || c == '[') depth++;
            else if (c == '}' || c == ']') {
                if (--depth == 0) return i;
            }
        }
        throw new IOException(what + ": unbalanced braces in the model literal (truncated file?)");
    }

    /** {@code !0} -> true and {@code !1} -> false, outside string literals. */
    static String booleansToJson(String s) {
        StringBuilder out = new StringBuilder(s.length() + 64);
        char quote = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (quote != 0) {
                out.append(c);
                if (c == '\\' && i + 1 < s.length()) out.append(s.charAt(++i));
                else if (c == quote) quote = 0;
                continue;
            }
            if (c == '"' || c == '\'') quote = c;
            if (c == '!' && i + 1 < s.length() && (s.charAt(i + 1) == '0' || s.charAt(i + 1) == '1')) {
                out.append(s.charAt(i + 1) == '0' ? "true" : "false");
                i++;
                continue;
            }
            out.append(c);
        }
        return out.toString();
    }
}
