package org.apache.kafka.connect.transforms;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

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
import org.apache.kafka.connect.header.Header;
import org.apache.kafka.connect.header.Headers;
import org.apache.kafka.connect.transforms.util.NonEmptyListValidator;
import org.apache.kafka.connect.transforms.util.Requirements;
import org.apache.kafka.connect.transforms.util.SchemaUtil;
import org.apache.kafka.connect.transforms.util.SimpleConfig;

import io.tributary.connect.transforms.RecordUpdates;
import io.tributary.connect.transforms.TransformsVersion;

/**
 * Copies or moves top-level fields of the key or value into headers: the n-th configured field
 * goes to the n-th configured header, keeping the field's schema.
 */
public abstract class HeaderFrom<R extends ConnectRecord<R>> implements Transformation<R>, Versioned {

    public static final String FIELDS_FIELD = "fields";
    public static final String HEADERS_FIELD = "headers";
    public static final String OPERATION_FIELD = "operation";
    public static final String REPLACE_NULL_WITH_DEFAULT_FIELD = "replace.null.with.default";

    public static final String OVERVIEW_DOC =
            "Copies or moves fields of the key or value into headers of the same record. The n-th entry of 'fields' names the field whose value becomes the header named by the n-th entry of 'headers'. Pick the $Key or $Value variant for the part of the record to read.";

    public static final ConfigDef CONFIG_DEF = new ConfigDef()
            .define(FIELDS_FIELD, ConfigDef.Type.LIST, ConfigDef.NO_DEFAULT_VALUE, new NonEmptyListValidator(),
                    ConfigDef.Importance.HIGH, "Names of the key or value fields to put into headers.")
            .define(HEADERS_FIELD, ConfigDef.Type.LIST, ConfigDef.NO_DEFAULT_VALUE, new NonEmptyListValidator(),
                    ConfigDef.Importance.HIGH, "Names of the headers receiving the fields, one per field, in the "
                            + "same order.")
            .define(OPERATION_FIELD, ConfigDef.Type.STRING, ConfigDef.NO_DEFAULT_VALUE,
                    ConfigDef.ValidString.in(Operation.MOVE.toString(), Operation.COPY.toString()),
                    ConfigDef.Importance.HIGH, "<code>move</code> removes the fields from the key or value, "
                            + "<code>copy</code> leaves them there.")
            .define(REPLACE_NULL_WITH_DEFAULT_FIELD, ConfigDef.Type.BOOLEAN, true, ConfigDef.Importance.MEDIUM,
                    "When true, a null field that has a default value in its schema is put into the header as "
                            + "that default; when false, as null.");

    private List<String> fields;
    private List<String> headers;
    private Operation operation;
    private boolean replaceNullWithDefault;
    private Cache<Schema, Schema> remainingSchemas;

    public HeaderFrom() {
    }

    @Override
    public R apply(R record) {
        Object value = operatingValue(record);
        Schema schema = operatingSchema(record);
        return schema == null ? applySchemaless(record, value) : applyWithSchema(record, value, schema);
    }

    private R applySchemaless(R record, Object value) {
        Map<String, Object> original = Requirements.requireMap(value, purpose());
        Headers updatedHeaders = record.headers().duplicate();
        Map<String, Object> updated = operation == Operation.MOVE ? new HashMap<>(original) : original;
        for (int i = 0; i < fields.size(); i++) {
            updatedHeaders.add(headers.get(i), original.get(fields.get(i)), null);
            if (operation == Operation.MOVE) {
                updated.remove(fields.get(i));
            }
        }
        return newRecord(record, null, updated, updatedHeaders);
    }

