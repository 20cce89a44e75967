package io.tributary.connect.config;

import java.util.List;
import java.util.Map;

import org.apache.kafka.common.config.ConfigDef;

/**
 * Recommenders the plugin layer supplies so validation can list installed converters and plugin versions.
 * Any method may return null, meaning "no recommendations".
 */
public interface ConnectorPluginRecommenders {

    ConnectorPluginRecommenders NONE = new ConnectorPluginRecommenders() { };

    /**
     * What Kafka Connect's connector definition recommends when it knows no plugins, as plugins see it through
     * {@code org.apache.kafka.connect.runtime.ConnectorConfig.configDef()}: no values, and a plugin version setting
     * shown only once its plugin is named.
     */
    ConnectorPluginRecommenders WITHOUT_PLUGINS = new ConnectorPluginRecommenders() {
        @Override
        public ConfigDef.Recommender connectorVersion() {
            return NothingToRecommend.visibleWhenSet(ConnectorConfig.CONNECTOR_CLASS_CONFIG);
        }

        @Override
        public ConfigDef.Recommender converterClass() {
            return NothingToRecommend.ALWAYS_VISIBLE;
        }

        @Override
        public ConfigDef.Recommender keyConverterVersion() {
            return NothingToRecommend.visibleWhenSet(ConnectorConfig.KEY_CONVERTER_CLASS_CONFIG);
        }

        @Override
        public ConfigDef.Recommender valueConverterVersion() {
            return NothingToRecommend.visibleWhenSet(ConnectorConfig.VALUE_CONVERTER_CLASS_CONFIG);
        }

        @Override
        public ConfigDef.Recommender headerConverterClass() {
            return NothingToRecommend.ALWAYS_VISIBLE;
        }

        @Override
        public ConfigDef.Recommender headerConverterVersion() {
            return NothingToRecommend.visibleWhenSet(ConnectorConfig.HEADER_CONVERTER_CLASS_CONFIG);
        }
    };

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

    /** Recommends no values; visible always, or only when another setting has a value. */
    record NothingToRecommend(String requiredKey) implements ConfigDef.Recommender {

        static final NothingToRecommend ALWAYS_VISIBLE = new NothingToRecommend(null);

        static NothingToRecommend visibleWhenSet(String key) {
            return new NothingToRecommend(key);
        }

        @Override
        public List<Object> validValues(String name, Map<String, Object> parsedConfig) {
            return List.of();
        }

        @Override
        public boolean visible(String name, Map<String, Object> parsedConfig) {
            return requiredKey == null || parsedConfig.get(requiredKey) != null;
        }
    }
}
