package dev.javabridge.bindgen;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The header's #define constants. clang's AST keeps no macros, so the preprocessor's own
 * listing is read instead ({@code clang -E -dD}: every definition, in place, between line
 * markers that say which file it came from). Object-like macros whose bodies are integer
 * constant expressions or one string literal become Java constants; everything else is reported.
 */
final class Macros {
    record Constant(String name, Object value, String body) {}

    record Rejected(String name, String reason) {}

    final List<Constant> constants = new ArrayList<>();
    final List<Rejected> rejected = new ArrayList<>();

    private static final Pattern LINE_MARKER = Pattern.compile("^# \\d+ \"(.*)\"( \\d+)*$");
    private static final Pattern DEFINE = Pattern.compile("^#define (\\w+)(\\([^)]*\\))?(?: (.*))?$");
    private static final Pattern UNDEF = Pattern.compile("^#undef (\\w+)");
    private static final Pattern STRING = Pattern.compile("^\"((?:[^\"\\\\]|\\\\[\"\\\\])*)\"$");

    static Macros read(String preprocessed, Set<Path> scope) {
        Map<String, String> all = new HashMap<>();
        Map<String, String> mine = new LinkedHashMap<>();
        Map<String, String> mineFunctionLike = new LinkedHashMap<>();
        boolean inScope = false;
        for (String line : preprocessed.split("\n")) {
            Matcher m = LINE_MARKER.matcher(line);
            if (m.matches()) {
                String file = m.group(1);
                inScope = !file.startsWith("<") && scope.contains(Path.of(file).toAbsolutePath().normalize());
                continue;
            }
            Matcher d = DEFINE.matcher(line);
            if (d.matches()) {
                String name = d.group(1);
                String body = d.group(3) == null ? "" : d.group(3).trim();
                if (d.group(2) != null) {
                    all.remove(name);
                    if (inScope) {
                        mine.remove(name);
                        mineFunctionLike.put(name, d.group(2));
                    }
                } else {
                    all.put(name, body);
                    if (inScope) {
                        mine.put(name, body);
                        mineFunctionLike.remove(name);
                    }
                }
                continue;
            }
            Matcher u = UNDEF.matcher(line);
            if (u.find()) {
                all.remove(u.group(1));
                mine.remove(u.group(1));
                mineFunctionLike.remove(u.group(1));
            }
        }
        Macros result = new Macros();
        ExprEval eval = new ExprEval(all);
        for (Map.Entry<String, String> e : mine.entrySet()) {
            String body = e.getValue();
            if (body.isEmpty()) {
                result.rejected.add(new Rejected(e.getKey(), "empty macro (a flag, e.g. an include guard): no value to bind"));
                continue;
            }
            Matcher s = STRING.matcher(body);
            if (s.matches()) {
                result.constants.add(new Constant(e.getKey(), s.group(1).replace("\\\"", "\"").replace("\\\\", "\\"), body));
                continue;
            }
            try {
                result.constants.add(new Constant(e.getKey(), eval.evaluate(e.getKey()), body));
            } catch (ExprEval.NotConstant ex) {
                result.rejected.add(new Rejected(e.getKey(), "not an integer constant expression (" + ex.getMessage() + "): " + body));
            }
        }
        for (Map.Entry<String, String> e : mineFunctionLike.entrySet()) {
            result.rejected.add(new Rejected(e.getKey() + e.getValue(),
                    "function-like macro: it has no address and no types, so there is nothing to call through JNI"));
        }
        return result;
    }
}
