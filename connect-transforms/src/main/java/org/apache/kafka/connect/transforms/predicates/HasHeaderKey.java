package org.apache.kafka.connect.transforms.predicates;

import java.util.Iterator;
import java.util.Map;

import io.tributary.connect.transforms.TransformsVersion;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.connect.components.Versioned;
import org.apache.kafka.connect.connector.ConnectRecord;
import org.apache.kafka.connect.header.Header;
import org.apache.kafka.connect.transforms.util.SimpleConfig;

/** Matches records carrying at least one header with the configured name. */
public class HasHeaderKey<R extends ConnectRecord<R>> implements Predicate<R>, Versioned {

    public static final String OVERVIEW_DOC =
            "Matches records that carry at least one header with the configured name.";

    private static final String NAME_CONFIG = "name";

    public static final ConfigDef CONFIG_DEF = new ConfigDef().define(NAME_CONFIG, ConfigDef.Type.STRING,
            ConfigDef.NO_DEFAULT_VALUE, new ConfigDef.NonEmptyString(), ConfigDef.Importance.MEDIUM,
            "Name of the header to look for.");

    private String name;

    @Override
    public String version() {
        return TransformsVersion.get();
    }

    @Override
    public ConfigDef config() {
        return CONFIG_DEF;
    }

    @Override
    public boolean test(R record) {
        Iterator<Header> withName = record.headers().allWithName(name);
        return withName != null && withName.hasNext();
    }

    @Override
    public void close() {
    }

    @Override
    public void configure(Map<String, ?> configs) {
        name = new SimpleConfig(CONFIG_DEF, configs).getString(NAME_CONFIG);
    }

    @Override
    public String toString() {
        return "HasHeaderKey{name='" + name + "'}";
    }
}
