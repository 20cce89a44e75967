package org.apache.kafka.connect.transforms.predicates;

import java.util.Map;

import io.tributary.connect.transforms.TransformsVersion;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.connect.components.Versioned;
import org.apache.kafka.connect.connector.ConnectRecord;

/** Matches tombstones: records whose value is null. Takes no configuration. */
public class RecordIsTombstone<R extends ConnectRecord<R>> implements Predicate<R>, Versioned {

    public static final String OVERVIEW_DOC =
            "Matches tombstones: records whose value is null.";

    public static final ConfigDef CONFIG_DEF = new ConfigDef();

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
        return record.value() == null;
    }

    @Override
    public void close() {
    }

    @Override
    public void configure(Map<String, ?> configs) {
    }

    @Override
    public String toString() {
        return "RecordIsTombstone{}";
    }
}
