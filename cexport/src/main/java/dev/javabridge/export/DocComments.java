package dev.javabridge.export;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Javadoc to the body of a C comment: inline tags become plain text, {@code @param} names become
 * the C names, {@code @return} describes the out-parameter, {@code @throws} says which exceptions
 * become JB_EJAVA, and nothing can close the comment early.
 */
final class DocComments {
    private static final Pattern INLINE = Pattern.compile("\\{@(?:code|literal|link|linkplain|value)\\s*([^}]*)}");
    private static final Pattern PARAM = Pattern.compile("@param\\s+(\\S+)\\s*(.*)", Pattern.DOTALL);
    private static final Pattern THROWS = Pattern.compile("@(?:throws|exception)\\s+(\\S+)\\s*(.*)", Pattern.DOTALL);

    private DocComments() {}

    /**
     * @param javadoc the text from {@code Elements.getDocComment}, or null
     * @param cParamNames Java parameter name to C name
     * @param resultOut the out-parameter that receives the result, or null for void
     * @return lines of text, without comment markers (empty when there is no Javadoc)
     */
    static List<String> toC(String javadoc, Map<String, String> cParamNames, String resultOut) {
        List<String> lines = new ArrayList<>();
        if (javadoc == null || javadoc.isBlank()) {
            return lines;
        }
        List<String> blocks = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String raw : javadoc.strip().split("\\R", -1)) {
            String line = raw.startsWith(" ") ? raw.substring(1) : raw;
            line = line.stripTrailing();
            if (line.startsWith("@")) {
                blocks.add(current.toString());
                current.setLength(0);
            } else if (current.length() > 0) {
                current.append('\n');
            }
            current.append(line);
        }
        blocks.add(current.toString());
        for (int i = 0; i < blocks.size(); i++) {
            String block = clean(blocks.get(i));
            if (i > 0) {
                block = tag(block, cParamNames, resultOut);
                if (block == null) {
                    continue;
                }
            }
            if (block.isEmpty() && i == 0) {
                continue;
            }
            for (String l : block.split("\n", -1)) {
                lines.add(l);
            }
        }
        while (!lines.isEmpty() && lines.get(lines.size() - 1).isBlank()) {
            lines.remove(lines.size() - 1);
        }
        return lines;
    }

    private static String clean(String text) {
        Matcher m = INLINE.matcher(text);
        String s = m.replaceAll(r -> Matcher.quoteReplacement(r.group(1).strip()));
        s = s.replaceAll("(?i)<p>", "\n").replaceAll("(?i)</p>", "");
        return s.replace("*/", "* /").replace("/*", "/ *");
    }

    private static String tag(String block, Map<String, String> cParamNames, String resultOut) {
        Matcher p = PARAM.matcher(block);
        if (p.matches()) {
            String c = cParamNames.get(p.group(1));
            return "@param " + (c != null ? c : p.group(1)) + " " + p.group(2);
        }
        if (block.startsWith("@return")) {
            String text = block.substring("@return".length()).strip();
            return resultOut == null ? null : "@param[out] " + resultOut + " " + text;
        }
        Matcher t = THROWS.matcher(block);
        if (t.matches()) {
            return "@throws " + t.group(1) + " (as JB_EJAVA) " + t.group(2);
        }
        return block;
    }
}
