package org.apache.kafka.connect.data;

import java.util.Objects;

/** A named, positioned member of a struct schema. */
public class Field {
    private final String name;
    private final int index;
    private final Schema schema;

    public Field(String name, int index, Schema schema) {
        this.name = name;
        this.index = index;
        this.schema = schema;
    }

    public String name() {
        return name;
    }

    /** Position of this field within its struct, starting at 0. */
    public int index() {
        return index;
    }

    public Schema schema() {
        return schema;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (o == null || getClass() != o.getClass()) {
            return false;
        }
        Field other = (Field) o;
        return index == other.index && Objects.equals(name, other.name) && Objects.equals(schema, other.schema);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, index, schema);
    }

    @Override
    public String toString() {
        return "Field{name=" + name + ", index=" + index + ", schema=" + schema + "}";
    }
}
