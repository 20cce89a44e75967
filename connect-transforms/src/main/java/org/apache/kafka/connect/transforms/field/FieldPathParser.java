package org.apache.kafka.connect.transforms.field;

import java.util.ArrayList;
import java.util.List;

import org.apache.kafka.common.config.ConfigException;

/**
 * Splits a {@link FieldSyntaxVersion#V2} path into field names. Names are separated by dots. A
 * name that starts with a backtick runs to the next backtick that is followed by a dot or by the
 * end of the path; inside it, dots are literal and a backslash keeps the backtick after it from
 * closing the name. The empty path names no field at all.
 */
final class FieldPathParser {

    private static final char DOT = '.';
    private static final char BACKTICK = '`';
    private static final char BACKSLASH = '\\';

    private final String path;
    private final List<String> names = new ArrayList<>();
    private int position;

    private FieldPathParser(String path) {
        this.path = path;
    }

    static List<String> parse(String path) {
        return new FieldPathParser(path).parseAll();
    }

    private List<String> parseAll() {
        if (path.isEmpty()) {
            return List.of();
        }
        while (true) {
            if (path.charAt(position) == BACKTICK) {
                readQuotedName();
            } else {
                readPlainName();
            }
            if (position >= path.length()) {
                return List.copyOf(names);
            }
            position++; // the dot separating this name from the next
            if (position == path.length()) {
                // A trailing dot leaves one more, empty, name.
                names.add("");
                return List.copyOf(names);
            }
        }
    }

    private void readPlainName() {
        int dot = path.indexOf(DOT, position);
        int end = dot < 0 ? path.length() : dot;
        names.add(path.substring(position, end));
        position = end;
    }

    private void readQuotedName() {
        int open = position;
        int close = findClosingBacktick(open);
        names.add(unescape(path.substring(open + 1, close)));
        position = close + 1;
    }

    private int findClosingBacktick(int open) {
        for (int i = open + 1; i < path.length(); i++) {
            if (path.charAt(i) == BACKTICK && path.charAt(i - 1) != BACKSLASH && endsName(i + 1)) {
                return i;
            }
        }
        throw new ConfigException("Incomplete backtick pair in path: [" + path + "], consider adding a backslash"
                + " before backtick at position " + open + " to escape it");
    }

    private boolean endsName(int index) {
        return index == path.length() || path.charAt(index) == DOT;
    }

    /** Only an escape that was needed (a backtick before a dot) loses its backslash. */
    private static String unescape(String quoted) {
        return quoted.replace("\\`.", "`.");
    }
}
