package org.apache.kafka.connect.transforms;

import java.text.SimpleDateFormat;
import java.util.Date;
import java.util.Map;
import java.util.TimeZone;

import io.tributary.connect.transforms.TransformsVersion;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.connect.components.Versioned;
import org.apache.kafka.connect.connector.ConnectRecord;
import org.apache.kafka.connect.errors.DataException;
import org.apache.kafka.connect.transforms.util.SimpleConfig;

/** Rewrites the topic from a template holding the original topic and the record timestamp formatted in UTC. */
public class TimestampRouter<R extends ConnectRecord<R>> implements Transformation<R>, AutoCloseable, Versioned {

    public static final String OVERVIEW_DOC =
            "Renames the record's topic from a format that combines the original topic and the record's timestamp, for example to write each day's records into a table or index of its own in the destination system.";

    private static final String TOPIC_PLACEHOLDER = "${topic}";
    private static final String TIMESTAMP_PLACEHOLDER = "${timestamp}";

    public static final ConfigDef CONFIG_DEF = new ConfigDef()
            .define(ConfigName.TOPIC_FORMAT, ConfigDef.Type.STRING, TOPIC_PLACEHOLDER + "-" + TIMESTAMP_PLACEHOLDER,
                    ConfigDef.Importance.HIGH, "Template of the new topic name; <code>${topic}</code> stands for the "
                            + "original topic and <code>${timestamp}</code> for the formatted record timestamp.")
            .define(ConfigName.TIMESTAMP_FORMAT, ConfigDef.Type.STRING, "yyyyMMdd", ConfigDef.Importance.HIGH,
                    "<code>java.text.SimpleDateFormat</code> pattern applied to the record timestamp, in UTC.");

    interface ConfigName {
        String TOPIC_FORMAT = "topic.format";
        String TIMESTAMP_FORMAT = "timestamp.format";
    }

    private String topicFormat;
    // SimpleDateFormat is not thread-safe; each thread formats with its own copy.
    private ThreadLocal<SimpleDateFormat> timestampFormat;

    @Override
    public String version() {
        return TransformsVersion.get();
    }

    @Override
    public void configure(Map<String, ?> props) {
        SimpleConfig config = new SimpleConfig(CONFIG_DEF, props);
        topicFormat = config.getString(ConfigName.TOPIC_FORMAT);
        String pattern = config.getString(ConfigName.TIMESTAMP_FORMAT);
        timestampFormat = ThreadLocal.withInitial(() -> {
            SimpleDateFormat format = new SimpleDateFormat(pattern);
            format.setTimeZone(TimeZone.getTimeZone("UTC"));
            return format;
        });
    }

    @Override
    public R apply(R record) {
        Long timestamp = record.timestamp();
        if (timestamp == null) {
            throw new DataException("Timestamp missing on record: " + record);
        }
        String formatted = timestampFormat.get().format(new Date(timestamp));
        String topic = topicFormat.replace(TOPIC_PLACEHOLDER, record.topic())
                .replace(TIMESTAMP_PLACEHOLDER, formatted);
        return record.newRecord(topic, record.kafkaPartition(), record.keySchema(), record.key(),
                record.valueSchema(), record.value(), timestamp);
    }

    @Override
    public void close() {
        timestampFormat = null;
    }

    @Override
    public ConfigDef config() {
        return CONFIG_DEF;
    }
}
