package org.apache.kafka.connect.header;

import java.math.BigDecimal;
import java.util.Date;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaAndValue;
import org.apache.kafka.connect.data.Struct;

/**
 * The ordered, mutable headers of a Connect record. Keys may repeat; iteration follows insertion order.
 * Every mutator returns this collection so calls can be chained.
 */
public interface Headers extends Iterable<Header> {

    int size();

    boolean isEmpty();

    /** The headers with the given key, oldest first. */
    Iterator<Header> allWithName(String key);

    /** The most recently added header with the given key, or null. */
    Header lastWithName(String key);

    Headers add(Header header);

    Headers add(String key, SchemaAndValue schemaAndValue);

    /** Adds a header after checking the value fits the schema. */
    Headers add(String key, Object value, Schema schema);

    Headers addString(String key, String value);

    Headers addBoolean(String key, boolean value);

    Headers addByte(String key, byte value);

    Headers addShort(String key, short value);

    Headers addInt(String key, int value);

    Headers addLong(String key, long value);

    Headers addFloat(String key, float value);

    Headers addDouble(String key, double value);

    Headers addBytes(String key, byte[] value);

    Headers addList(String key, List<?> value, Schema schema);

    Headers addMap(String key, Map<?, ?> value, Schema schema);

    Headers addStruct(String key, Struct value);

    Headers addDecimal(String key, BigDecimal value);

    Headers addDate(String key, Date value);

    Headers addTime(String key, Date value);

    Headers addTimestamp(String key, Date value);

    /** Drops every header with the given key. */
    Headers remove(String key);

    /** Keeps only the newest header with the given key. */
    Headers retainLatest(String key);

    /** Keeps only the newest header of each key. */
    Headers retainLatest();

    Headers clear();

    /** An independent copy holding the same headers. */
    Headers duplicate();

    /** Replaces each header with what the transform returns; a null result removes the header. */
    Headers apply(HeaderTransform transform);

    /** Like {@link #apply(HeaderTransform)} but only for headers with the given key. */
    Headers apply(String key, HeaderTransform transform);

    /** Maps one header to its replacement, or to null to drop it. */
    interface HeaderTransform {
        Header apply(Header header);
    }
}
