package org.apache.kafka.connect.data;

import org.apache.kafka.connect.errors.DataException;
import org.apache.kafka.connect.errors.SchemaBuilderException;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A fluent, mutable {@link Schema} used to assemble a {@link ConnectSchema}. Each attribute may be
 * set once; setting it again to a different value throws {@link SchemaBuilderException}.
 */
public class SchemaBuilder implements Schema {
    private static final String OPTIONAL_ATTRIBUTE = "optional";
    private static final String DEFAULT_ATTRIBUTE = "default";
    private static final String NAME_ATTRIBUTE = "name";
    private static final String VERSION_ATTRIBUTE = "version";
    private static final String DOC_ATTRIBUTE = "doc";

    private final Type type;
    private Boolean optional;
    private Object defaultValue;
    private String name;
    private Integer version;
    private String doc;
    private Map<String, String> parameters;
    // Only structs have fields; kept in declaration order.
    private final Map<String, Field> fields;
    private Schema keySchema;
    private Schema valueSchema;

    public SchemaBuilder(Type type) {
        if (type == null) {
            throw new SchemaBuilderException("type cannot be null");
        }
        this.type = type;
        this.fields = type == Type.STRUCT ? new LinkedHashMap<>() : null;
    }

    @Override
    public boolean isOptional() {
        return optional != null && optional;
    }

    public SchemaBuilder optional() {
        requireUnsetOrSame(OPTIONAL_ATTRIBUTE, optional, Boolean.TRUE);
        optional = Boolean.TRUE;
        return this;
    }

    public SchemaBuilder required() {
        requireUnsetOrSame(OPTIONAL_ATTRIBUTE, optional, Boolean.FALSE);
        optional = Boolean.FALSE;
        return this;
    }

    @Override
    public Object defaultValue() {
        return defaultValue;
    }

    /** Sets the default after checking it against the schema as configured so far. */
    public SchemaBuilder defaultValue(Object value) {
        requireUnsetOrSame(DEFAULT_ATTRIBUTE, defaultValue, value);
        try {
            ConnectSchema.validateValue(this, value);
        } catch (DataException e) {
            throw new SchemaBuilderException("Invalid default value", e);
        }
        defaultValue = value;
        return this;
    }

    @Override
    public String name() {
        return name;
    }

    public SchemaBuilder name(String name) {
        requireUnsetOrSame(NAME_ATTRIBUTE, this.name, name);
        this.name = name;
        return this;
    }

    @Override
    public Integer version() {
        return version;
    }

    public SchemaBuilder version(Integer version) {
        requireUnsetOrSame(VERSION_ATTRIBUTE, this.version, version);
        this.version = version;
        return this;
    }

    @Override
    public String doc() {
        return doc;
    }

    public SchemaBuilder doc(String doc) {
        requireUnsetOrSame(DOC_ATTRIBUTE, this.doc, doc);
        this.doc = doc;
        return this;
    }

    /** A read-only view of the parameters, or null if none were set. */
    @Override
    public Map<String, String> parameters() {
        return parameters == null ? null : Collections.unmodifiableMap(parameters);
    }

    public SchemaBuilder parameter(String propertyName, String propertyValue) {
        parametersForUpdate().put(propertyName, propertyValue);
        return this;
    }

    public SchemaBuilder parameters(Map<String, String> props) {
        // An empty map leaves parameters unset (null), so the built schema equals one without parameters.
        if (!props.isEmpty()) {
            parametersForUpdate().putAll(props);
        }
        return this;
    }

    private Map<String, String> parametersForUpdate() {
        if (parameters == null) {
            parameters = new LinkedHashMap<>();
        }
        return parameters;
    }

    @Override
    public Type type() {
        return type;
    }

    public static SchemaBuilder type(Type type) {
        return new SchemaBuilder(type);
    }

    public static SchemaBuilder int8() {
        return new SchemaBuilder(Type.INT8);
    }

    public static SchemaBuilder int16() {
        return new SchemaBuilder(Type.INT16);
    }

    public static SchemaBuilder int32() {
        return new SchemaBuilder(Type.INT32);
    }

    public static SchemaBuilder int64() {
        return new SchemaBuilder(Type.INT64);
    }

