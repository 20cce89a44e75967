package io.tributary.connect;

import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Just enough reading of Java source to see which types of ours a file names. */
final class JavaSource {

    private static final Pattern PACKAGE = Pattern.compile("^\\s*package\\s+([\\w.]+)\\s*;", Pattern.MULTILINE);

    private JavaSource() {
    }

    /** The code with comments and string literals blanked, so that names in them do not count. */
    static String withoutComments(String source) {
        StringBuilder out = new StringBuilder(source.length());
        int i = 0;
        while (i < source.length()) {
            char c = source.charAt(i);
            if (source.startsWith("//", i)) {
                int end = source.indexOf('\n', i);
                i = end < 0 ? source.length() : end;
            } else if (source.startsWith("/*", i)) {
                int end = source.indexOf("*/", i + 2);
                i = end < 0 ? source.length() : end + 2;
                out.append(' ');
            } else if (source.startsWith("\"\"\"", i)) {
                int end = source.indexOf("\"\"\"", i + 3);
                i = end < 0 ? source.length() : end + 3;
                out.append("\"\"");
            } else if (c == '"' || c == '\'') {
                int j = i + 1;
                while (j < source.length() && source.charAt(j) != c) {
                    j += source.charAt(j) == '\\' ? 2 : 1;
                }
                i = j + 1;
                out.append(c).append(c);
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }

    static String packageOf(String code) {
        Matcher m = PACKAGE.matcher(code);
        return m.find() ? m.group(1) : null;
    }

    /** Qualified names under the root: imports (static or not, wildcards as their package) and names in code. */
    static Set<String> referencedTypes(String code, String root) {
        Pattern qualified = Pattern.compile("\\b" + Pattern.quote(root) + "(?:\\.\\w+)+");
        Set<String> names = new TreeSet<>();
        Matcher m = qualified.matcher(code.replaceAll("(?m)^\\s*package\\s+[\\w.]+\\s*;", ""));
        while (m.find()) {
            names.add(m.group());
        }
        return names;
    }
}
