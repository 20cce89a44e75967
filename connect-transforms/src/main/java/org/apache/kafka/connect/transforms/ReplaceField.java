package org.apache.kafka.connect.transforms;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.tributary.connect.transforms.TransformsVersion;
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

/** Drops, keeps and renames top-level fields of the key or value; exclusion wins over inclusion. */
public abstract class ReplaceField<R extends ConnectRecord<R>> implements Transformation<R>, Versioned {

    public static final String OVERVIEW_DOC =
            "Drops, keeps or renames fields of the key or value. Pick the $Key or $Value variant for the part of the record to change.";

    interface ConfigName {
        String EXCLUDE = "exclude";
        String INCLUDE = "include";
        String RENAMES = "renames";
        String REPLACE_NULL_WITH_DEFAULT_CONFIG = "replace.null.with.default";
    }

    public static final ConfigDef CONFIG_DEF = new ConfigDef()
            .define(ConfigName.EXCLUDE, ConfigDef.Type.LIST, List.of(), ConfigDef.Importance.MEDIUM,
                    "Fields to drop; wins over the fields to keep.")
            .define(ConfigName.INCLUDE, ConfigDef.Type.LIST, List.of(), ConfigDef.Importance.MEDIUM,
                    "Fields to keep; when set, every other field is dropped.")
            .define(ConfigName.RENAMES, ConfigDef.Type.LIST, List.of(),
                    ConfigDef.LambdaValidator.with(ReplaceField::validateRenames,
                            () -> "list of colon-delimited pairs, e.g. <code>foo:bar,abc:xyz</code>"),
                    ConfigDef.Importance.MEDIUM, "Renames as old:new pairs.")
            .define(ConfigName.REPLACE_NULL_WITH_DEFAULT_CONFIG, ConfigDef.Type.BOOLEAN, true,
                    ConfigDef.Importance.MEDIUM, TransformDocs.REPLACE_NULL_WITH_DEFAULT);

    private static final String PURPOSE = "field replacement";

    private List<String> exclude;
    private List<String> include;
    private Map<String, String> renames;
    private Map<String, String> originalNames;
    private boolean replaceNullWithDefault;
    private Cache<Schema, Schema> updatedSchemas;

    @Override
    public String version() {
        return TransformsVersion.get();
    }

    @Override
    public void configure(Map<String, ?> configs) {
        SimpleConfig config = new SimpleConfig(CONFIG_DEF, configs);
        exclude = config.getList(ConfigName.EXCLUDE);
        include = config.getList(ConfigName.INCLUDE);
        renames = parseRenames(config.getList(ConfigName.RENAMES));
        originalNames = new HashMap<>();
        renames.forEach((from, to) -> originalNames.put(to, from));
        replaceNullWithDefault = config.getBoolean(ConfigName.REPLACE_NULL_WITH_DEFAULT_CONFIG);
        updatedSchemas = new SynchronizedCache<>(new LRUCache<>(16));
    }

    private static void validateRenames(String name, Object value) {
        @SuppressWarnings("unchecked")
        List<String> pairs = (List<String>) value;
        for (String pair : pairs) {
            if (pair.split(":").length != 2) {
                throw new ConfigException(name, value, "Invalid rename mapping: " + pair);
            }
        }
    }

    private static Map<String, String> parseRenames(List<String> pairs) {
        Map<String, String> parsed = new HashMap<>();
        for (String pair : pairs) {
            String[] parts = pair.split(":");
            parsed.put(parts[0], parts[1]);
        }
        return parsed;
    }

    private boolean kept(String fieldName) {
        return !exclude.contains(fieldName) && (include.isEmpty() || include.contains(fieldName));
    }

    private String renamed(String fieldName) {
        return renames.getOrDefault(fieldName, fieldName);
    }

    private String originalName(String fieldName) {
        return originalNames.getOrDefault(fieldName, fieldName);
    }

    @Override
    public R apply(R record) {
        if (operatingValue(record) == null) {
            return record;
        }
        return operatingSchema(record) == null ? applySchemaless(record) : applyWithSchema(record);
    }

    private R applySchemaless(R record) {
        Map<String, Object> value = Requirements.requireMap(operatingValue(record), PURPOSE);
        Map<String, Object> updated = new HashMap<>(value.size());
        for (Map.Entry<String, Object> entry : value.entrySet()) {
            if (kept(entry.getKey())) {
                updated.put(renamed(entry.getKey()), entry.getValue());
            }
        }
        return newRecord(record, null, updated);
    }

    private R applyWithSchema(R record) {
        Struct value = Requirements.requireStruct(operatingValue(record), PURPOSE);
        Schema schema = updatedSchemas.get(value.schema());
        if (schema == null) {
            schema = updatedSchema(value.schema());
            updatedSchemas.put(value.schema(), schema);
        }
        Struct updated = new Struct(schema);
        for (Field field : schema.fields()) {
            String original = originalName(field.name());
            updated.put(field.name(), replaceNullWithDefault ? value.get(original) : value.getWithoutDefault(original));
        }
        return newRecord(record, schema, updated);
    }

    private Schema updatedSchema(Schema schema) {
        SchemaBuilder builder = SchemaUtil.copySchemaBasics(schema, SchemaBuilder.struct());
        for (Field field : schema.fields()) {
            if (kept(field.name())) {
                builder.field(renamed(field.name()), field.schema());
            }
        }
        return builder.build();
    }

    @Override
    public ConfigDef config() {
        return CONFIG_DEF;
    }

    @Override
    public void close() {
        updatedSchemas = null;
    }

    protected abstract Schema operatingSchema(R record);

    protected abstract Object operatingValue(R record);

    protected abstract R newRecord(R record, Schema updatedSchema, Object updatedValue);

    /** Works on the record key. */
    public static class Key<R extends ConnectRecord<R>> extends ReplaceField<R> {

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

    /** Works on the record value. */
    public static class Value<R extends ConnectRecord<R>> extends ReplaceField<R> {

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
