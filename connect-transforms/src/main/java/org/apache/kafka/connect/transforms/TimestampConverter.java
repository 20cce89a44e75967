package org.apache.kafka.connect.transforms;

import java.text.SimpleDateFormat;
import java.util.HashMap;
import java.util.Map;
import java.util.TimeZone;

import io.tributary.connect.transforms.TransformsVersion;
import org.apache.kafka.common.cache.Cache;
import org.apache.kafka.common.cache.LRUCache;
import org.apache.kafka.common.cache.SynchronizedCache;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.connect.components.Versioned;
import org.apache.kafka.connect.connector.ConnectRecord;
import org.apache.kafka.connect.data.Date;
import org.apache.kafka.connect.data.Field;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.data.Time;
import org.apache.kafka.connect.data.Timestamp;
import org.apache.kafka.connect.transforms.util.Requirements;
import org.apache.kafka.connect.transforms.util.SchemaUtil;
import org.apache.kafka.connect.transforms.util.SimpleConfig;

/**
 * Converts a timestamp, either the whole key/value or one top-level field of it, between a formatted
 * string, Unix time (Long) and the Connect Date, Time and Timestamp logical types.
 */
public abstract class TimestampConverter<R extends ConnectRecord<R>> implements Transformation<R>, Versioned {

    public static final String OVERVIEW_DOC =
            "Converts timestamps between formatted strings, Unix epoch numbers and the Connect Date, Time and Timestamp types, for the whole key or value or for one field of it. Pick the $Key or $Value variant for the part of the record to change.";

    public static final String FIELD_CONFIG = "field";
    public static final String TARGET_TYPE_CONFIG = "target.type";
    public static final String FORMAT_CONFIG = "format";
    public static final String UNIX_PRECISION_CONFIG = "unix.precision";
    public static final String REPLACE_NULL_WITH_DEFAULT_CONFIG = "replace.null.with.default";

    public static final Schema OPTIONAL_DATE_SCHEMA = Date.builder().optional().schema();
    public static final Schema OPTIONAL_TIMESTAMP_SCHEMA = Timestamp.builder().optional().schema();
    public static final Schema OPTIONAL_TIME_SCHEMA = Time.builder().optional().schema();

    public static final ConfigDef CONFIG_DEF = new ConfigDef()
            .define(FIELD_CONFIG, ConfigDef.Type.STRING, "", ConfigDef.Importance.HIGH,
                    "Top-level field holding the timestamp; empty when the whole key/value is the timestamp.")
            .define(TARGET_TYPE_CONFIG, ConfigDef.Type.STRING, ConfigDef.NO_DEFAULT_VALUE,
                    ConfigDef.ValidString.in(TimestampKind.configNames()), ConfigDef.Importance.HIGH,
                    "Representation to convert to: string, unix, Date, Time or Timestamp.")
            .define(FORMAT_CONFIG, ConfigDef.Type.STRING, "", ConfigDef.Importance.MEDIUM,
                    "java.text.SimpleDateFormat pattern (UTC) used to write string output and to read string input.")
            .define(UNIX_PRECISION_CONFIG, ConfigDef.Type.STRING, UnixPrecision.MILLISECONDS.configName,
                    ConfigDef.ValidString.in(UnixPrecision.configNames()), ConfigDef.Importance.LOW,
                    "Unit of Unix times read from Long input and written as unix output: seconds, milliseconds, "
                            + "microseconds or nanoseconds. Sub-millisecond parts are lost in conversions.")
            .define(REPLACE_NULL_WITH_DEFAULT_CONFIG, ConfigDef.Type.BOOLEAN, true, ConfigDef.Importance.MEDIUM,
                    TransformDocs.REPLACE_NULL_WITH_DEFAULT);

    private static final String PURPOSE = "converting timestamp formats";

    private String field;
    private TimestampKind target;
    private boolean replaceNullWithDefault;
    private TimestampConversion conversion;
    private Cache<Schema, Schema> updatedSchemas;

    @Override
    public String version() {
        return TransformsVersion.get();
    }

