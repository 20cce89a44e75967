package org.apache.kafka.connect.data;

import org.apache.kafka.connect.errors.SchemaProjectorException;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Converts a value written with one schema into a value of a compatible target schema: numeric
 * types widen, struct fields are matched by name (extra source fields are dropped, missing target
 * fields fall back to optional/default), and optional values may fill in the target's default.
 */
public class SchemaProjector {

    // Numeric widening only; every type is also "promotable" to itself.
    private static final Map<Schema.Type, Set<Schema.Type>> WIDENINGS = Map.of(
            Schema.Type.INT8, EnumSet.of(Schema.Type.INT16, Schema.Type.INT32, Schema.Type.INT64,
                    Schema.Type.FLOAT32, Schema.Type.FLOAT64),
            Schema.Type.INT16, EnumSet.of(Schema.Type.INT32, Schema.Type.INT64, Schema.Type.FLOAT32,
                    Schema.Type.FLOAT64),
            Schema.Type.INT32, EnumSet.of(Schema.Type.INT64, Schema.Type.FLOAT32, Schema.Type.FLOAT64),
            Schema.Type.INT64, EnumSet.of(Schema.Type.FLOAT32, Schema.Type.FLOAT64),
            Schema.Type.FLOAT32, EnumSet.of(Schema.Type.FLOAT64));

    /**
     * Projects {@code record}, described by {@code source}, onto {@code target}.
     *
     * @throws SchemaProjectorException if the schemas are incompatible
     */
    public static Object project(Schema source, Object record, Schema target) throws SchemaProjectorException {
        requireCompatible(source, target);
        if (source.isOptional() && !target.isOptional()) {
            if (target.defaultValue() == null) {
                throw new SchemaProjectorException(
                        "Writer schema is optional, however, target schema does not provide a default value.");
            }
            return record == null ? target.defaultValue() : projectPresentValue(source, record, target);
        }
        return record == null ? null : projectPresentValue(source, record, target);
    }

    private static void requireCompatible(Schema source, Schema target) {
        if (!isPromotable(source.type(), target.type())) {
            throw new SchemaProjectorException("Schema type mismatch. source type: " + source.type()
                    + " and target type: " + target.type());
        }
        if (!Objects.equals(source.name(), target.name())) {
            throw new SchemaProjectorException("Schema name mismatch. source name: " + source.name()
                    + " and target name: " + target.name());
        }
        if (!Objects.equals(source.parameters(), target.parameters())) {
            throw new SchemaProjectorException("Schema parameters not equal. source parameters: "
                    + source.parameters() + " and target parameters: " + target.parameters());
        }
    }

    private static boolean isPromotable(Schema.Type sourceType, Schema.Type targetType) {
        return sourceType == targetType
                || WIDENINGS.getOrDefault(sourceType, Set.of()).contains(targetType);
    }

    private static Object projectPresentValue(Schema source, Object record, Schema target) {
        return switch (target.type()) {
            case STRUCT -> projectStruct(source, (Struct) record, target);
            case ARRAY -> projectArray(source, (List<?>) record, target);
            case MAP -> projectMap(source, (Map<?, ?>) record, target);
            default -> projectPrimitive(record, target);
        };
    }

    private static Struct projectStruct(Schema source, Struct sourceStruct, Schema target) {
        Struct projected = new Struct(target);
        for (Field targetField : target.fields()) {
            String fieldName = targetField.name();
            Field sourceField = source.field(fieldName);
            Schema targetFieldSchema = targetField.schema();
            if (sourceField != null) {
                Object value;
                try {
                    value = project(sourceField.schema(), sourceStruct.get(fieldName), targetFieldSchema);
                } catch (SchemaProjectorException e) {
                    throw new SchemaProjectorException("Error projecting " + fieldName, e);
                }
                projected.put(fieldName, value);
            } else if (targetFieldSchema.isOptional()) {
                // absent optional fields simply stay null
                continue;
            } else if (targetFieldSchema.defaultValue() != null) {
                projected.put(fieldName, targetFieldSchema.defaultValue());
            } else {
                throw new SchemaProjectorException("Required field `" + fieldName
                        + "` is missing from source schema: " + source);
            }
        }
        return projected;
    }

    private static List<Object> projectArray(Schema source, List<?> array, Schema target) {
        List<Object> projected = new ArrayList<>(array.size());
        for (Object element : array) {
            projected.add(project(source.valueSchema(), element, target.valueSchema()));
        }
        return projected;
    }

    private static Map<Object, Object> projectMap(Schema source, Map<?, ?> map, Schema target) {
        Map<Object, Object> projected = new HashMap<>();
        for (Map.Entry<?, ?> entry : map.entrySet()) {
            Object key = project(source.keySchema(), entry.getKey(), target.keySchema());
            Object value = project(source.valueSchema(), entry.getValue(), target.valueSchema());
            projected.put(key, value);
        }
        return projected;
    }

    // Numbers are converted to the target's Java class; anything else passes through unchanged.
    private static Object projectPrimitive(Object record, Schema target) {
        if (!(record instanceof Number number)) {
            return record;
        }
        return switch (target.type()) {
            case INT8 -> number.byteValue();
            case INT16 -> number.shortValue();
            case INT32 -> number.intValue();
            case INT64 -> number.longValue();
            case FLOAT32 -> number.floatValue();
            case FLOAT64 -> number.doubleValue();
            default -> record;
        };
    }
}
