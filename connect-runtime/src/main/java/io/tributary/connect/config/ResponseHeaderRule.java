package io.tributary.connect.config;

import java.util.ArrayList;
import java.util.List;

import org.apache.kafka.common.config.ConfigException;

/**
 * One rule of response.http.headers.config, e.g. {@code set X-Frame-Options:DENY}. Rules are comma
 * separated; a rule that itself contains a comma is written in double quotes.
 */
public record ResponseHeaderRule(Action action, String name, String value) {

    /** What a rule does to the response header. */
    public enum Action {
        SET("set"), ADD("add"), SET_DATE("setDate"), ADD_DATE("addDate");

        private final String spelling;

        Action(String spelling) {
            this.spelling = spelling;
        }

        public String spelling() {
            return spelling;
        }

        static Action parse(String text) {
            for (Action action : values()) {
                if (action.spelling.equalsIgnoreCase(text)) {
                    return action;
                }
            }
            return null;
        }
    }

    /** Parses the whole setting; a blank setting has no rules. */
    public static List<ResponseHeaderRule> parseAll(String config) {
        List<ResponseHeaderRule> rules = new ArrayList<>();
        for (String rule : splitQuotedList(config)) {
            rules.add(parse(rule));
        }
        return rules;
    }

    static ResponseHeaderRule parse(String ruleText) {
        String rule = ruleText.trim();
        String[] actionAndPair = rule.split("\\s+", 2);
        if (actionAndPair.length < 2) {
            throw new ConfigException("Header rule '" + rule
                + "' is malformed: expected '[action] [header name]:[header value]'");
        }
        Action action = Action.parse(actionAndPair[0]);
        if (action == null) {
            throw new ConfigException("Header rule action '" + actionAndPair[0] + "' is not one of "
                + java.util.Arrays.stream(Action.values()).map(Action::spelling).toList());
        }
        String pair = actionAndPair[1].trim();
        String[] nameAndValue = pair.split(":");
        if (nameAndValue.length != 2) {
            throw new ConfigException("Header name and value '" + pair
                + "' is malformed: expected '[header name]:[header value]'");
        }
        String name = nameAndValue[0].trim();
        if (name.isEmpty() || name.chars().anyMatch(Character::isWhitespace)) {
            throw new ConfigException("Header name '" + name + "' must be non-empty and contain no whitespace");
        }
        return new ResponseHeaderRule(action, name, nameAndValue[1].trim());
    }

    /**
     * Splits on commas, honouring an element that starts with a double quote (backslash escapes inside).
     * A comma always closes an element, even an empty one; only the text after the last comma is dropped
     * when empty, so a trailing comma is tolerated.
     */
    static List<String> splitQuotedList(String text) {
        List<String> elements = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean quoted = false;
        boolean wasQuoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '\\' && i + 1 < text.length()) {
                    current.append(text.charAt(++i));
                } else if (c == '"') {
                    quoted = false;
                } else {
                    current.append(c);
                }
            } else if (c == ',') {
                elements.add(current.toString().trim());
                current.setLength(0);
                wasQuoted = false;
            } else if (c == '"' && current.toString().isBlank() && !wasQuoted) {
                current.setLength(0);
                quoted = true;
                wasQuoted = true;
            } else {
                current.append(c);
            }
        }
        String last = current.toString().trim();
        if (!last.isEmpty() || wasQuoted) {
            elements.add(last);
        }
        return elements;
    }

    @Override
    public String toString() {
        return action.spelling() + " " + name + ":" + value;
    }
}
