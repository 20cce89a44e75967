package io.tributary.connect.config;

import java.util.ArrayList;
import java.util.List;

/** Syntax check of Maven-style version requirements, with an ordering check of range bounds. */
final class VersionRangeSyntax {

    private VersionRangeSyntax() {
    }

    /** Returns why the requirement is malformed, or null when it is well formed. */
    static String problemWith(String spec) {
        if (spec.isEmpty() || (spec.charAt(0) != '[' && spec.charAt(0) != '(')) {
            return spec.indexOf('[') < 0 && spec.indexOf('(') < 0 ? null
                : "a list of ranges must consist of bracketed ranges only: " + spec;
        }
        int position = 0;
        while (position < spec.length()) {
            char open = spec.charAt(position);
            if (open != '[' && open != '(') {
                return "a list of ranges must consist of bracketed ranges only: " + spec;
            }
            int close = indexOfClosing(spec, position + 1);
            if (close < 0) {
                return "range is not closed: " + spec;
            }
            String problem = rangeProblem(open, spec.substring(position + 1, close), spec.charAt(close), spec);
            if (problem != null) {
                return problem;
            }
            position = close + 1;
            if (position < spec.length()) {
                if (spec.charAt(position) != ',') {
                    return "a list of ranges must consist of bracketed ranges only: " + spec;
                }
                position++;
            }
        }
        return null;
    }

    private static int indexOfClosing(String spec, int from) {
        for (int i = from; i < spec.length(); i++) {
            char c = spec.charAt(i);
            if (c == ']' || c == ')') {
                return i;
            }
        }
        return -1;
    }

    private static String rangeProblem(char open, String body, char close, String spec) {
        int comma = body.indexOf(',');
        if (comma < 0) {
            return open == '[' && close == ']' && !body.isBlank() ? null
                : "a single version must be written as [version]: " + spec;
        }
        String lower = body.substring(0, comma).trim();
        String upper = body.substring(comma + 1).trim();
        if (upper.contains(",")) {
            return "a range has at most two bounds: " + spec;
        }
        if (!lower.isEmpty() && !upper.isEmpty() && compare(lower, upper) > 0) {
            return "the lower bound of the range is above its upper bound: " + spec;
        }
        return null;
    }

    /** Orders versions by their dot/dash separated parts, numbers numerically and words alphabetically. */
    static int compare(String a, String b) {
        List<String> left = parts(a);
        List<String> right = parts(b);
        for (int i = 0; i < Math.max(left.size(), right.size()); i++) {
            String l = i < left.size() ? left.get(i) : "0";
            String r = i < right.size() ? right.get(i) : "0";
            int result = l.chars().allMatch(Character::isDigit) && r.chars().allMatch(Character::isDigit)
                ? new java.math.BigInteger(l).compareTo(new java.math.BigInteger(r))
                : l.compareToIgnoreCase(r);
            if (result != 0) {
                return result;
            }
        }
        return 0;
    }

    private static List<String> parts(String version) {
        List<String> parts = new ArrayList<>();
        for (String part : version.split("[.\\-]")) {
            parts.add(part.isEmpty() ? "0" : part);
        }
        return parts;
    }
}
