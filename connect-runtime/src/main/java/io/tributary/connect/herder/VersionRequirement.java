package io.tributary.connect.herder;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * A requested plugin version: a plain version, which must match exactly, or Maven-style ranges such as
 * {@code [1.0,2.0)} or {@code [1.0,2.0),[3.0,)}. Versions compare by their numeric dot-separated parts.
 */
final class VersionRequirement {

    private final String text;
    private final List<String[]> ranges = new ArrayList<>();
    private final boolean plain;

    private VersionRequirement(String text) {
        this.text = text.trim();
        this.plain = !(this.text.startsWith("[") || this.text.startsWith("("));
        if (!plain) {
            parseRanges();
        }
    }

    static VersionRequirement parse(String text) {
        return new VersionRequirement(text);
    }

    boolean matches(String version) {
        if (plain) {
            return text.equals(version);
        }
        return ranges.stream().anyMatch(range -> inRange(range, version));
    }

    /** The requirement as Kafka Connect prints it: a plain version becomes the range of itself. */
    String asRange() {
        return plain ? "[" + text + "," + text + "]" : text;
    }

    private void parseRanges() {
        int start = 0;
        while (start < text.length()) {
            int end = indexOfClose(start);
            String range = text.substring(start, end + 1);
            String[] bounds = range.substring(1, range.length() - 1).split(",", -1);
            String low = bounds[0].trim();
            String high = bounds.length > 1 ? bounds[1].trim() : low;
            ranges.add(new String[]{range.substring(0, 1), low, high, range.substring(range.length() - 1)});
            start = end + 1;
            while (start < text.length() && (text.charAt(start) == ',' || text.charAt(start) == ' ')) {
                start++;
            }
        }
    }

    private int indexOfClose(int from) {
        for (int i = from + 1; i < text.length(); i++) {
            if (text.charAt(i) == ']' || text.charAt(i) == ')') {
                return i;
            }
        }
        return text.length() - 1;
    }

    private static boolean inRange(String[] range, String version) {
        boolean aboveLow = range[1].isEmpty() || compare(version, range[1]) > 0
                || (range[0].equals("[") && compare(version, range[1]) == 0);
        boolean belowHigh = range[2].isEmpty() || compare(version, range[2]) < 0
                || (range[3].equals("]") && compare(version, range[2]) == 0);
        return aboveLow && belowHigh;
    }

    static int compare(String a, String b) {
        String[] left = a.split("[.-]");
        String[] right = b.split("[.-]");
        for (int i = 0; i < Math.max(left.length, right.length); i++) {
            String x = i < left.length ? left[i] : "0";
            String y = i < right.length ? right[i] : "0";
            int order = x.matches("\\d+") && y.matches("\\d+")
                    ? new BigInteger(x).compareTo(new BigInteger(y)) : x.compareTo(y);
            if (order != 0) {
                return order;
            }
        }
        return 0;
    }
}
