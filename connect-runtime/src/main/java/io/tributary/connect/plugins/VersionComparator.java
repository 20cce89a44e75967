package io.tributary.connect.plugins;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Orders plugin version strings so that the newest of several copies of a plugin can be chosen:
 * "2.10" > "2.9", "1.0" > "1.0-rc1" > "undefined". Versions are split into runs of digits and
 * runs of other characters; digit runs compare numerically and win over text at the same
 * position, and a version that is a prefix of another is newer unless the longer one goes on
 * with a number (a qualifier such as "-SNAPSHOT" or "-rc1" marks an earlier build).
 */
final class VersionComparator implements Comparator<String> {

    static final VersionComparator INSTANCE = new VersionComparator();

    private VersionComparator() {
    }

    @Override
    public int compare(String a, String b) {
        boolean aUndefined = isUndefined(a);
        boolean bUndefined = isUndefined(b);
        if (aUndefined || bUndefined) {
            return Boolean.compare(bUndefined, aUndefined);
        }
        List<String> left = tokens(a);
        List<String> right = tokens(b);
        int common = Math.min(left.size(), right.size());
        for (int i = 0; i < common; i++) {
            int c = compareToken(left.get(i), right.get(i));
            if (c != 0) {
                return c;
            }
        }
        if (left.size() == right.size()) {
            return 0;
        }
        boolean leftLonger = left.size() > right.size();
        String next = leftLonger ? left.get(common) : right.get(common);
        int longerIsNewer = isNumber(next) ? 1 : -1;
        return leftLonger ? longerIsNewer : -longerIsNewer;
    }

    private static boolean isUndefined(String v) {
        return v == null || v.isBlank() || PluginDescriptor.UNDEFINED_VERSION.equals(v);
    }

    private static int compareToken(String x, String y) {
        boolean xNum = isNumber(x);
        boolean yNum = isNumber(y);
        if (xNum && yNum) {
            String xs = stripZeros(x);
            String ys = stripZeros(y);
            return xs.length() != ys.length() ? Integer.compare(xs.length(), ys.length()) : xs.compareTo(ys);
        }
        if (xNum != yNum) {
            return xNum ? 1 : -1;
        }
        return x.compareToIgnoreCase(y);
    }

    private static String stripZeros(String digits) {
        int i = 0;
        while (i < digits.length() - 1 && digits.charAt(i) == '0') {
            i++;
        }
        return digits.substring(i);
    }

    private static boolean isNumber(String token) {
        return !token.isEmpty() && Character.isDigit(token.charAt(0));
    }

    private static List<String> tokens(String version) {
        List<String> out = new ArrayList<>();
        StringBuilder run = new StringBuilder();
        for (char ch : version.toCharArray()) {
            boolean separator = ch == '.' || ch == '-' || ch == '_' || ch == '+';
            boolean switches = run.length() > 0 && Character.isDigit(ch) != Character.isDigit(run.charAt(0));
            if (separator || switches) {
                if (run.length() > 0) {
                    out.add(run.toString());
                    run.setLength(0);
                }
            }
            if (!separator) {
                run.append(ch);
            }
        }
        if (run.length() > 0) {
            out.add(run.toString());
        }
        return out;
    }
}
