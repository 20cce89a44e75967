package org.apache.kafka.connect.transforms;

import java.util.List;
import java.util.Map;

import io.tributary.connect.transforms.TransformsVersion;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.connect.components.Versioned;
import org.apache.kafka.connect.connector.ConnectRecord;
import org.apache.kafka.connect.data.ConnectSchema;
import org.apache.kafka.connect.data.Field;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.transforms.util.Requirements;
import org.apache.kafka.connect.transforms.util.SimpleConfig;

/** Sets the name and/or version of the key or value schema, rebinding a struct value to the renamed schema. */
public abstract class SetSchemaMetadata<R extends ConnectRecord<R>> implements Transformation<R>, Versioned {

    public static final String OVERVIEW_DOC =
            "Sets the name, the version or both of the schema of the record key ($Key) or value ($Value).";

    interface ConfigName {
        String SCHEMA_NAME = "schema.name";
        String SCHEMA_VERSION = "schema.version";
        String REPLACE_NULL_WITH_DEFAULT = "replace.null.with.default";
    }

    public static final ConfigDef CONFIG_DEF = new ConfigDef()
            .define(ConfigName.SCHEMA_NAME, ConfigDef.Type.STRING, null, ConfigDef.Importance.HIGH,
                    "New schema name; the current one is kept when unset.")
            .define(ConfigName.SCHEMA_VERSION, ConfigDef.Type.INT, null, ConfigDef.Importance.HIGH,
                    "New schema version; the current one is kept when unset.")
            .define(ConfigName.REPLACE_NULL_WITH_DEFAULT, ConfigDef.Type.BOOLEAN, true, ConfigDef.Importance.MEDIUM,
                    TransformDocs.REPLACE_NULL_WITH_DEFAULT);

    private static final String PURPOSE = "updating schema metadata";

    private String schemaName;
    private Integer schemaVersion;
    private boolean replaceNullWithDefault;

    @Override
    public String version() {
        return TransformsVersion.get();
    }

    @Override
    public void configure(Map<String, ?> configs) {
        SimpleConfig config = new SimpleConfig(CONFIG_DEF, configs);
        schemaName = config.getString(ConfigName.SCHEMA_NAME);
        schemaVersion = config.getInt(ConfigName.SCHEMA_VERSION);
        replaceNullWithDefault = config.getBoolean(ConfigName.REPLACE_NULL_WITH_DEFAULT);
        if (schemaName == null && schemaVersion == null) {
            throw new ConfigException("Neither schema name nor version configured");
        }
    }

    @Override
    public R apply(R record) {
        Schema schema = operatingSchema(record);
        if (schema == null && operatingValue(record) == null) {
            // A schemaless tombstone has nothing to rename and passes through untouched.
            return record;
        }
        Requirements.requireSchema(schema, PURPOSE);
        return newRecord(record, withMetadata(schema));
    }

    private Schema withMetadata(Schema schema) {
        // Listing the fields fails with a DataException for any schema but a struct, as Connect 4.1.1 does.
        List<Field> fields = schema.fields();
        return new ConnectSchema(schema.type(), schema.isOptional(), schema.defaultValue(),
                schemaName != null ? schemaName : schema.name(),
                schemaVersion != null ? schemaVersion : schema.version(),
                schema.doc(), schema.parameters(), fields, null, null);
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

    protected abstract R newRecord(R record, Schema updatedSchema);

    /** A struct is copied onto the new schema (a struct is bound to its schema); other values pass unchanged. */
    protected Object updateSchemaIn(Object keyOrValue, Schema updatedSchema) {
        if (!(keyOrValue instanceof Struct original)) {
            return keyOrValue;
        }
        Struct updated = new Struct(updatedSchema);
        for (Field field : updatedSchema.fields()) {
            Object fieldValue = replaceNullWithDefault
                    ? original.get(field.name())
                    : original.getWithoutDefault(field.name());
            updated.put(field.name(), fieldValue);
        }
        return updated;
    }

    /** Applies to the record key and its schema. */
    public static class Key<R extends ConnectRecord<R>> extends SetSchemaMetadata<R> {

        @Override
        protected Schema operatingSchema(R record) {
            return record.keySchema();
        }

        @Override
        protected Object operatingValue(R record) {
            return record.key();
        }

        @Override
        protected R newRecord(R record, Schema updatedSchema) {
            Object key = updateSchemaIn(record.key(), updatedSchema);
            return record.newRecord(record.topic(), record.kafkaPartition(), updatedSchema, key,
                    record.valueSchema(), record.value(), record.timestamp());
        }
    }

    /** Applies to the record value and its schema. */
    public static class Value<R extends ConnectRecord<R>> extends SetSchemaMetadata<R> {

        @Override
        protected Schema operatingSchema(R record) {
            return record.valueSchema();
        }

        @Override
        protected Object operatingValue(R record) {
            return record.value();
        }

        @Override
        protected R newRecord(R record, Schema updatedSchema) {
            Object value = updateSchemaIn(record.value(), updatedSchema);
            return record.newRecord(record.topic(), record.kafkaPartition(), record.keySchema(), record.key(),
                    updatedSchema, value, record.timestamp());
        }
    }
}
