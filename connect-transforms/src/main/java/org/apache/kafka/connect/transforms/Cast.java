package org.apache.kafka.connect.transforms;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
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
import org.apache.kafka.connect.transforms.util.Requirements;
import org.apache.kafka.connect.transforms.util.SchemaUtil;
import org.apache.kafka.connect.transforms.util.SimpleConfig;

import io.tributary.connect.transforms.RecordUpdates;
import io.tributary.connect.transforms.TransformsVersion;

/**
 * Casts the whole key or value, or some of its top-level fields, to another primitive type. Null
 * keys or values pass unchanged.
 */
public abstract class Cast<R extends ConnectRecord<R>> implements Transformation<R>, Versioned {

    public static final String OVERVIEW_DOC =
            "Changes the type of the whole key or value, or of chosen fields, to another primitive type (for example an int64 field to int32, or anything to a string). Binary data cast to a string becomes base64 text. Pick the $Key or $Value variant for the part of the record to change.";

    public static final String SPEC_CONFIG = "spec";
    public static final String REPLACE_NULL_WITH_DEFAULT_CONFIG = "replace.null.with.default";

    public static final ConfigDef CONFIG_DEF = new ConfigDef()
            .define(SPEC_CONFIG, ConfigDef.Type.LIST, ConfigDef.NO_DEFAULT_VALUE, new SpecShapeValidator(),
                    ConfigDef.Importance.HIGH, "Either one type, to cast the whole key or value, or a list of "
                            + "<code>field:type</code> pairs, to cast top-level fields of a struct or map. Types: "
                            + "int8, int16, int32, int64, float32, float64, boolean, string; bytes can only be cast "
                            + "to string.")
            .define(REPLACE_NULL_WITH_DEFAULT_CONFIG, ConfigDef.Type.BOOLEAN, true, ConfigDef.Importance.MEDIUM,
                    "When true, a null field that has a default value in its schema is cast from that default; "
                            + "when false, it stays null.");

    private static final String PURPOSE = "cast types";

    /** Set for a whole-value cast, else null. */
    private Schema.Type wholeValueType;
    private Map<String, Schema.Type> fieldTypes;
    private boolean replaceNullWithDefault;
    private Cache<Schema, Schema> castSchemas;

    public Cast() {
    }

    @Override
    public String version() {
        return TransformsVersion.get();
    }

    @Override
    public void configure(Map<String, ?> props) {
        SimpleConfig config = new SimpleConfig(CONFIG_DEF, props);
        parseSpec(config.getList(SPEC_CONFIG));
        replaceNullWithDefault = config.getBoolean(REPLACE_NULL_WITH_DEFAULT_CONFIG);
        castSchemas = new SynchronizedCache<>(new LRUCache<>(16));
    }

    private void parseSpec(List<String> spec) {
        if (spec.isEmpty()) {
            throw new ConfigException(SPEC_CONFIG, spec, "Cast needs at least one type or field:type pair");
        }
        Map<String, Schema.Type> byField = new LinkedHashMap<>();
        Schema.Type whole = null;
        for (String entry : spec) {
            String[] parts = entry.split(":");
            if (parts.length == 1) {
                whole = outputType(parts[0]);
            } else {
                byField.put(parts[0].trim(), outputType(parts[1]));
            }
        }
        if (whole != null && spec.size() > 1) {
            throw new ConfigException(SPEC_CONFIG, spec,
                    "A cast of the whole value must be the only entry of the spec");
        }
        wholeValueType = whole;
        fieldTypes = byField;
    }

