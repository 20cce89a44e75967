package org.apache.kafka.connect.transforms;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.connect.components.Versioned;
import org.apache.kafka.connect.connector.ConnectRecord;
import org.apache.kafka.connect.header.ConnectHeaders;
import org.apache.kafka.connect.header.Header;
import org.apache.kafka.connect.header.Headers;
import org.apache.kafka.connect.transforms.util.NonEmptyListValidator;
import org.apache.kafka.connect.transforms.util.SimpleConfig;

import io.tributary.connect.transforms.TransformsVersion;

/** Removes the headers with the configured names, keeping all others in their order. */
public class DropHeaders<R extends ConnectRecord<R>> implements Transformation<R>, Versioned {

    public static final String OVERVIEW_DOC =
            "Deletes the headers with the configured names from every record.";
    public static final String HEADERS_FIELD = "headers";
    public static final ConfigDef CONFIG_DEF = new ConfigDef()
            .define(HEADERS_FIELD, ConfigDef.Type.LIST, ConfigDef.NO_DEFAULT_VALUE, new NonEmptyListValidator(),
                    ConfigDef.Importance.HIGH, "Names of the headers to drop from each record.");

    private Set<String> dropped = Set.of();

    public DropHeaders() {
    }

    @Override
    public R apply(R record) {
        Headers kept = new ConnectHeaders();
        for (Header header : record.headers()) {
            if (!dropped.contains(header.key())) {
                kept.add(header);
            }
        }
        return record.newRecord(record.topic(), record.kafkaPartition(), record.keySchema(), record.key(),
                record.valueSchema(), record.value(), record.timestamp(), kept);
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
    public void configure(Map<String, ?> props) {
        SimpleConfig config = new SimpleConfig(CONFIG_DEF, props);
        dropped = new HashSet<>(config.getList(HEADERS_FIELD));
    }
}
