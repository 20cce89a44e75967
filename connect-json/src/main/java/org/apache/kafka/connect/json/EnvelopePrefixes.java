package org.apache.kafka.connect.json;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.connect.data.ConnectSchema;
import org.apache.kafka.connect.data.Schema;

/**
 * The start of the {"schema": ..., "payload": ...} envelope, up to the payload. It depends only on the schema,
 * so it is serialized once per schema and reused; followed by the payload and "}" it is byte for byte what
 * writing the whole envelope tree would give.
 */
final class EnvelopePrefixes {

    private static final byte[] NO_SCHEMA_PREFIX = prefix("null".getBytes(StandardCharsets.UTF_8));

    private final ObjectMapper mapper;
    private final SchemaToJson schemas;
    private final BoundedCache<Schema, byte[]> prefixes;
    /** The schema written last and its prefix: most tasks write one schema over and over. */
    private volatile Recent recent;

    private record Recent(Schema schema, byte[] prefix) {
    }

    EnvelopePrefixes(ObjectMapper mapper, SchemaToJson schemas, int cacheSize) {
        this.mapper = mapper;
        this.schemas = schemas;
        this.prefixes = new BoundedCache<>(cacheSize);
    }

    byte[] prefixFor(Schema schema) throws IOException {
        if (schema == null) {
            return NO_SCHEMA_PREFIX;
        }
        Recent last = recent;
        // Only a built ConnectSchema is immutable; a SchemaBuilder may change between two calls.
        if (last != null && last.schema == schema && schema instanceof ConnectSchema) {
            return last.prefix;
        }
        byte[] prefix = prefixes.get(schema);
        if (prefix == null) {
            prefix = prefix(mapper.writeValueAsBytes(schemas.convert(schema)));
            prefixes.put(schema, prefix);
        }
        recent = new Recent(schema, prefix);
        return prefix;
    }

    private static byte[] prefix(byte[] schemaJson) {
        byte[] start = "{\"schema\":".getBytes(StandardCharsets.UTF_8);
        byte[] middle = ",\"payload\":".getBytes(StandardCharsets.UTF_8);
        byte[] prefix = new byte[start.length + schemaJson.length + middle.length];
        System.arraycopy(start, 0, prefix, 0, start.length);
        System.arraycopy(schemaJson, 0, prefix, start.length, schemaJson.length);
        System.arraycopy(middle, 0, prefix, start.length + schemaJson.length, middle.length);
        return prefix;
    }
}
