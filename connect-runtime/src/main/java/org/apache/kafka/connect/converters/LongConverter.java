package org.apache.kafka.connect.converters;

import org.apache.kafka.common.serialization.LongDeserializer;
import org.apache.kafka.common.serialization.LongSerializer;
import org.apache.kafka.connect.data.Schema;

/** Stores {@code Long} values in the binary form of Kafka's {@code LongSerializer}. */
public class LongConverter extends NumberConverter<Long> {

    public LongConverter() {
        super("long", Schema.OPTIONAL_INT64_SCHEMA, new LongSerializer(), new LongDeserializer());
    }
}