    private static Schema.Type outputType(String name) {
        Schema.Type type;
        try {
            type = Schema.Type.valueOf(name.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new ConfigException(SPEC_CONFIG, name, "Unknown type in the cast spec");
        }
        if (!CastValueConverter.OUTPUT_TYPES.contains(type)) {
            throw new ConfigException(SPEC_CONFIG, name, "Cast cannot convert values to " + type
                    + "; it converts to " + CastValueConverter.OUTPUT_TYPES);
        }
        return type;
    }

    @Override
    public R apply(R record) {
        Object value = operatingValue(record);
        if (value == null) {
            return record;
        }
        Schema schema = operatingSchema(record);
        return schema == null ? applySchemaless(record, value) : applyWithSchema(record, schema, value);
    }

    private R applySchemaless(R record, Object value) {
        if (wholeValueType != null) {
            return newRecord(record, null, CastValueConverter.convert(null, value, wholeValueType));
        }
        Map<String, Object> original = Requirements.requireMap(value, PURPOSE);
        Map<String, Object> updated = new HashMap<>(original);
        fieldTypes.forEach((field, type) ->
                updated.put(field, CastValueConverter.convert(null, original.get(field), type)));
        return newRecord(record, null, updated);
    }

    private R applyWithSchema(R record, Schema schema, Object value) {
        Schema castSchema = castSchemas.get(schema);
        if (castSchema == null) {
            castSchema = wholeValueType != null ? castWholeSchema(schema) : castStructSchema(schema);
            castSchemas.put(schema, castSchema);
        }
        if (wholeValueType != null) {
            return newRecord(record, castSchema, CastValueConverter.convert(schema, value, wholeValueType));
        }
        Struct original = Requirements.requireStruct(value, PURPOSE);
        Struct updated = new Struct(castSchema);
        for (Field field : original.schema().fields()) {
            Object fieldValue = replaceNullWithDefault ? original.get(field) : original.getWithoutDefault(field.name());
            Schema.Type target = fieldTypes.get(field.name());
            Object castValue = target == null ? fieldValue : CastValueConverter.convert(field.schema(), fieldValue, target);
            updated.put(castSchema.field(field.name()), castValue);
        }
        return newRecord(record, castSchema, updated);
    }

    /**
     * Schemas are not checked for castable types: like the reference, only a non-null value of an
     * unsupported type fails. The whole-value schema keeps the name, version, doc and parameters
     * of the original.
     */
    private Schema castWholeSchema(Schema schema) {
        SchemaBuilder builder = SchemaUtil.copySchemaBasics(schema, SchemaBuilder.type(wholeValueType));
        return finish(builder, schema, wholeValueType);
    }

    private Schema castStructSchema(Schema schema) {
        Requirements.requireSchema(schema, PURPOSE);
        SchemaBuilder builder = SchemaUtil.copySchemaBasics(schema, SchemaBuilder.struct());
        for (Field field : schema.fields()) {
            Schema.Type target = fieldTypes.get(field.name());
            if (target == null) {
                builder.field(field.name(), field.schema());
            } else {
                builder.field(field.name(), finish(SchemaBuilder.type(target), field.schema(), target));
            }
        }
        if (schema.isOptional()) {
            builder.optional();
        }
        return builder.build();
    }

    private static Schema finish(SchemaBuilder builder, Schema original, Schema.Type target) {
        if (original.isOptional()) {
            builder.optional();
        }
        if (original.defaultValue() != null) {
            builder.defaultValue(CastValueConverter.convert(original, original.defaultValue(), target));
        }
        return builder.build();
    }

    @Override
    public ConfigDef config() {
        return CONFIG_DEF;
    }

    @Override
    public void close() {
        castSchemas = null;
    }

    protected abstract Schema operatingSchema(R record);

    protected abstract Object operatingValue(R record);

    protected abstract R newRecord(R record, Schema updatedSchema, Object updatedValue);

    /** Whether a type is read from the data or written by the cast. */
    enum FieldType {
        INPUT,
        OUTPUT
    }

    /** Each spec entry is a type or a field:type pair; the types themselves are checked on configure. */
    private static final class SpecShapeValidator implements ConfigDef.Validator {

        @Override
        public void ensureValid(String name, Object value) {
            for (Object entry : (List<?>) value) {
                if (String.valueOf(entry).split(":").length > 2) {
                    throw new ConfigException(name, value, "Not a type or a field:type pair: " + entry);
                }
            }
        }

        @Override
        public String toString() {
            return "a type, or a list of field:type pairs, e.g. <code>foo:int32,bar:string</code>";
        }
    }

    /** Casts the record key. */
    public static final class Key<R extends ConnectRecord<R>> extends Cast<R> {

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

    /** Casts the record value. */
    public static final class Value<R extends ConnectRecord<R>> extends Cast<R> {

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
