package org.apache.kafka.connect.transforms.util;

import java.util.Map;

import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;

/** Starts a new schema from an existing one, keeping its identity but not its content. */
public class SchemaUtil {

    public SchemaUtil() {
    }

    /**
     * A builder of the same type carrying the name, version, doc and parameters of the source.
     * Fields, optionality and the default are left for the caller; only an array keeps its element
     * schema, since an array builder cannot exist without one.
     */
    public static SchemaBuilder copySchemaBasics(Schema source) {
        SchemaBuilder builder = source.type() == Schema.Type.ARRAY
                ? SchemaBuilder.array(source.valueSchema())
                : new SchemaBuilder(source.type());
        return copySchemaBasics(source, builder);
    }

    public static SchemaBuilder copySchemaBasics(Schema source, SchemaBuilder builder) {
        builder.name(source.name());
        builder.version(source.version());
        builder.doc(source.doc());
        Map<String, String> parameters = source.parameters();
        if (parameters != null && !parameters.isEmpty()) {
            builder.parameters(parameters);
        }
        return builder;
    }
}
