package io.tributary.connect.config;

import java.util.Locale;

/** Values of a source connector's exactly.once.support: whether it must, or merely should, run exactly once. */
public enum ExactlyOnceSupportLevel {
    REQUESTED, REQUIRED;

    public static ExactlyOnceSupportLevel fromProperty(String property) {
        return valueOf(property.trim().toUpperCase(Locale.ROOT));
    }

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
