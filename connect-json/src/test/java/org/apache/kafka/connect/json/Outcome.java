package org.apache.kafka.connect.json;

import java.lang.reflect.InvocationTargetException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;

/**
 * The comparable result of one conversion: a neutral rendering of what came back, or the class of the
 * exception thrown. Messages are kept for diagnostics but not compared (ours are worded independently).
 */
record Outcome(String result, String message) {

    static Outcome of(Callable<String> conversion) {
        try {
            return new Outcome(conversion.call(), null);
        } catch (Throwable t) {
            Throwable cause = unwrap(t);
            return new Outcome("throws " + cause.getClass().getName(), String.valueOf(cause.getMessage()));
        }
    }

    static String bytes(byte[] bytes) {
        return bytes == null ? "null bytes" : "bytes " + new String(bytes, StandardCharsets.UTF_8);
    }

    boolean threw() {
        return result.startsWith("throws ");
    }

    private static Throwable unwrap(Throwable t) {
        Throwable current = t;
        while (current instanceof InvocationTargetException && current.getCause() != null) {
            current = current.getCause();
        }
        return current;
    }

    @Override
    public String toString() {
        return message == null ? result : result + " (" + message + ")";
    }
}
