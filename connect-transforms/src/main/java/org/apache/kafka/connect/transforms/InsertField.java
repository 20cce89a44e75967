package org.apache.kafka.connect.transforms;

import java.util.Date;
import java.util.HashMap;
import java.util.Map;

import org.apache.kafka.common.cache.Cache;
import org.apache.kafka.common.cache.LRUCache;
import org.apache.kafka.common.cache.SynchronizedCache;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.connect.components.Versioned;
import org.apache.kafka.connect.connector.ConnectRecord;
import org.apache.kafka.connect.data.Field;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.data.Timestamp;
import org.apache.kafka.connect.transforms.util.Requirements;
import org.apache.kafka.connect.transforms.util.SchemaUtil;
import org.apache.kafka.connect.transforms.util.SimpleConfig;

import io.tributary.connect.transforms.RecordUpdates;
import io.tributary.connect.transforms.TransformsVersion;

/**
 * Adds fields holding the record's topic, partition, offset (sink records only), timestamp, or a
 * fixed string to the key or value. Records whose key or value is null pass unchanged, and a
 * record without partition or timestamp gets no field for it.
 */
public abstract class InsertField<R extends ConnectRecord<R>> implements Transformation<R>, Versioned {

    public static final String OVERVIEW_DOC =
            "Adds fields to the key or value, taken from the record's topic, partition, offset or timestamp, or set to a fixed value. Pick the $Key or $Value variant for the part of the record to change.";

    private static final String SPEC_SUFFIX_DOC = " End the name with <code>!</code> for a required field or "
            + "<code>?</code> for an optional one; fields are optional unless marked.";

    public static final ConfigDef CONFIG_DEF = new ConfigDef()
            .define(ConfigName.TOPIC_FIELD, ConfigDef.Type.STRING, null, ConfigDef.Importance.MEDIUM,
                    "Name of the field that receives the record's topic." + SPEC_SUFFIX_DOC)
            .define(ConfigName.PARTITION_FIELD, ConfigDef.Type.STRING, null, ConfigDef.Importance.MEDIUM,
                    "Name of the field that receives the record's partition." + SPEC_SUFFIX_DOC)
            .define(ConfigName.OFFSET_FIELD, ConfigDef.Type.STRING, null, ConfigDef.Importance.MEDIUM,
                    "Name of the field that receives the record's offset; sink connectors only." + SPEC_SUFFIX_DOC)
            .define(ConfigName.TIMESTAMP_FIELD, ConfigDef.Type.STRING, null, ConfigDef.Importance.MEDIUM,
                    "Name of the field that receives the record's timestamp." + SPEC_SUFFIX_DOC)
            .define(ConfigName.STATIC_FIELD, ConfigDef.Type.STRING, null, ConfigDef.Importance.MEDIUM,
                    "Name of the field that receives the static value." + SPEC_SUFFIX_DOC)
            .define(ConfigName.STATIC_VALUE, ConfigDef.Type.STRING, null, ConfigDef.Importance.MEDIUM,
                    "The string written into the static field, when one is named.")
            .define(ConfigName.REPLACE_NULL_WITH_DEFAULT, ConfigDef.Type.BOOLEAN, true, ConfigDef.Importance.MEDIUM,
                    "When true, null fields of the original data that have a default value are copied as that "
                            + "default; when false, they are copied as null.");

    private static final String PURPOSE = "field insertion";
    private static final Schema OPTIONAL_TIMESTAMP_SCHEMA = Timestamp.builder().optional().build();

    private InsertionSpec topicField;
    private InsertionSpec partitionField;
    private InsertionSpec offsetField;
    private InsertionSpec timestampField;
    private InsertionSpec staticField;
    private String staticValue;
    private boolean replaceNullWithDefault;
    private Cache<Schema, Schema> widenedSchemas;

    public InsertField() {
    }

    @Override
    public String version() {
        return TransformsVersion.get();
    }

    @Override
    public void configure(Map<String, ?> props) {
        SimpleConfig config = new SimpleConfig(CONFIG_DEF, props);
        topicField = InsertionSpec.parse(config.getString(ConfigName.TOPIC_FIELD));
        partitionField = InsertionSpec.parse(config.getString(ConfigName.PARTITION_FIELD));
        offsetField = InsertionSpec.parse(config.getString(ConfigName.OFFSET_FIELD));
        timestampField = InsertionSpec.parse(config.getString(ConfigName.TIMESTAMP_FIELD));
        staticField = InsertionSpec.parse(config.getString(ConfigName.STATIC_FIELD));
        staticValue = config.getString(ConfigName.STATIC_VALUE);
        replaceNullWithDefault = config.getBoolean(ConfigName.REPLACE_NULL_WITH_DEFAULT);
        if (topicField == null && partitionField == null && offsetField == null && timestampField == null
                && staticField == null) {
            throw new ConfigException("InsertField needs at least one field to insert");
        }
        if (staticField != null && staticValue == null) {
            throw new ConfigException(ConfigName.STATIC_VALUE, null,
                    "A static value is needed for the static field " + staticField.name);
        }
        widenedSchemas = new SynchronizedCache<>(new LRUCache<>(16));
    }

    @Override
    public R apply(R record) {
        if (operatingValue(record) == null) {
            return record;
        }
        return operatingSchema(record) == null ? applySchemaless(record) : applyWithSchema(record);
    }

