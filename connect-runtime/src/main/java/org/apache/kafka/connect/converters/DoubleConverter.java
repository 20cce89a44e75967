package org.apache.kafka.connect.converters;

import org.apache.kafka.common.serialization.DoubleDeserializer;
import org.apache.kafka.common.serialization.DoubleSerializer;
import org.apache.kafka.connect.data.Schema;

/** Stores {@code Double} values in the binary form of Kafka's {@code DoubleSerializer}. */
public class DoubleConverter extends NumberConverter<Double> {

    public DoubleConverter() {
        super("double", Schema.OPTIONAL_FLOAT64_SCHEMA, new DoubleSerializer(), new DoubleDeserializer());
    }
}
