package org.apache.kafka.connect.transforms;

import java.util.Map;

import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.connect.components.Versioned;
import org.apache.kafka.connect.connector.ConnectRecord;
import org.apache.kafka.connect.data.Field;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.transforms.field.FieldSyntaxVersion;
import org.apache.kafka.connect.transforms.field.SingleFieldPath;
import org.apache.kafka.connect.transforms.util.Requirements;
import org.apache.kafka.connect.transforms.util.SimpleConfig;

import io.tributary.connect.transforms.RecordUpdates;
import io.tributary.connect.transforms.TransformsVersion;

/**
 * Replaces the key or value with one of its fields (a nested one with field syntax V2). A null
 * key or value stays null; with a schema, the record takes the field's schema.
 */
public abstract class ExtractField<R extends ConnectRecord<R>> implements Transformation<R>, Versioned {

    public static final String OVERVIEW_DOC =
            "Replaces the key or value with one of its fields: a Struct field when there is a schema, a map entry when there is none. Null keys or values pass through untouched. Pick the $Key or $Value variant for the part of the record to change.";

    private static final String FIELD_CONFIG = "field";
    private static final String REPLACE_NULL_WITH_DEFAULT_CONFIG = "replace.null.with.default";
    private static final String PURPOSE = "field extraction";

    public static final ConfigDef CONFIG_DEF = FieldSyntaxVersion.appendConfigTo(new ConfigDef()
            .define(FIELD_CONFIG, ConfigDef.Type.STRING, ConfigDef.NO_DEFAULT_VALUE, ConfigDef.Importance.MEDIUM,
                    "Path of the field whose value becomes the new key or value.")
            .define(REPLACE_NULL_WITH_DEFAULT_CONFIG, ConfigDef.Type.BOOLEAN, true, ConfigDef.Importance.MEDIUM,
                    "When true, a null field that has a default value in its schema is read as that default; "
                            + "when false, it is read as null."));

    private SingleFieldPath fieldPath;
    private String fieldText;
    private boolean replaceNullWithDefault;

    public ExtractField() {
    }

    @Override
    public String version() {
        return TransformsVersion.get();
    }

    @Override
    public void configure(Map<String, ?> props) {
        SimpleConfig config = new SimpleConfig(CONFIG_DEF, props);
        fieldText = config.getString(FIELD_CONFIG);
        fieldPath = new SingleFieldPath(fieldText, FieldSyntaxVersion.fromConfig(config));
        replaceNullWithDefault = config.getBoolean(REPLACE_NULL_WITH_DEFAULT_CONFIG);
    }

    @Override
    public R apply(R record) {
        Schema schema = operatingSchema(record);
        if (schema == null) {
            Map<String, Object> map = Requirements.requireMapOrNull(operatingValue(record), PURPOSE);
            return newRecord(record, null, map == null ? null : fieldPath.valueFrom(map));
        }
        Struct struct = Requirements.requireStructOrNull(operatingValue(record), PURPOSE);
        Field field = fieldPath.fieldFrom(schema);
        if (field == null) {
            throw new IllegalArgumentException("Unknown field: " + fieldText);
        }
        return newRecord(record, field.schema(),
                struct == null ? null : fieldPath.valueFrom(struct, replaceNullWithDefault));
    }

    @Override
    public void close() {
    }

    @Override
    public ConfigDef config() {
        return CONFIG_DEF;
    }

    protected abstract Schema operatingSchema(R record);

    protected abstract Object operatingValue(R record);

    protected abstract R newRecord(R record, Schema updatedSchema, Object updatedValue);

    /** Extracts from the record key. */
    public static class Key<R extends ConnectRecord<R>> extends ExtractField<R> {

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

    /** Extracts from the record value. */
    public static class Value<R extends ConnectRecord<R>> extends ExtractField<R> {

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
