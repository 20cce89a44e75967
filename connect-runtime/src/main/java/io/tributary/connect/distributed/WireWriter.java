package io.tributary.connect.distributed;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

import org.apache.kafka.common.protocol.types.SchemaException;

/** Big-endian primitives in the Kafka protocol's encodings (INT16 string lengths, INT32 array counts). */
final class WireWriter {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream(64);

    WireWriter int16(int value) {
        out.write(value >>> 8);
        out.write(value);
        return this;
    }

    WireWriter int32(int value) {
        int16(value >>> 16);
        return int16(value);
    }

    WireWriter int64(long value) {
        int32((int) (value >>> 32));
        return int32((int) value);
    }

    WireWriter string(String field, String value) {
        if (value == null) {
            throw new SchemaException("Missing value for field '" + field + "' which has no default value.");
        }
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        if (bytes.length > Short.MAX_VALUE) {
            throw new SchemaException("String length " + bytes.length + " is larger than the maximum string length.");
        }
        int16(bytes.length);
        out.writeBytes(bytes);
        return this;
    }

    /** NULLABLE_BYTES: -1 for null, else an INT32 length and the bytes. */
    WireWriter nullableBytes(ByteBuffer value) {
        if (value == null) {
            return int32(-1);
        }
        ByteBuffer copy = value.duplicate();
        int32(copy.remaining());
        byte[] bytes = new byte[copy.remaining()];
        copy.get(bytes);
        out.writeBytes(bytes);
        return this;
    }

    ByteBuffer toBuffer() {
        return ByteBuffer.wrap(out.toByteArray());
    }
}