    private R applyWithSchema(R record, Object value, Schema schema) {
        Struct original = Requirements.requireStruct(value, purpose());
        Headers updatedHeaders = record.headers().duplicate();
        for (int i = 0; i < fields.size(); i++) {
            String field = fields.get(i);
            // An absent field fails with NullPointerException before its value is read, as in the reference.
            Field schemaField = Objects.requireNonNull(schema.field(field), () -> "No field " + field + " in the schema");
            Object fieldValue = replaceNullWithDefault ? original.get(field) : original.getWithoutDefault(field);
            updatedHeaders.add(headers.get(i), fieldValue, schemaField.schema());
        }
        if (operation == Operation.COPY) {
            return newRecord(record, schema, original, updatedHeaders);
        }
        Schema remaining = remainingSchemas.get(schema);
        if (remaining == null) {
            remaining = withoutMovedFields(schema);
            remainingSchemas.put(schema, remaining);
        }
        Struct updated = new Struct(remaining);
        for (Field field : remaining.fields()) {
            updated.put(field, original.get(field.name()));
        }
        return newRecord(record, remaining, updated, updatedHeaders);
    }

    private Schema withoutMovedFields(Schema schema) {
        Set<String> moved = new HashSet<>(fields);
        SchemaBuilder builder = SchemaUtil.copySchemaBasics(schema, SchemaBuilder.struct());
        for (Field field : schema.fields()) {
            if (!moved.contains(field.name())) {
                builder.field(field.name(), field.schema());
            }
        }
        return builder.build();
    }

    private String purpose() {
        return "header " + operation;
    }

    @Override
    public String version() {
        return TransformsVersion.get();
    }

    protected abstract Object operatingValue(R record);

    protected abstract Schema operatingSchema(R record);

    protected abstract R newRecord(R record, Schema updatedSchema, Object updatedValue,
            Iterable<Header> updatedHeaders);

    @Override
    public ConfigDef config() {
        return CONFIG_DEF;
    }

    @Override
    public void close() {
        remainingSchemas = null;
    }

    @Override
    public void configure(Map<String, ?> props) {
        SimpleConfig config = new SimpleConfig(CONFIG_DEF, props);
        fields = config.getList(FIELDS_FIELD);
        headers = config.getList(HEADERS_FIELD);
        if (fields.size() != headers.size()) {
            throw new ConfigException("'" + FIELDS_FIELD + "' and '" + HEADERS_FIELD
                    + "' must list the same number of names, one header per field.");
        }
        operation = Operation.fromName(config.getString(OPERATION_FIELD));
        replaceNullWithDefault = config.getBoolean(REPLACE_NULL_WITH_DEFAULT_FIELD);
        remainingSchemas = new SynchronizedCache<>(new LRUCache<>(16));
    }

    /** Whether the fields stay in the key or value. */
    enum Operation {
        MOVE,
        COPY;

        static Operation fromName(String name) {
            return valueOf(name.toUpperCase(Locale.ROOT));
        }

        @Override
        public String toString() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** Takes the fields from the record key. */
    public static class Key<R extends ConnectRecord<R>> extends HeaderFrom<R> {

        public Key() {
        }

        @Override
        public Object operatingValue(R record) {
            return record.key();
        }

        @Override
        protected Schema operatingSchema(R record) {
            return record.keySchema();
        }

        @Override
        protected R newRecord(R record, Schema updatedSchema, Object updatedValue,
                Iterable<Header> updatedHeaders) {
            return RecordUpdates.withKey(record, updatedSchema, updatedValue, updatedHeaders);
        }
    }

    /** Takes the fields from the record value. */
    public static class Value<R extends ConnectRecord<R>> extends HeaderFrom<R> {

        public Value() {
        }

        @Override
        public Object operatingValue(R record) {
            return record.value();
        }

        @Override
        protected Schema operatingSchema(R record) {
            return record.valueSchema();
        }

        @Override
        protected R newRecord(R record, Schema updatedSchema, Object updatedValue,
                Iterable<Header> updatedHeaders) {
            return RecordUpdates.withValue(record, updatedSchema, updatedValue, updatedHeaders);
        }
    }
}
