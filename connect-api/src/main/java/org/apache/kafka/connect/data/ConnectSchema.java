package org.apache.kafka.connect.data;

import org.apache.kafka.connect.errors.DataException;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** The immutable {@link Schema} implementation, normally created through {@link SchemaBuilder}. */
public class ConnectSchema implements Schema {

    private final Type type;
    private final boolean optional;
    private final Object defaultValue;
    private final String name;
    private final Integer version;
    private final String doc;
    private final Map<String, String> parameters;
    private final List<Field> fields;
    private final Map<String, Field> fieldsByName;
    private final Schema keySchema;
    private final Schema valueSchema;

    public ConnectSchema(Type type, boolean optional, Object defaultValue, String name, Integer version, String doc,
                         Map<String, String> parameters, List<Field> fields, Schema keySchema, Schema valueSchema) {
        this.type = type;
        this.optional = optional;
        this.defaultValue = defaultValue;
        this.name = name;
        this.version = version;
        this.doc = doc;
        this.parameters = parameters;
        if (type == Type.STRUCT) {
            this.fields = fields == null ? List.of() : fields;
            this.fieldsByName = new HashMap<>();
            for (Field field : this.fields) {
                fieldsByName.put(field.name(), field);
            }
        } else {
            this.fields = null;
            this.fieldsByName = null;
        }
        this.keySchema = keySchema;
        this.valueSchema = valueSchema;
    }

    /** A schema with no parameters, fields or nested schemas. */
    public ConnectSchema(Type type, boolean optional, Object defaultValue, String name, Integer version, String doc) {
        this(type, optional, defaultValue, name, version, doc, null, null, null, null);
    }

    /** A required schema of the given type with no other attributes. */
    public ConnectSchema(Type type) {
        this(type, false, null, null, null, null);
    }

    @Override
    public Type type() {
        return type;
    }

    @Override
    public boolean isOptional() {
        return optional;
    }

    @Override
    public Object defaultValue() {
        return defaultValue;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Integer version() {
        return version;
    }

    @Override
    public String doc() {
        return doc;
    }

    @Override
    public Map<String, String> parameters() {
        return parameters;
    }

    @Override
    public List<Field> fields() {
        if (type != Type.STRUCT) {
            throw new DataException("Cannot list fields on non-struct type");
        }
        return fields;
    }

    @Override
    public Field field(String fieldName) {
        if (type != Type.STRUCT) {
            throw new DataException("Cannot look up fields on non-struct type");
        }
        return fieldsByName.get(fieldName);
    }

    @Override
    public Schema keySchema() {
        if (type != Type.MAP) {
            throw new DataException("Cannot look up key schema on non-map type");
        }
        return keySchema;
    }

    @Override
    public Schema valueSchema() {
        if (type != Type.MAP && type != Type.ARRAY) {
            throw new DataException("Cannot look up value schema on non-array and non-map type");
        }
        return valueSchema;
    }

    /** Throws {@link DataException} unless the value conforms to the schema. */
    public static void validateValue(Schema schema, Object value) {
        validateValue(null, schema, value);
    }

    /** As {@link #validateValue(Schema, Object)}, naming the field in error messages. */
    public static void validateValue(String field, Schema schema, Object value) {
        ValueValidator.validate(field, schema, value);
    }

    public void validateValue(Object value) {
        validateValue(this, value);
    }

    @Override
    public ConnectSchema schema() {
        return this;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (o == null || getClass() != o.getClass()) {
            return false;
        }
        ConnectSchema other = (ConnectSchema) o;
        return optional == other.optional
                && type == other.type
                && Objects.deepEquals(defaultValue, other.defaultValue)
                && Objects.equals(name, other.name)
                && Objects.equals(version, other.version)
                && Objects.equals(doc, other.doc)
                && Objects.equals(parameters, other.parameters)
                && Objects.equals(fields, other.fields)
                && Objects.equals(keySchema, other.keySchema)
                && Objects.equals(valueSchema, other.valueSchema);
    }

    @Override
    public int hashCode() {
        // Byte-array defaults hash by content so that equal schemas (deepEquals above) hash alike.
        int defaultHash = defaultValue instanceof byte[] bytes ? Arrays.hashCode(bytes) : Objects.hashCode(defaultValue);
        return Objects.hash(type, optional, defaultHash, fields, keySchema, valueSchema, name, version, doc, parameters);
    }

    @Override
    public String toString() {
        return name == null ? "Schema{" + type + "}" : "Schema{" + name + ":" + type + "}";
    }

    /** The schema type whose values the given Java class can carry, or null if there is none. */
    public static Type schemaType(Class<?> klass) {
        return JavaTypes.schemaTypeOf(klass);
    }
}
