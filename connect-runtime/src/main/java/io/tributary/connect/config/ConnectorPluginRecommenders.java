package io.tributary.connect.config;

import org.apache.kafka.common.config.ConfigDef;

/**
 * Recommenders the plugin layer supplies so validation can list installed converters and plugin versions.
 * Any method may return null, meaning "no recommendations".
 */
public interface ConnectorPluginRecommenders {

    ConnectorPluginRecommenders NONE = new ConnectorPluginRecommenders() { };

    default ConfigDef.Recommender connectorVersion() {
        return null;
    }

    default ConfigDef.Recommender converterClass() {
        return null;
    }

    default ConfigDef.Recommender keyConverterVersion() {
        return null;
    }

    default ConfigDef.Recommender valueConverterVersion() {
        return null;
    }

    default ConfigDef.Recommender headerConverterClass() {
        return null;
    }

    default ConfigDef.Recommender headerConverterVersion() {
        return null;
    }
}
