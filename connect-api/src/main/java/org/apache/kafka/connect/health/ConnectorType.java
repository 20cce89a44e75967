package org.apache.kafka.connect.health;

import java.util.Locale;

/** Whether a connector reads from (source) or writes to (sink) an external system. */
public enum ConnectorType {
    SOURCE,
    SINK,
    UNKNOWN;

    /** Lower case, as the REST API spells connector types. */
    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
