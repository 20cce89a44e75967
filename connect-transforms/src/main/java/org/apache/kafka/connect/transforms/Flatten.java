package org.apache.kafka.connect.transforms;

import java.util.LinkedHashMap;
import java.util.Map;

import org.apache.kafka.common.cache.Cache;
import org.apache.kafka.common.cache.LRUCache;
import org.apache.kafka.common.cache.SynchronizedCache;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.connect.components.Versioned;
import org.apache.kafka.connect.connector.ConnectRecord;
import org.apache.kafka.connect.data.ConnectSchema;
import org.apache.kafka.connect.data.Field;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.errors.DataException;
import org.apache.kafka.connect.transforms.util.Requirements;
import org.apache.kafka.connect.transforms.util.SchemaUtil;
import org.apache.kafka.connect.transforms.util.SimpleConfig;

import io.tributary.connect.transforms.RecordUpdates;
import io.tributary.connect.transforms.TransformsVersion;

/**
 * Lifts the fields of nested structs (with a schema) or maps (without) to the top level, naming
 * each by the path to it joined with the delimiter. Arrays are kept as they are.
 */
public abstract class Flatten<R extends ConnectRecord<R>> implements Transformation<R>, Versioned {

    public static final String OVERVIEW_DOC =
            "Turns nested structures into a single level, naming each field by joining the names on its path with the configured delimiter ('.' unless set). Works on Structs with a schema and on maps without one; arrays are left as they are. Pick the $Key or $Value variant for the part of the record to change.";

    private static final String DELIMITER_CONFIG = "delimiter";
    private static final String DELIMITER_DEFAULT = ".";
    private static final String PURPOSE = "flattening";

    public static final ConfigDef CONFIG_DEF = new ConfigDef()
            .define(DELIMITER_CONFIG, ConfigDef.Type.STRING, DELIMITER_DEFAULT, ConfigDef.Importance.MEDIUM,
                    "Text placed between the names of the enclosing fields and the nested field's own name.");

    private String delimiter;
    private Cache<Schema, Schema> flatSchemas;

    public Flatten() {
    }

    @Override
    public void configure(Map<String, ?> props) {
        SimpleConfig config = new SimpleConfig(CONFIG_DEF, props);
        delimiter = config.getString(DELIMITER_CONFIG);
        flatSchemas = new SynchronizedCache<>(new LRUCache<>(16));
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
        Map<String, Object> flat = new LinkedHashMap<>();
        flattenMap(original, "", flat);
        return newRecord(record, null, flat);
    }

    private void flattenMap(Map<String, Object> map, String prefix, Map<String, Object> flat) {
        for (Map.Entry<String, Object> entry : map.entrySet()) {
            String name = qualified(prefix, entry.getKey());
            Object value = entry.getValue();
            if (value == null) {
                flat.put(name, null);
                continue;
            }
            Schema.Type type = ConnectSchema.schemaType(value.getClass());
            if (type == null) {
                throw new DataException("Flatten cannot handle values of " + value.getClass()
                        + " without a schema (field " + name + ")");
            }
            switch (type) {
                case MAP -> flattenMap(Requirements.requireMap(value, PURPOSE), name, flat);
                case STRUCT -> throw new DataException("Flatten cannot handle a Struct without a schema (field "
                        + name + ")");
                default -> flat.put(name, value);
            }
        }
    }

    private R applyWithSchema(R record) {
        Struct original = Requirements.requireStruct(operatingValue(record), PURPOSE);
        Schema schema = operatingSchema(record);
        Schema flatSchema = flatSchemas.get(schema);
        if (flatSchema == null) {
            SchemaBuilder builder = SchemaUtil.copySchemaBasics(schema, SchemaBuilder.struct());
            addFlatFields(schema, "", schema.isOptional(), (Struct) schema.defaultValue(), builder);
            flatSchema = builder.build();
            flatSchemas.put(schema, flatSchema);
        }
        Struct flat = new Struct(flatSchema);
        copyFlatValues(original, "", flat);
        return newRecord(record, flatSchema, flat);
    }

    /**
     * Fields of a struct nested in an optional struct must become optional; a default of the
     * enclosing struct supplies the defaults of the fields lifted out of it.
     */
    private void addFlatFields(Schema struct, String prefix, boolean optionalParent, Struct parentDefault,
            SchemaBuilder builder) {
        for (Field field : struct.fields()) {
            String name = qualified(prefix, field.name());
            Schema fieldSchema = field.schema();
            boolean optional = optionalParent || fieldSchema.isOptional();
            Object defaultValue = parentDefault != null ? parentDefault.get(field) : fieldSchema.defaultValue();
            if (fieldSchema.type() == Schema.Type.STRUCT) {
                addFlatFields(fieldSchema, name, optional, (Struct) defaultValue, builder);
            } else if (fieldSchema.type() == Schema.Type.MAP) {
                // Map keys are not field names, so a map cannot be flattened into a schema.
                throw new DataException("Flatten cannot handle MAP fields of data with a schema (field " + name + ")");
            } else {
                builder.field(name, flatFieldSchema(fieldSchema, optional, defaultValue));
            }
        }
    }

    private static Schema flatFieldSchema(Schema original, boolean optional, Object defaultValue) {
        if (!optional) {
            return original;
        }
        SchemaBuilder builder = SchemaUtil.copySchemaBasics(original);
        builder.optional();
        if (defaultValue != null) {
            builder.defaultValue(defaultValue);
        }
        return builder.build();
    }

    private void copyFlatValues(Struct struct, String prefix, Struct flat) {
        if (struct == null) {
            return;
        }
        for (Field field : struct.schema().fields()) {
            String name = qualified(prefix, field.name());
            if (field.schema().type() == Schema.Type.STRUCT) {
                copyFlatValues(struct.getStruct(field.name()), name, flat);
            } else {
                flat.put(name, struct.get(field));
            }
        }
    }

    private String qualified(String prefix, String name) {
        return prefix.isEmpty() ? name : prefix + delimiter + name;
    }

    @Override
    public String version() {
        return TransformsVersion.get();
    }

    @Override
    public void close() {
        flatSchemas = null;
    }

    @Override
    public ConfigDef config() {
        return CONFIG_DEF;
    }

    protected abstract Schema operatingSchema(R record);

    protected abstract Object operatingValue(R record);

    protected abstract R newRecord(R record, Schema updatedSchema, Object updatedValue);

    /** Flattens the record key. */
    public static class Key<R extends ConnectRecord<R>> extends Flatten<R> {

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

    /** Flattens the record value. */
    public static class Value<R extends ConnectRecord<R>> extends Flatten<R> {

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
