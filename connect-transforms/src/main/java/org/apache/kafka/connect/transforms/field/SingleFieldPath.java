package org.apache.kafka.connect.transforms.field;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.apache.kafka.connect.data.Field;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.transforms.util.Requirements;

/**
 * A path to one field of a struct or map: a single top-level name with {@link FieldSyntaxVersion#V1},
 * or a dotted path into nested values with {@link FieldSyntaxVersion#V2}. Lookups answer null when
 * any step of the path is absent or null.
 */
public class SingleFieldPath {

    private static final String NESTED_ACCESS = "nested field access";

    private final FieldSyntaxVersion version;
    private final List<String> steps;

    public SingleFieldPath(String pathText, FieldSyntaxVersion version) {
        this.version = version;
        this.steps = switch (version) {
            case V1 -> Collections.singletonList(pathText);
            case V2 -> FieldPathParser.parse(pathText);
        };
    }

    /** The field the path leads to in a struct schema, or null when the schema lacks it. */
    public Field fieldFrom(Schema schema) {
        if (schema == null) {
            return null;
        }
        Schema current = schema;
        for (String step : parentSteps()) {
            Field field = current.field(step);
            if (field == null) {
                return null;
            }
            current = field.schema();
        }
        return current.field(lastStep());
    }

    /** The value at the path, with a null field read as its schema's default. */
    public Object valueFrom(Struct struct) {
        return valueFrom(struct, true);
    }

    public Object valueFrom(Struct struct, boolean withDefault) {
        if (struct == null) {
            return null;
        }
        Struct current = struct;
        for (String step : parentSteps()) {
            Field field = current.schema().field(step);
            if (field == null) {
                return null;
            }
            current = Requirements.requireStructOrNull(read(current, field, withDefault), NESTED_ACCESS);
            if (current == null) {
                return null;
            }
        }
        Field field = current.schema().field(lastStep());
        return field == null ? null : read(current, field, withDefault);
    }

    public Object valueFrom(Map<String, Object> map) {
        if (map == null) {
            return null;
        }
        Map<String, Object> current = map;
        for (String step : parentSteps()) {
            current = Requirements.requireMapOrNull(current.get(step), NESTED_ACCESS);
            if (current == null) {
                return null;
            }
        }
        return current.get(lastStep());
    }

    private static Object read(Struct struct, Field field, boolean withDefault) {
        return withDefault ? struct.get(field) : struct.getWithoutDefault(field.name());
    }

    // For the path with no steps these fail with IllegalArgumentException, as the reference does.
    private List<String> parentSteps() {
        return steps.subList(0, steps.size() - 1);
    }

    private String lastStep() {
        return steps.get(steps.size() - 1);
    }

    @Override
    public boolean equals(Object other) {
        return this == other || other instanceof SingleFieldPath that && steps.equals(that.steps);
    }

    @Override
    public int hashCode() {
        return Objects.hash(steps);
    }

    @Override
    public String toString() {
        return "SingleFieldPath{version=" + version + ", path=" + String.join(".", steps) + "}";
    }
}
