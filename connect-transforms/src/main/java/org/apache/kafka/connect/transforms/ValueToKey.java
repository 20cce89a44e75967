package org.apache.kafka.connect.transforms;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.tributary.connect.transforms.TransformsVersion;
import org.apache.kafka.common.cache.Cache;
import org.apache.kafka.common.cache.LRUCache;
import org.apache.kafka.common.cache.SynchronizedCache;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.connect.components.Versioned;
import org.apache.kafka.connect.connector.ConnectRecord;
import org.apache.kafka.connect.data.Field;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.errors.DataException;
import org.apache.kafka.connect.transforms.util.NonEmptyListValidator;
import org.apache.kafka.connect.transforms.util.Requirements;
import org.apache.kafka.connect.transforms.util.SimpleConfig;

/** Builds the record key from chosen top-level fields of the value: a map without schemas, a struct with them. */
public class ValueToKey<R extends ConnectRecord<R>> implements Transformation<R>, Versioned {

    public static final String OVERVIEW_DOC =
            "Builds a new record key from chosen fields of the record value.";
    public static final String FIELDS_CONFIG = "fields";
    public static final String REPLACE_NULL_WITH_DEFAULT_CONFIG = "replace.null.with.default";

    public static final ConfigDef CONFIG_DEF = new ConfigDef()
            .define(FIELDS_CONFIG, ConfigDef.Type.LIST, ConfigDef.NO_DEFAULT_VALUE, new NonEmptyListValidator(),
                    ConfigDef.Importance.HIGH, "Names of the value fields copied into the new key, in key order.")
            .define(REPLACE_NULL_WITH_DEFAULT_CONFIG, ConfigDef.Type.BOOLEAN, true, ConfigDef.Importance.MEDIUM,
                    TransformDocs.REPLACE_NULL_WITH_DEFAULT);

    private static final String PURPOSE = "copying fields from value to key";

    private List<String> fields;
    private boolean replaceNullWithDefault;
    private Cache<Schema, Schema> keySchemas;

    @Override
    public String version() {
        return TransformsVersion.get();
    }

    @Override
    public void configure(Map<String, ?> configs) {
        SimpleConfig config = new SimpleConfig(CONFIG_DEF, configs);
        fields = config.getList(FIELDS_CONFIG);
        replaceNullWithDefault = config.getBoolean(REPLACE_NULL_WITH_DEFAULT_CONFIG);
        keySchemas = new SynchronizedCache<>(new LRUCache<>(16));
    }

    @Override
    public R apply(R record) {
        return record.valueSchema() == null ? applySchemaless(record) : applyWithSchema(record);
    }

    private R applySchemaless(R record) {
        Map<String, Object> value = Requirements.requireMap(record.value(), PURPOSE);
        Map<String, Object> key = new HashMap<>(fields.size());
        for (String field : fields) {
            key.put(field, value.get(field));
        }
        return record.newRecord(record.topic(), record.kafkaPartition(), null, key,
                record.valueSchema(), record.value(), record.timestamp());
    }

    private R applyWithSchema(R record) {
        Struct value = Requirements.requireStruct(record.value(), PURPOSE);
        Schema keySchema = keySchemas.get(value.schema());
        if (keySchema == null) {
            keySchema = keySchemaFor(value.schema());
            keySchemas.put(value.schema(), keySchema);
        }
        Struct key = new Struct(keySchema);
        for (String field : fields) {
            key.put(field, replaceNullWithDefault ? value.get(field) : value.getWithoutDefault(field));
        }
        return record.newRecord(record.topic(), record.kafkaPartition(), keySchema, key,
                value.schema(), value, record.timestamp());
    }

    private Schema keySchemaFor(Schema valueSchema) {
        SchemaBuilder builder = SchemaBuilder.struct();
        for (String name : fields) {
            Field field = valueSchema.field(name);
            if (field == null) {
                throw new DataException("Field does not exist: " + name);
            }
            builder.field(name, field.schema());
        }
        return builder.build();
    }

    @Override
    public ConfigDef config() {
        return CONFIG_DEF;
    }

    @Override
    public void close() {
        keySchemas = null;
    }
}
