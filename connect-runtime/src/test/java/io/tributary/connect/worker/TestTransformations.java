package io.tributary.connect.worker;

import java.util.Map;

import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.connect.connector.ConnectRecord;
import org.apache.kafka.connect.transforms.Transformation;
import org.apache.kafka.connect.transforms.predicates.Predicate;

/** Small transformations and predicates for worker tests. */
public final class TestTransformations {

    private TestTransformations() {
    }

    /** Appends the configured {@code suffix} to a String value. */
    public static final class AppendSuffix<R extends ConnectRecord<R>> implements Transformation<R> {
        private String suffix;

        @Override
        public void configure(Map<String, ?> configs) {
            suffix = (String) configs.get("suffix");
        }

        @Override
        public R apply(R record) {
            return record.newRecord(record.topic(), record.kafkaPartition(), record.keySchema(), record.key(),
                    record.valueSchema(), record.value() + suffix, record.timestamp());
        }

        @Override
        public ConfigDef config() {
            return new ConfigDef().define("suffix", ConfigDef.Type.STRING, ConfigDef.Importance.HIGH, "Suffix.");
        }

        @Override
        public void close() {
        }
    }

    /** Drops every record it is applied to. */
    public static final class DropRecord<R extends ConnectRecord<R>> implements Transformation<R> {
        @Override
        public void configure(Map<String, ?> configs) {
        }

        @Override
        public R apply(R record) {
            return null;
        }

        @Override
        public ConfigDef config() {
            return new ConfigDef();
        }

        @Override
        public void close() {
        }
    }

    /** True for records whose String value starts with the configured {@code prefix}. */
    public static final class ValueStartsWith<R extends ConnectRecord<R>> implements Predicate<R> {
        private String prefix;

        @Override
        public void configure(Map<String, ?> configs) {
            prefix = (String) configs.get("prefix");
        }

        @Override
        public boolean test(R record) {
            return record.value() instanceof String value && value.startsWith(prefix);
        }

        @Override
        public ConfigDef config() {
            return new ConfigDef().define("prefix", ConfigDef.Type.STRING, ConfigDef.Importance.HIGH, "Prefix.");
        }

        @Override
        public void close() {
        }
    }
}
