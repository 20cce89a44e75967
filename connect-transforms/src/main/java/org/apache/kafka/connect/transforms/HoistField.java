package org.apache.kafka.connect.transforms;

import java.util.Collections;
import java.util.Map;

import org.apache.kafka.common.cache.Cache;
import org.apache.kafka.common.cache.LRUCache;
import org.apache.kafka.common.cache.SynchronizedCache;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.connect.components.Versioned;
import org.apache.kafka.connect.connector.ConnectRecord;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.transforms.util.SimpleConfig;

import io.tributary.connect.transforms.RecordUpdates;
import io.tributary.connect.transforms.TransformsVersion;

/**
 * Wraps the key or value in a struct (with a schema) or a map (without) holding it as the single
 * field of the configured name.
 */
public abstract class HoistField<R extends ConnectRecord<R>> implements Transformation<R>, Versioned {

    public static final String OVERVIEW_DOC =
            "Puts the whole key or value inside a new single-field wrapper under the configured name: a Struct when there is a schema, a map when there is none. Pick the $Key or $Value variant for the part of the record to change.";

    private static final String FIELD_CONFIG = "field";

    public static final ConfigDef CONFIG_DEF = new ConfigDef()
            .define(FIELD_CONFIG, ConfigDef.Type.STRING, ConfigDef.NO_DEFAULT_VALUE, ConfigDef.Importance.MEDIUM,
                    "Name of the single field of the struct or map that will hold the original data.");

    private String fieldName;
    private Cache<Schema, Schema> wrapperSchemas;

    public HoistField() {
    }

    @Override
    public void configure(Map<String, ?> props) {
        SimpleConfig config = new SimpleConfig(CONFIG_DEF, props);
        fieldName = config.getString(FIELD_CONFIG);
        wrapperSchemas = new SynchronizedCache<>(new LRUCache<>(16));
    }

    @Override
    public R apply(R record) {
        Schema schema = operatingSchema(record);
        Object value = operatingValue(record);
        if (schema == null) {
            return newRecord(record, null, Collections.singletonMap(fieldName, value));
        }
        Schema wrapper = wrapperSchemas.get(schema);
        if (wrapper == null) {
            wrapper = SchemaBuilder.struct().field(fieldName, schema).build();
            wrapperSchemas.put(schema, wrapper);
        }
        Struct wrapped = new Struct(wrapper).put(fieldName, value);
        return newRecord(record, wrapper, wrapped);
    }

    @Override
    public String version() {
        return TransformsVersion.get();
    }

    @Override
    public void close() {
        wrapperSchemas = null;
    }

    @Override
    public ConfigDef config() {
        return CONFIG_DEF;
    }

    protected abstract Schema operatingSchema(R record);

    protected abstract Object operatingValue(R record);

    protected abstract R newRecord(R record, Schema updatedSchema, Object updatedValue);

    /** Wraps the record key. */
    public static class Key<R extends ConnectRecord<R>> extends HoistField<R> {

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

    /** Wraps the record value. */
    public static class Value<R extends ConnectRecord<R>> extends HoistField<R> {

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
