package org.apache.kafka.connect.data;

import org.apache.kafka.connect.errors.DataException;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A structured record value: one slot per field of a STRUCT schema. Values are type-checked on
 * {@code put}; {@link #validate()} additionally checks that every required field is present.
 */
public class Struct {
    private final Schema schema;
    private final Object[] values;

    public Struct(Schema schema) {
        if (schema.type() != Schema.Type.STRUCT) {
            throw new DataException("Not a struct schema: " + schema);
        }
        this.schema = schema;
        this.values = new Object[schema.fields().size()];
    }

    public Schema schema() {
        return schema;
    }

    /** The field's value, or the field schema's default when no value is set. */
    public Object get(String fieldName) {
        return get(lookupField(fieldName));
    }

    /** The value in the field's slot (by index), or the field schema's default when that is null. */
    public Object get(Field field) {
        Object value = values[field.index()];
        return value != null ? value : field.schema().defaultValue();
    }

    /** The value exactly as set, ignoring any default. */
    public Object getWithoutDefault(String fieldName) {
        return values[lookupField(fieldName).index()];
    }

    // The typed getters return the value as set (no default) after checking the field's type.

    public Byte getInt8(String fieldName) {
        return (Byte) valueOfType(fieldName, Schema.Type.INT8);
    }

    public Short getInt16(String fieldName) {
        return (Short) valueOfType(fieldName, Schema.Type.INT16);
    }

    public Integer getInt32(String fieldName) {
        return (Integer) valueOfType(fieldName, Schema.Type.INT32);
    }

    public Long getInt64(String fieldName) {
        return (Long) valueOfType(fieldName, Schema.Type.INT64);
    }

    public Float getFloat32(String fieldName) {
        return (Float) valueOfType(fieldName, Schema.Type.FLOAT32);
    }

    public Double getFloat64(String fieldName) {
        return (Double) valueOfType(fieldName, Schema.Type.FLOAT64);
    }

    public Boolean getBoolean(String fieldName) {
        return (Boolean) valueOfType(fieldName, Schema.Type.BOOLEAN);
    }

    public String getString(String fieldName) {
        return (String) valueOfType(fieldName, Schema.Type.STRING);
    }

    /** The bytes; a ByteBuffer value is returned as its whole backing array. */
    public byte[] getBytes(String fieldName) {
        Object bytes = valueOfType(fieldName, Schema.Type.BYTES);
        if (bytes instanceof ByteBuffer buffer) {
            return buffer.array();
        }
        return (byte[]) bytes;
    }

    @SuppressWarnings("unchecked")
    public <T> List<T> getArray(String fieldName) {
        return (List<T>) valueOfType(fieldName, Schema.Type.ARRAY);
    }

    @SuppressWarnings("unchecked")
    public <K, V> Map<K, V> getMap(String fieldName) {
        return (Map<K, V>) valueOfType(fieldName, Schema.Type.MAP);
    }

    public Struct getStruct(String fieldName) {
        return (Struct) valueOfType(fieldName, Schema.Type.STRUCT);
    }

    public Struct put(String fieldName, Object value) {
        return put(lookupField(fieldName), value);
    }

    /** Validates the value against the field's schema and stores it in the field's slot. */
    public Struct put(Field field, Object value) {
        if (field == null) {
            throw new DataException("field cannot be null.");
        }
        ConnectSchema.validateValue(field.name(), field.schema(), value);
        values[field.index()] = value;
        return this;
    }

    /** Throws {@link DataException} if a required field without a default is unset, or a value is invalid. */
    public void validate() {
        for (Field field : schema.fields()) {
            Schema fieldSchema = field.schema();
            Object value = values[field.index()];
            if (value == null && (fieldSchema.isOptional() || fieldSchema.defaultValue() != null)) {
                continue;
            }
            ConnectSchema.validateValue(field.name(), fieldSchema, value);
        }
    }

    private Object valueOfType(String fieldName, Schema.Type expected) {
        Field field = lookupField(fieldName);
        if (field.schema().type() != expected) {
            throw new DataException("Field '" + fieldName + "' is not of type " + expected);
        }
        return values[field.index()];
    }

    private Field lookupField(String fieldName) {
        Field field = schema.field(fieldName);
        if (field == null) {
            throw new DataException(fieldName + " is not a valid field name");
        }
        return field;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (o == null || getClass() != o.getClass()) {
            return false;
        }
        Struct other = (Struct) o;
        return Objects.equals(schema, other.schema) && Arrays.deepEquals(values, other.values);
    }

    @Override
    public int hashCode() {
        return Objects.hash(schema, Arrays.deepHashCode(values));
    }

    /** Lists the fields that hold a value, e.g. {@code Struct{id=1,name=x}}. */
    @Override
    public String toString() {
        // Walk the value slots rather than the schema: a builder schema may have grown fields since.
        List<Field> fields = schema.fields();
        StringBuilder text = new StringBuilder("Struct{");
        boolean first = true;
        for (int index = 0; index < values.length; index++) {
            if (values[index] == null) {
                continue;
            }
            if (!first) {
                text.append(',');
            }
            text.append(fields.get(index).name()).append('=').append(values[index]);
            first = false;
        }
        return text.append('}').toString();
    }
}
