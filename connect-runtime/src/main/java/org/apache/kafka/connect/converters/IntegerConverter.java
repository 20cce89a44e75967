package org.apache.kafka.connect.converters;

import org.apache.kafka.common.serialization.IntegerDeserializer;
import org.apache.kafka.common.serialization.IntegerSerializer;
import org.apache.kafka.connect.data.Schema;

/** Stores {@code Integer} values in the binary form of Kafka's {@code IntegerSerializer}. */
public class IntegerConverter extends NumberConverter<Integer> {

    public IntegerConverter() {
        super("integer", Schema.OPTIONAL_INT32_SCHEMA, new IntegerSerializer(), new IntegerDeserializer());
    }
}
