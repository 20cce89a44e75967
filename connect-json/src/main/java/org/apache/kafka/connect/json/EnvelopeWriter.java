package org.apache.kafka.connect.json;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.connect.data.ConnectSchema;
import org.apache.kafka.connect.data.Schema;

/**
 * Wraps payload bytes in the {"schema": ..., "payload": ...} envelope. The part before the payload depends
 * only on the schema, so it is serialized once per schema and reused; the result is byte for byte what
 * writing the whole envelope tree would give.
 */
final class EnvelopeWriter {

    private static final byte[] NO_SCHEMA_PREFIX = prefix("null".getBytes(StandardCharsets.UTF_8));
    private static final byte[] SUFFIX = {'}'};

    private final ObjectMapper mapper;
    private final SchemaToJson schemas;
    private final BoundedCache<Schema, byte[]> prefixes;
    /** The schema written last and its prefix: most tasks write one schema over and over. */
    private volatile Recent recent;

    private record Recent(Schema schema, byte[] prefix) {
    }

    EnvelopeWriter(ObjectMapper mapper, SchemaToJson schemas, int cacheSize) {
        this.mapper = mapper;
        this.schemas = schemas;
        this.prefixes = new BoundedCache<>(cacheSize);
    }

    byte[] wrap(Schema schema, byte[] payload) throws IOException {
        byte[] prefix = prefixFor(schema);
        byte[] envelope = new byte[prefix.length + payload.length + SUFFIX.length];
        System.arraycopy(prefix, 0, envelope, 0, prefix.length);
        System.arraycopy(payload, 0, envelope, prefix.length, payload.length);
        envelope[envelope.length - 1] = SUFFIX[0];
        return envelope;
    }

    private byte[] prefixFor(Schema schema) throws IOException {
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
