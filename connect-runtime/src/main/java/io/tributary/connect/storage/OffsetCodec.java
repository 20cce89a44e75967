package io.tributary.connect.storage;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.apache.kafka.connect.data.SchemaAndValue;
import org.apache.kafka.connect.errors.DataException;
import org.apache.kafka.connect.json.JsonConverter;

/**
 * Turns source partitions and offsets into the bytes kept in offset stores, exactly as Apache
 * Kafka Connect writes them: key {@code ["<connector>",{partition}]}, value {@code {offset}}, both
 * compact schemaless JSON.
 */
public final class OffsetCodec {

    /** A stored key taken apart. */
    public record Key(String connector, Map<String, Object> partition) {
    }

    private final JsonConverter json = new JsonConverter();

    public OffsetCodec() {
        json.configure(Map.of("schemas.enable", "false", "converter.type", "key"), true);
    }

    public ByteBuffer key(String connector, Map<String, ?> partition) {
        checkPrimitives("partition", partition);
        return ByteBuffer.wrap(json.fromConnectData("", null, Arrays.asList(connector, partition)));
    }

    /** The value bytes, or null for a null offset (which removes the stored one). */
    public ByteBuffer value(Map<String, ?> offset) {
        if (offset == null) {
            return null;
        }
        checkPrimitives("offset", offset);
        return ByteBuffer.wrap(json.fromConnectData("", null, offset));
    }

    @SuppressWarnings("unchecked")
    public Map<String, Object> offset(ByteBuffer value) {
        if (value == null) {
            return null;
        }
        Object parsed = parse(value);
        if (!(parsed instanceof Map)) {
            throw new DataException("Stored offset is not a JSON object: " + parsed);
        }
        return (Map<String, Object>) parsed;
    }

    /** The connector and partition of a stored key, or null when the key has another shape. */
    @SuppressWarnings("unchecked")
    public Key parseKey(ByteBuffer key) {
        Object parsed;
        try {
            parsed = parse(key);
        } catch (DataException e) {
            return null;
        }
        if (parsed instanceof List<?> list && list.size() == 2 && list.get(0) instanceof String connector
                && (list.get(1) == null || list.get(1) instanceof Map)) {
            return new Key(connector, (Map<String, Object>) list.get(1));
        }
        return null;
    }

    private Object parse(ByteBuffer buffer) {
        ByteBuffer copy = buffer.duplicate();
        byte[] bytes = new byte[copy.remaining()];
        copy.get(bytes);
        SchemaAndValue parsed = json.toConnectData("", bytes);
        return parsed.value();
    }

    // Connectors must use plain values so that any runtime can read the offsets back the same way.
    private static void checkPrimitives(String what, Map<String, ?> map) {
        if (map == null) {
            return;
        }
        map.forEach((field, value) -> {
            if (!(field instanceof String)) {
                throw new DataException("Source " + what + " keys must be strings, but found " + field);
            }
            if (value != null && !(value instanceof String || value instanceof Number || value instanceof Boolean)) {
                throw new DataException("Source " + what + " values may only be strings, numbers, booleans or null,"
                        + " but field " + field + " holds a " + value.getClass().getName());
            }
        });
    }
}
