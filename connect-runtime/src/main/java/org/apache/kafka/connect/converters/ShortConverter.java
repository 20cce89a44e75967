package org.apache.kafka.connect.converters;

import org.apache.kafka.common.serialization.ShortDeserializer;
import org.apache.kafka.common.serialization.ShortSerializer;
import org.apache.kafka.connect.data.Schema;

/** Stores {@code Short} values in the binary form of Kafka's {@code ShortSerializer}. */
public class ShortConverter extends NumberConverter<Short> {

    public ShortConverter() {
        super("short", Schema.OPTIONAL_INT16_SCHEMA, new ShortSerializer(), new ShortDeserializer());
    }
}
