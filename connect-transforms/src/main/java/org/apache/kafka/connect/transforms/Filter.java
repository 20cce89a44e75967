package org.apache.kafka.connect.transforms;

import java.util.Map;

import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.connect.components.Versioned;
import org.apache.kafka.connect.connector.ConnectRecord;

import io.tributary.connect.transforms.TransformsVersion;

/** Drops every record it sees; meant to run under a predicate that picks the records to drop. */
public class Filter<R extends ConnectRecord<R>> implements Transformation<R>, Versioned {

    public static final String OVERVIEW_DOC =
            "Discards every record it is applied to, so that later transformations and the connector never see it. Combine it with a predicate to drop only the records that match (or do not match) a condition.";
    public static final ConfigDef CONFIG_DEF = new ConfigDef();

    public Filter() {
    }

    @Override
    public R apply(R record) {
        return null;
    }

    @Override
    public String version() {
        return TransformsVersion.get();
    }

    @Override
    public ConfigDef config() {
        return CONFIG_DEF;
    }

    @Override
    public void close() {
    }

    @Override
    public void configure(Map<String, ?> configs) {
    }
}
