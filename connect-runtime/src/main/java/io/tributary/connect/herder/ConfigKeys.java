package io.tributary.connect.herder;

import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.ConfigKey;

/** Copies of config keys with one attribute changed, for definitions built per request. */
final class ConfigKeys {

    private ConfigKeys() {
    }

    static ConfigKey withDefault(ConfigKey key, Object defaultValue) {
        return new ConfigKey(key.name, key.type, defaultValue, key.validator, key.importance, key.documentation,
                key.group, key.orderInGroup, key.width, key.displayName, key.dependents, key.recommender,
                key.internalConfig);
    }

    static ConfigKey withRecommender(ConfigKey key, ConfigDef.Recommender recommender) {
        return new ConfigKey(key.name, key.type, key.defaultValue, key.validator, key.importance, key.documentation,
                key.group, key.orderInGroup, key.width, key.displayName, key.dependents, recommender,
                key.internalConfig);
    }

    /** The same key under another name, group and position, e.g. a converter's key under "key.converter.". */
    static ConfigKey embedded(ConfigKey key, String prefix, String group, int order) {
        return new ConfigKey(prefix + key.name, key.type, key.defaultValue, key.validator, key.importance,
                key.documentation, group, order, key.width, key.displayName, key.dependents, key.recommender,
                key.internalConfig);
    }
}
