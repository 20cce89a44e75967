package io.tributary.connect.apicheck;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;

/**
 * Reads and renders the values of static final primitive and String fields. Such constants are
 * inlined into code compiled against them, so a different value is an API difference. Documentation
 * constants (names ending in {@code DOC}) are the exception: their presence and type are API, but
 * their text is prose that we write in our own words, so it is never compared.
 */
final class ConstantValues {

    private ConstantValues() {
    }

    static boolean isConstant(Field field) {
        int modifiers = field.getModifiers();
        Class<?> type = field.getType();
        return Modifier.isStatic(modifiers) && Modifier.isFinal(modifiers)
                && (type.isPrimitive() || type == String.class)
                && !isDocumentation(field);
    }

    static boolean isDocumentation(Field field) {
        return field.getType() == String.class && field.getName().endsWith("DOC");
    }

    /** The rendered value; reading runs the class's static initializer, which may fail. */
    static String read(Field field) {
        try {
            field.trySetAccessible();
            return render(field.get(null));
        } catch (ReflectiveOperationException | LinkageError | RuntimeException e) {
            return "<unreadable: " + e + ">";
        }
    }

    static String render(Object value) {
        if (value instanceof String string) {
            return "\"" + escape(string) + "\"";
        }
        if (value instanceof Character character) {
            return "'" + escape(character.toString()) + "'";
        }
        return String.valueOf(value);
    }

    private static String escape(String text) {
        StringBuilder escaped = new StringBuilder();
        for (char c : text.toCharArray()) {
            switch (c) {
                case '\\' -> escaped.append("\\\\");
                case '"' -> escaped.append("\\\"");
                case '\'' -> escaped.append("\\'");
                case '\n' -> escaped.append("\\n");
                case '\r' -> escaped.append("\\r");
                case '\t' -> escaped.append("\\t");
                default -> {
                    if (c < 0x20 || c > 0x7e) {
                        escaped.append(String.format("\\u%04x", (int) c));
                    } else {
                        escaped.append(c);
                    }
                }
            }
        }
        return escaped.toString();
    }
}