    private R applySchemaless(R record) {
        Map<String, Object> original = Requirements.requireMap(operatingValue(record), PURPOSE);
        Map<String, Object> updated = new HashMap<>(original);
        if (topicField != null) {
            updated.put(topicField.name, record.topic());
        }
        if (partitionField != null && record.kafkaPartition() != null) {
            updated.put(partitionField.name, record.kafkaPartition());
        }
        if (offsetField != null) {
            updated.put(offsetField.name, Requirements.requireSinkRecord(record, PURPOSE).kafkaOffset());
        }
        if (timestampField != null && record.timestamp() != null) {
            updated.put(timestampField.name, record.timestamp());
        }
        if (staticField != null) {
            updated.put(staticField.name, staticValue);
        }
        return newRecord(record, null, updated);
    }

    private R applyWithSchema(R record) {
        Struct original = Requirements.requireStruct(operatingValue(record), PURPOSE);
        Schema widened = widenedSchemas.get(original.schema());
        if (widened == null) {
            widened = widen(original.schema());
            widenedSchemas.put(original.schema(), widened);
        }
        Struct updated = new Struct(widened);
        for (Field field : original.schema().fields()) {
            Object value = replaceNullWithDefault ? original.get(field) : original.getWithoutDefault(field.name());
            updated.put(field.name(), value);
        }
        if (topicField != null) {
            updated.put(topicField.name, record.topic());
        }
        if (partitionField != null && record.kafkaPartition() != null) {
            updated.put(partitionField.name, record.kafkaPartition());
        }
        if (offsetField != null) {
            updated.put(offsetField.name, Requirements.requireSinkRecord(record, PURPOSE).kafkaOffset());
        }
        if (timestampField != null && record.timestamp() != null) {
            updated.put(timestampField.name, new Date(record.timestamp()));
        }
        if (staticField != null) {
            updated.put(staticField.name, staticValue);
        }
        return newRecord(record, widened, updated);
    }

    private Schema widen(Schema schema) {
        SchemaBuilder builder = SchemaUtil.copySchemaBasics(schema, SchemaBuilder.struct());
        for (Field field : schema.fields()) {
            builder.field(field.name(), field.schema());
        }
        addField(builder, topicField, Schema.STRING_SCHEMA, Schema.OPTIONAL_STRING_SCHEMA);
        addField(builder, partitionField, Schema.INT32_SCHEMA, Schema.OPTIONAL_INT32_SCHEMA);
        addField(builder, offsetField, Schema.INT64_SCHEMA, Schema.OPTIONAL_INT64_SCHEMA);
        addField(builder, timestampField, Timestamp.SCHEMA, OPTIONAL_TIMESTAMP_SCHEMA);
        addField(builder, staticField, Schema.STRING_SCHEMA, Schema.OPTIONAL_STRING_SCHEMA);
        return builder.build();
    }

    private static void addField(SchemaBuilder builder, InsertionSpec spec, Schema required, Schema optional) {
        if (spec != null) {
            builder.field(spec.name, spec.optional ? optional : required);
        }
    }

    @Override
    public void close() {
        widenedSchemas = null;
    }

    @Override
    public ConfigDef config() {
        return CONFIG_DEF;
    }

    protected abstract Schema operatingSchema(R record);

    protected abstract Object operatingValue(R record);

    protected abstract R newRecord(R record, Schema updatedSchema, Object updatedValue);

    interface ConfigName {
        String TOPIC_FIELD = "topic.field";
        String PARTITION_FIELD = "partition.field";
        String OFFSET_FIELD = "offset.field";
        String TIMESTAMP_FIELD = "timestamp.field";
        String STATIC_FIELD = "static.field";
        String STATIC_VALUE = "static.value";
        String REPLACE_NULL_WITH_DEFAULT = "replace.null.with.default";
    }

    /** A configured field name, with a trailing {@code !} (required) or {@code ?} (optional, the default) removed. */
    static final class InsertionSpec {

        final String name;
        final boolean optional;

        private InsertionSpec(String name, boolean optional) {
            this.name = name;
            this.optional = optional;
        }

        public static InsertionSpec parse(String spec) {
            if (spec == null) {
                return null;
            }
            if (spec.endsWith("?")) {
                return new InsertionSpec(spec.substring(0, spec.length() - 1), true);
            }
            if (spec.endsWith("!")) {
                return new InsertionSpec(spec.substring(0, spec.length() - 1), false);
            }
            return new InsertionSpec(spec, true);
        }
    }

    /** Inserts into the record key. */
    public static class Key<R extends ConnectRecord<R>> extends InsertField<R> {

        public Key() {
        }

        @Override
        protected Schema operatingSchema(R record) {
            return record.keySchema();
        }

        @Override
        protected Object operatingValue(R record) {
            return record.key();
        }

        @Override
        protected R newRecord(R record, Schema updatedSchema, Object updatedValue) {
            return RecordUpdates.withKey(record, updatedSchema, updatedValue);
        }
    }

    /** Inserts into the record value. */
    public static class Value<R extends ConnectRecord<R>> extends InsertField<R> {

        public Value() {
        }

        @Override
        protected Schema operatingSchema(R record) {
            return record.valueSchema();
        }

        @Override
        protected Object operatingValue(R record) {
            return record.value();
        }

        @Override
        protected R newRecord(R record, Schema updatedSchema, Object updatedValue) {
            return RecordUpdates.withValue(record, updatedSchema, updatedValue);
        }
    }
}
