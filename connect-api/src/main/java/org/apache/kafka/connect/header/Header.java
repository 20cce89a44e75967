package org.apache.kafka.connect.header;

import org.apache.kafka.connect.data.Schema;

/** One immutable header of a Connect record: a key and a value with an optional schema. */
public interface Header {

    String key();

    /** The value's schema, or null when the value is schemaless. */
    Schema schema();

    Object value();

    /** A header with the same key and the given schema and value. */
    Header with(Schema schema, Object value);

    /** A header with the same schema and value under another key. */
    Header rename(String key);
}
