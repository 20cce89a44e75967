package org.apache.kafka.connect.header;

import java.util.Objects;

import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaAndValue;

/** The immutable header used by {@link ConnectHeaders}. */
class ConnectHeader implements Header {

    private final String key;
    private final Schema schema;
    private final Object value;

    protected ConnectHeader(String key, SchemaAndValue schemaAndValue) {
        this.key = Objects.requireNonNull(key, "Null header keys are not permitted");
        SchemaAndValue content = schemaAndValue != null ? schemaAndValue : SchemaAndValue.NULL;
        this.schema = content.schema();
        this.value = content.value();
    }

    @Override
    public String key() {
        return key;
    }

    @Override
    public Object value() {
        return value;
    }

    @Override
    public Schema schema() {
        return schema;
    }

    @Override
    public Header rename(String key) {
        Objects.requireNonNull(key, "Null header keys are not permitted");
        return this.key.equals(key) ? this : new ConnectHeader(key, new SchemaAndValue(schema, value));
    }

    @Override
    public Header with(Schema schema, Object value) {
        return new ConnectHeader(key, new SchemaAndValue(schema, value));
    }

    @Override
    public int hashCode() {
        // Hashes the key together with the hash of the (schema, value) pair, as Apache's header does.
        return Objects.hash(key, Objects.hash(schema, value));
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof Header other)) {
            return false;
        }
        return key.equals(other.key())
                && Objects.equals(schema, other.schema())
                && Objects.equals(value, other.value());
    }

    @Override
    public String toString() {
        return "ConnectHeader(key=" + key + ", value=" + value + ", schema=" + schema + ")";
    }
}
