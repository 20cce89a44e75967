package org.apache.kafka.connect.json;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.ByteArrayBuilder;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.connect.data.Field;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.errors.DataException;

/**
 * Writes Connect values straight to JSON bytes, without building a Jackson tree first. The bytes are exactly
 * those of {@link ConnectToJson}'s tree written by the same mapper: the same generator calls in the same
 * order, the same errors. Maps and logical types are rare and subtle, so they still go through the tree.
 */
final class ConnectJsonWriter {

    private final ObjectMapper mapper;
    private final ConnectToJson tree;
    private final boolean replaceNullWithDefault;
    /** A generator kept between calls: creating one per value costs more than writing a short value. */
    private final AtomicReference<Output> spare = new AtomicReference<>();

    ConnectJsonWriter(ObjectMapper mapper, ConnectToJson tree, boolean replaceNullWithDefault) {
        this.mapper = mapper;
        this.tree = tree;
        this.replaceNullWithDefault = replaceNullWithDefault;
    }

    /** A generator writing into a growable buffer, one root value after another with nothing in between. */
    private static final class Output {
        final ByteArrayBuilder buffer = new ByteArrayBuilder(256);
        final JsonGenerator generator;

        Output(ObjectMapper mapper) throws IOException {
            generator = mapper.getFactory().createGenerator(buffer);
            generator.setRootValueSeparator(null);
        }

        /** The bytes written since the last call; the buffer is then empty for the next value. */
        byte[] finish(byte suffix) throws IOException {
            generator.flush();
            if (suffix != 0) {
                buffer.append(suffix);
            }
            byte[] bytes = buffer.toByteArray();
            buffer.reset();
            return bytes;
        }
    }

    /**
     * The JSON of a value inside an envelope: the given prefix (ending where the payload starts), the value,
     * then the closing brace; or the bare value when the prefix is null. Schema and value are not both null.
     */
    byte[] write(byte[] envelopePrefix, Schema schema, Object value) throws IOException {
        if (value instanceof String text && isPlainStringSchema(schema)) {
            byte[] plain = PlainJsonString.encode(envelopePrefix, text);
            if (plain != null) {
                return plain;
            }
        }
        Output output = spare.getAndSet(null);
        if (output == null) {
            output = new Output(mapper);
        }
        // After a failure the generator may be mid-value: it is then dropped rather than reused.
        if (envelopePrefix != null) {
            output.buffer.write(envelopePrefix);
        }
        writeValue(output.generator, schema, value);
        byte[] bytes = output.finish(envelopePrefix != null ? (byte) '}' : 0);
        spare.set(output);
        return bytes;
    }

    /** A string written as is: no schema (inferred as a string), or a string schema that is not a logical type. */
    private static boolean isPlainStringSchema(Schema schema) {
        return schema == null || (schema.type() == Schema.Type.STRING && LogicalTypes.forName(schema.name()) == null);
    }

    private void writeValue(JsonGenerator out, Schema schema, Object value) throws IOException {
        if (value == null) {
            writeNull(out, schema);
            return;
        }
        if (schema != null && LogicalTypes.forName(schema.name()) != null) {
            mapper.writeTree(out, tree.convert(schema, value));
            return;
        }
        Schema.Type type = schema != null ? schema.type() : ConnectToJson.inferType(value);
        try {
            writeTyped(out, type, schema, value);
        } catch (ClassCastException e) {
            String expected = schema != null ? schema.type().toString() : "unknown schema";
            throw new DataException("Invalid type for " + expected + ": " + value.getClass());
        }
    }

    private void writeNull(JsonGenerator out, Schema schema) throws IOException {
        if (schema == null) {
            out.writeNull();
            return;
        }
        if (schema.defaultValue() != null && replaceNullWithDefault) {
            writeValue(out, schema, schema.defaultValue());
            return;
        }
        if (schema.isOptional()) {
            out.writeNull();
            return;
        }
        throw new DataException("Conversion error: null value for a required field without a default value");
    }

    private void writeTyped(JsonGenerator out, Schema.Type type, Schema schema, Object value) throws IOException {
        switch (type) {
            case INT8 -> out.writeNumber((int) (Byte) value);
            case INT16 -> out.writeNumber((Short) value);
            case INT32 -> out.writeNumber((Integer) value);
            case INT64 -> out.writeNumber((Long) value);
            case FLOAT32 -> out.writeNumber((Float) value);
            case FLOAT64 -> out.writeNumber((Double) value);
            case BOOLEAN -> out.writeBoolean((Boolean) value);
            case STRING -> out.writeString(((CharSequence) value).toString());
            case BYTES -> out.writeBinary(bytes(value));
            case ARRAY -> array(out, schema, (Collection<?>) value);
            case MAP -> mapper.writeTree(out, tree.convert(schema, (Map<?, ?>) value));
            case STRUCT -> struct(out, schema, (Struct) value);
        }
    }

    private static byte[] bytes(Object value) {
        if (value instanceof byte[] bytes) {
            return bytes;
        }
        if (value instanceof ByteBuffer buffer) {
            return buffer.array();
        }
        throw new DataException("Invalid type for bytes type: " + value.getClass());
    }

    private void array(JsonGenerator out, Schema schema, Collection<?> elements) throws IOException {
        Schema elementSchema = schema == null ? null : schema.valueSchema();
        out.writeStartArray();
        for (Object element : elements) {
            writeValue(out, elementSchema, element);
        }
        out.writeEndArray();
    }

    private void struct(JsonGenerator out, Schema schema, Struct struct) throws IOException {
        if (struct.schema() != schema && !struct.schema().equals(schema)) {
            throw new DataException("Mismatching schema: the struct's own schema differs from the schema given");
        }
        out.writeStartObject();
        for (Field field : schema.fields()) {
            out.writeFieldName(field.name());
            writeValue(out, field.schema(), struct.getWithoutDefault(field.name()));
        }
        out.writeEndObject();
    }
}
