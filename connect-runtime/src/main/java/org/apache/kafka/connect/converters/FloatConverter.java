package org.apache.kafka.connect.converters;

import org.apache.kafka.common.serialization.FloatDeserializer;
import org.apache.kafka.common.serialization.FloatSerializer;
import org.apache.kafka.connect.data.Schema;

/** Stores {@code Float} values in the binary form of Kafka's {@code FloatSerializer}. */
public class FloatConverter extends NumberConverter<Float> {

    public FloatConverter() {
        super("float", Schema.OPTIONAL_FLOAT32_SCHEMA, new FloatSerializer(), new FloatDeserializer());
    }
}