    public static SchemaBuilder float32() {
        return new SchemaBuilder(Type.FLOAT32);
    }

    public static SchemaBuilder float64() {
        return new SchemaBuilder(Type.FLOAT64);
    }

    public static SchemaBuilder bool() {
        return new SchemaBuilder(Type.BOOLEAN);
    }

    public static SchemaBuilder string() {
        return new SchemaBuilder(Type.STRING);
    }

    public static SchemaBuilder bytes() {
        return new SchemaBuilder(Type.BYTES);
    }

    public static SchemaBuilder struct() {
        return new SchemaBuilder(Type.STRUCT);
    }

    /** Appends a field to a struct schema; its index is its position. */
    public SchemaBuilder field(String fieldName, Schema fieldSchema) {
        if (type != Type.STRUCT) {
            throw new SchemaBuilderException("Cannot create fields on type " + type);
        }
        if (fieldName == null || fieldName.isEmpty()) {
            throw new SchemaBuilderException("fieldName cannot be null.");
        }
        if (fieldSchema == null) {
            throw new SchemaBuilderException("fieldSchema for field " + fieldName + " cannot be null.");
        }
        if (fields.containsKey(fieldName)) {
            throw new SchemaBuilderException("Cannot create field because of field name duplication " + fieldName);
        }
        fields.put(fieldName, new Field(fieldName, fields.size(), fieldSchema));
        return this;
    }

    /** A snapshot copy of the fields added so far. */
    @Override
    public List<Field> fields() {
        if (type != Type.STRUCT) {
            throw new DataException("Cannot list fields on non-struct type");
        }
        return new ArrayList<>(fields.values());
    }

    @Override
    public Field field(String fieldName) {
        if (type != Type.STRUCT) {
            throw new DataException("Cannot look up fields on non-struct type");
        }
        return fields.get(fieldName);
    }

    public static SchemaBuilder array(Schema valueSchema) {
        if (valueSchema == null) {
            throw new SchemaBuilderException("valueSchema cannot be null.");
        }
        SchemaBuilder builder = new SchemaBuilder(Type.ARRAY);
        builder.valueSchema = valueSchema;
        return builder;
    }

    public static SchemaBuilder map(Schema keySchema, Schema valueSchema) {
        if (keySchema == null) {
            throw new SchemaBuilderException("keySchema cannot be null.");
        }
        if (valueSchema == null) {
            throw new SchemaBuilderException("valueSchema cannot be null.");
        }
        SchemaBuilder builder = new SchemaBuilder(Type.MAP);
        builder.keySchema = keySchema;
        builder.valueSchema = valueSchema;
        return builder;
    }

    /**
     * A map whose values are all null, so no value schema can be inferred: used by
     * {@link Values#parseString} for inputs such as {@code {"a":null}}.
     */
    static SchemaBuilder mapWithNullValues(Schema keySchema) {
        if (keySchema == null) {
            throw new SchemaBuilderException("keySchema cannot be null.");
        }
        SchemaBuilder builder = new SchemaBuilder(Type.MAP);
        builder.keySchema = keySchema;
        return builder;
    }

    @Override
    public Schema keySchema() {
        return keySchema;
    }

    @Override
    public Schema valueSchema() {
        return valueSchema;
    }

    /** Creates an immutable schema from the current state; later builder changes do not affect it. */
    public Schema build() {
        return new ConnectSchema(type, isOptional(), defaultValue, name, version, doc,
                parameters == null ? null : Collections.unmodifiableMap(new LinkedHashMap<>(parameters)),
                fields == null ? null : Collections.unmodifiableList(new ArrayList<>(fields.values())),
                keySchema, valueSchema);
    }

    @Override
    public Schema schema() {
        return build();
    }

    // Connect compares by reference here: repeating a call with the very same object is allowed,
    // anything else (even an equal but distinct object) counts as a conflicting second set.
    private static void requireUnsetOrSame(String attribute, Object current, Object proposed) {
        if (current != null && current != proposed) {
            throw new SchemaBuilderException("Invalid SchemaBuilder call: " + attribute + " has already been set.");
        }
    }
}