    @Override
    public void configure(Map<String, ?> configs) {
        SimpleConfig config = new SimpleConfig(CONFIG_DEF, configs);
        field = config.getString(FIELD_CONFIG);
        target = TimestampKind.forConfigName(config.getString(TARGET_TYPE_CONFIG));
        String pattern = config.getString(FORMAT_CONFIG);
        UnixPrecision precision = UnixPrecision.forConfigName(config.getString(UNIX_PRECISION_CONFIG));
        replaceNullWithDefault = config.getBoolean(REPLACE_NULL_WITH_DEFAULT_CONFIG);

        if (target == TimestampKind.STRING && pattern.isBlank()) {
            throw new ConfigException("TimestampConverter requires format option to be specified when using "
                    + "string timestamps");
        }
        SimpleDateFormat format = null;
        if (!pattern.isBlank()) {
            try {
                format = new SimpleDateFormat(pattern);
                format.setTimeZone(TimeZone.getTimeZone("UTC"));
            } catch (IllegalArgumentException e) {
                throw new ConfigException("TimestampConverter requires a SimpleDateFormat-compatible pattern for "
                        + "string timestamps: " + pattern, e);
            }
        }
        conversion = new TimestampConversion(format, precision);
        updatedSchemas = new SynchronizedCache<>(new LRUCache<>(16));
    }

    @Override
    public R apply(R record) {
        return operatingSchema(record) == null ? applySchemaless(record) : applyWithSchema(record);
    }

    private R applyWithSchema(R record) {
        Schema schema = operatingSchema(record);
        if (field.isEmpty()) {
            Object converted = convert(operatingValue(record), TimestampKind.ofSchema(schema));
            return newRecord(record, target.schema(schema.isOptional()), converted);
        }
        Struct value = Requirements.requireStructOrNull(operatingValue(record), PURPOSE);
        Schema updatedSchema = updatedSchemas.get(schema);
        if (updatedSchema == null) {
            updatedSchema = updatedStructSchema(schema);
            updatedSchemas.put(schema, updatedSchema);
        }
        return newRecord(record, updatedSchema, convertStruct(value, updatedSchema));
    }

    private Schema updatedStructSchema(Schema schema) {
        SchemaBuilder builder = SchemaUtil.copySchemaBasics(schema, SchemaBuilder.struct());
        for (Field each : schema.fields()) {
            Schema fieldSchema = each.name().equals(field) ? target.schema(each.schema().isOptional()) : each.schema();
            builder.field(each.name(), fieldSchema);
        }
        if (schema.isOptional()) {
            builder.optional();
        }
        if (schema.defaultValue() != null) {
            builder.defaultValue(convertStruct((Struct) schema.defaultValue(), builder));
        }
        return builder.build();
    }

    private Struct convertStruct(Struct value, Schema updatedSchema) {
        if (value == null) {
            return null;
        }
        Struct updated = new Struct(updatedSchema);
        for (Field each : value.schema().fields()) {
            Object fieldValue = replaceNullWithDefault ? value.get(each) : value.getWithoutDefault(each.name());
            if (each.name().equals(field)) {
                fieldValue = convert(fieldValue, TimestampKind.ofSchema(each.schema()));
            }
            updated.put(each.name(), fieldValue);
        }
        return updated;
    }

    private R applySchemaless(R record) {
        Object value = operatingValue(record);
        if (value == null || field.isEmpty()) {
            return newRecord(record, null, convert(value, null));
        }
        Map<String, Object> map = Requirements.requireMap(value, PURPOSE);
        Map<String, Object> updated = new HashMap<>(map);
        updated.put(field, convert(map.get(field), null));
        return newRecord(record, null, updated);
    }

    /** @param sourceKind the kind given by the schema, or null to infer it from the value's Java type */
    private Object convert(Object timestamp, TimestampKind sourceKind) {
        if (timestamp == null) {
            return null;
        }
        TimestampKind source = sourceKind != null ? sourceKind : TimestampKind.ofValue(timestamp);
        return target.fromInstant(conversion, source.toInstant(conversion, timestamp));
    }

    @Override
    public ConfigDef config() {
        return CONFIG_DEF;
    }

    @Override
    public void close() {
    }

    protected abstract Schema operatingSchema(R record);

    protected abstract Object operatingValue(R record);

    protected abstract R newRecord(R record, Schema updatedSchema, Object updatedValue);

    /** Converts the record key. */
    public static class Key<R extends ConnectRecord<R>> extends TimestampConverter<R> {

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
            return record.newRecord(record.topic(), record.kafkaPartition(), updatedSchema, updatedValue,
                    record.valueSchema(), record.value(), record.timestamp());
        }
    }

    /** Converts the record value. */
    public static class Value<R extends ConnectRecord<R>> extends TimestampConverter<R> {

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
            return record.newRecord(record.topic(), record.kafkaPartition(), record.keySchema(), record.key(),
                    updatedSchema, updatedValue, record.timestamp());
        }
    }
}
