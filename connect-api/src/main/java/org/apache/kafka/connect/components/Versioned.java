package org.apache.kafka.connect.components;

/** A plugin that can report which version of itself is loaded. */
public interface Versioned {

    /** The plugin's version string, shown by the runtime when listing plugins. */
    String version();
}
