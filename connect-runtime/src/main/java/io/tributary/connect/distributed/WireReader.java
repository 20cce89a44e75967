package io.tributary.connect.distributed;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

import org.apache.kafka.common.protocol.types.SchemaException;

/** Reads what {@link WireWriter} writes; malformed input surfaces as a {@link SchemaException}. */
final class WireReader {

    private final ByteBuffer in;

    /** Reads from a private view, so the caller's buffer position is untouched. */
    WireReader(ByteBuffer buffer) {
        this.in = buffer.duplicate();
    }

    boolean hasRemaining() {
        return in.hasRemaining();
    }

    short int16() {
        try {
            return in.getShort();
        } catch (BufferUnderflowException e) {
            throw truncated();
        }
    }

    int int32() {
        try {
            return in.getInt();
        } catch (BufferUnderflowException e) {
            throw truncated();
        }
    }

    long int64() {
        try {
            return in.getLong();
        } catch (BufferUnderflowException e) {
            throw truncated();
        }
    }

    String string() {
        int length = int16();
        if (length < 0) {
            throw new SchemaException("String length " + length + " cannot be negative");
        }
        return new String(bytes(length), StandardCharsets.UTF_8);
    }

    /** NULLABLE_BYTES; null when the length is -1. */
    ByteBuffer nullableBytes() {
        int length = int32();
        return length < 0 ? null : ByteBuffer.wrap(bytes(length));
    }

    /** An array count; guards against counts the remaining bytes cannot hold. */
    int arrayLength() {
        int count = int32();
        if (count < 0 || count > in.remaining()) {
            throw new SchemaException("Array size " + count + " is invalid for " + in.remaining() + " remaining bytes");
        }
        return count;
    }

    private byte[] bytes(int length) {
        if (length > in.remaining()) {
            throw truncated();
        }
        byte[] bytes = new byte[length];
        in.get(bytes);
        return bytes;
    }

    private static SchemaException truncated() {
        return new SchemaException("Buffer underflow while reading a Connect protocol message");
    }
}
