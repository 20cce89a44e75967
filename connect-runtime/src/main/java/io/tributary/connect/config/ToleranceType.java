package io.tributary.connect.config;

import java.util.Locale;

/** Values of errors.tolerance: fail on the first bad record, or skip bad records and go on. */
public enum ToleranceType {
    NONE, ALL;

    /** The lower-case spelling used in connector configurations. */
    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }
}
