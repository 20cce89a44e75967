package org.apache.kafka.connect.runtime;

import io.tributary.connect.config.ConnectorPluginRecommenders;
import org.apache.kafka.common.config.ConfigDef;

/**
 * The one piece of Kafka Connect's runtime class of this name that plugins call: the definition of the settings
 * every connector has. MirrorMaker 2's connectors build their own definitions on top of it, so that the
 * {@code name}, {@code connector.class}, {@code tasks.max}, converter, transformation and error-handling keys
 * validate (and show up in validation results) next to their mirror keys, exactly as on Kafka Connect.
 *
 * <p>Only what such connectors use is here; a Tributary worker reads connector configurations with
 * {@link io.tributary.connect.config.ConnectorConfig}, which this delegates to.
 */
public final class ConnectorConfig {

    private ConnectorConfig() {
    }

    /**
     * A new, mutable definition of the base connector settings: Kafka Connect's keys, types, defaults,
     * validators, groups and display names, with the recommenders of a definition that knows no plugins (no
     * recommended values; a plugin version shown only once its plugin is named).
     */
    public static ConfigDef configDef() {
        return io.tributary.connect.config.ConnectorConfig.configDef(ConnectorPluginRecommenders.WITHOUT_PLUGINS);
    }
}
