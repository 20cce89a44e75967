package org.apache.kafka.connect.transforms;

import java.util.Map;

import io.tributary.connect.transforms.TransformsVersion;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.connect.components.Versioned;
import org.apache.kafka.connect.connector.ConnectRecord;
import org.apache.kafka.connect.data.SchemaAndValue;
import org.apache.kafka.connect.data.Values;
import org.apache.kafka.connect.header.Headers;
import org.apache.kafka.connect.transforms.util.SimpleConfig;

/** Adds one header, whose value is a literal parsed once at configuration time, to every record. */
public class InsertHeader<R extends ConnectRecord<R>> implements Transformation<R>, Versioned {

    public static final String OVERVIEW_DOC =
            "Adds a header with a fixed value to every record.";
    public static final String HEADER_FIELD = "header";
    public static final String VALUE_LITERAL_FIELD = "value.literal";

    public static final ConfigDef CONFIG_DEF = new ConfigDef()
            .define(HEADER_FIELD, ConfigDef.Type.STRING, ConfigDef.NO_DEFAULT_VALUE,
                    new ConfigDef.NonNullValidator(), ConfigDef.Importance.HIGH,
                    "Name of the header added to each record.")
            .define(VALUE_LITERAL_FIELD, ConfigDef.Type.STRING, ConfigDef.NO_DEFAULT_VALUE,
                    new ConfigDef.NonNullValidator(), ConfigDef.Importance.HIGH,
                    "Literal header value; its schema is inferred the way Connect parses header strings.");

    private String header;
    private SchemaAndValue literal;

    @Override
    public R apply(R record) {
        Headers headers = record.headers().duplicate();
        headers.add(header, literal);
        return record.newRecord(record.topic(), record.kafkaPartition(), record.keySchema(), record.key(),
                record.valueSchema(), record.value(), record.timestamp(), headers);
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
        header = config.getString(HEADER_FIELD);
        literal = Values.parseString(config.getString(VALUE_LITERAL_FIELD));
    }
}
