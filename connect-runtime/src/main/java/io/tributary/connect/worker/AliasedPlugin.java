package io.tributary.connect.worker;

import io.tributary.connect.plugins.PluginDescriptor;
import org.apache.kafka.connect.components.Versioned;

/** A transformation or predicate of a task as its metrics describe it: the alias it was configured under. */
record AliasedPlugin(String alias, String className, String version) {

    static AliasedPlugin of(String alias, Object plugin) {
        return new AliasedPlugin(alias, plugin.getClass().getName(), versionOf(plugin));
    }

    /** A plugin's own version where it has one; a plugin that throws from version() does not stop the task. */
    static String versionOf(Object plugin) {
        if (plugin instanceof Versioned versioned) {
            try {
                String version = versioned.version();
                return version == null ? PluginDescriptor.UNDEFINED_VERSION : version;
            } catch (RuntimeException e) {
                return PluginDescriptor.UNDEFINED_VERSION;
            }
        }
        return plugin == null ? null : PluginDescriptor.UNDEFINED_VERSION;
    }
}
