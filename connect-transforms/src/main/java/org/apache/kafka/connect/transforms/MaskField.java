package org.apache.kafka.connect.transforms;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Collections;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import io.tributary.connect.transforms.TransformsVersion;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.connect.components.Versioned;
import org.apache.kafka.connect.connector.ConnectRecord;
import org.apache.kafka.connect.data.Field;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.errors.DataException;
import org.apache.kafka.connect.transforms.util.NonEmptyListValidator;
import org.apache.kafka.connect.transforms.util.Requirements;
import org.apache.kafka.connect.transforms.util.SimpleConfig;

/**
 * Replaces chosen top-level fields with an "empty" value of the same Java type (0, false, "", empty
 * collections, the epoch), or with a configured replacement parsed into the field's type.
 */
public abstract class MaskField<R extends ConnectRecord<R>> implements Transformation<R>, Versioned {

    public static final String OVERVIEW_DOC =
            "Masks chosen fields with an empty value of their type (0, false, an empty string, and so on), or with a replacement value converted to the field's type for numeric and string fields. Pick the $Key or $Value variant for the part of the record to change.";

    private static final String FIELDS_CONFIG = "fields";
    private static final String REPLACEMENT_CONFIG = "replacement";
    private static final String REPLACE_NULL_WITH_DEFAULT_CONFIG = "replace.null.with.default";

    public static final ConfigDef CONFIG_DEF = new ConfigDef()
            .define(FIELDS_CONFIG, ConfigDef.Type.LIST, ConfigDef.NO_DEFAULT_VALUE, new NonEmptyListValidator(),
                    ConfigDef.Importance.HIGH, "Names of the top-level fields to mask.")
            .define(REPLACEMENT_CONFIG, ConfigDef.Type.STRING, null, new ConfigDef.NonEmptyString(),
                    ConfigDef.Importance.LOW, "Value written into every masked field instead of its empty value, "
                            + "converted to the field's type (numeric and string fields only).")
            .define(REPLACE_NULL_WITH_DEFAULT_CONFIG, ConfigDef.Type.BOOLEAN, true, ConfigDef.Importance.MEDIUM,
                    TransformDocs.REPLACE_NULL_WITH_DEFAULT);

    private static final String PURPOSE = "mask fields";

    private static final Map<Class<?>, Object> EMPTY_VALUES = Map.ofEntries(
            Map.entry(Boolean.class, Boolean.FALSE),
            Map.entry(Byte.class, (byte) 0),
            Map.entry(Short.class, (short) 0),
            Map.entry(Integer.class, 0),
            Map.entry(Long.class, 0L),
            Map.entry(Float.class, 0f),
            Map.entry(Double.class, 0d),
            Map.entry(BigInteger.class, BigInteger.ZERO),
            Map.entry(BigDecimal.class, BigDecimal.ZERO),
            Map.entry(Date.class, new Date(0)),
            Map.entry(String.class, ""));

    private static final Map<Class<?>, Function<String, ?>> REPLACEMENT_PARSERS = Map.of(
            Byte.class, Byte::parseByte,
            Short.class, Short::parseShort,
            Integer.class, Integer::parseInt,
            Long.class, Long::parseLong,
            Float.class, Float::parseFloat,
            Double.class, Double::parseDouble,
            String.class, Function.identity(),
            BigDecimal.class, BigDecimal::new,
            BigInteger.class, BigInteger::new);

    private Set<String> maskedFields;
    private String replacement;
    private boolean replaceNullWithDefault;

    @Override
    public String version() {
        return TransformsVersion.get();
    }

    @Override
    public void configure(Map<String, ?> props) {
        SimpleConfig config = new SimpleConfig(CONFIG_DEF, props);
        List<String> fields = config.getList(FIELDS_CONFIG);
        maskedFields = new HashSet<>(fields);
        replacement = config.getString(REPLACEMENT_CONFIG);
        replaceNullWithDefault = config.getBoolean(REPLACE_NULL_WITH_DEFAULT_CONFIG);
    }

    @Override
    public R apply(R record) {
        return operatingSchema(record) == null ? applySchemaless(record) : applyWithSchema(record);
    }

    private R applySchemaless(R record) {
        Map<String, Object> value = Requirements.requireMap(operatingValue(record), PURPOSE);
        Map<String, Object> masked = new HashMap<>(value);
        for (String field : maskedFields) {
            masked.put(field, mask(value.get(field)));
        }
        return newRecord(record, masked);
    }

    private R applyWithSchema(R record) {
        Struct value = Requirements.requireStruct(operatingValue(record), PURPOSE);
        Struct masked = new Struct(value.schema());
        for (Field field : value.schema().fields()) {
            Object original = replaceNullWithDefault ? value.get(field) : value.getWithoutDefault(field.name());
            masked.put(field, maskedFields.contains(field.name()) ? mask(original) : original);
        }
        return newRecord(record, masked);
    }

    private Object mask(Object value) {
        if (value == null) {
            return null;
        }
        return replacement == null ? emptyValueLike(value) : replacementLike(value);
    }

    private static Object emptyValueLike(Object value) {
        Object empty = EMPTY_VALUES.get(value.getClass());
        if (empty != null) {
            return empty;
        }
        if (value instanceof List) {
            return Collections.emptyList();
        }
        if (value instanceof Map) {
            return Collections.emptyMap();
        }
        throw new DataException("Cannot mask value of type: " + value.getClass());
    }

    private Object replacementLike(Object value) {
        Function<String, ?> parser = REPLACEMENT_PARSERS.get(value.getClass());
        if (parser == null) {
            throw new DataException("Cannot mask value of type " + value.getClass() + " with custom replacement.");
        }
        try {
            return parser.apply(replacement);
        } catch (NumberFormatException e) {
            throw new DataException("Unable to convert " + replacement + " (" + replacement.getClass()
                    + ") to number", e);
        }
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

    protected abstract R newRecord(R base, Object value);

    /** Masks fields of the record key. */
    public static final class Key<R extends ConnectRecord<R>> extends MaskField<R> {

        @Override
        protected Schema operatingSchema(R record) {
            return record.keySchema();
        }

        @Override
        protected Object operatingValue(R record) {
            return record.key();
        }

        @Override
        protected R newRecord(R record, Object updatedValue) {
            return record.newRecord(record.topic(), record.kafkaPartition(), record.keySchema(), updatedValue,
                    record.valueSchema(), record.value(), record.timestamp());
        }
    }

    /** Masks fields of the record value. */
    public static final class Value<R extends ConnectRecord<R>> extends MaskField<R> {

        @Override
        protected Schema operatingSchema(R record) {
            return record.valueSchema();
        }

        @Override
        protected Object operatingValue(R record) {
            return record.value();
        }

        @Override
        protected R newRecord(R record, Object updatedValue) {
            return record.newRecord(record.topic(), record.kafkaPartition(), record.keySchema(), record.key(),
                    record.valueSchema(), updatedValue, record.timestamp());
        }
    }
}
