package org.apache.kafka.connect.header;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Date;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.ListIterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Set;

import org.apache.kafka.connect.data.Decimal;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaAndValue;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.data.Time;
import org.apache.kafka.connect.data.Timestamp;
import org.apache.kafka.connect.errors.DataException;

/**
 * The standard {@link Headers} implementation: an insertion-ordered list of {@link Header}s.
 * The list is only allocated on the first add, since most records carry no headers.
 */
public class ConnectHeaders implements Headers {

    /** Hash of an empty collection, kept equal to that of an empty list wrapped in Objects.hash. */
    private static final int EMPTY_HASH = 32;

    private List<Header> headers;

    public ConnectHeaders() {
    }

    /** Copies the given headers; a null argument gives an empty collection. */
    public ConnectHeaders(Iterable<Header> original) {
        if (original instanceof ConnectHeaders other) {
            if (other.headers != null) {
                headers = new ArrayList<>(other.headers);
            }
        } else if (original != null) {
            headers = new ArrayList<>();
            for (Header header : original) {
                add(header);
            }
        }
    }

    @Override
    public int size() {
        return headers == null ? 0 : headers.size();
    }

    @Override
    public boolean isEmpty() {
        return headers == null || headers.isEmpty();
    }

    @Override
    public Headers clear() {
        if (headers != null) {
            headers.clear();
        }
        return this;
    }

    @Override
    public Headers add(Header header) {
        Objects.requireNonNull(header, "Unable to add a null header.");
        if (headers == null) {
            headers = new ArrayList<>();
        }
        headers.add(header);
        return this;
    }

    /** Adds without checking the value against the schema; for callers that already did. */
    protected Headers addWithoutValidating(String key, Object value, Schema schema) {
        return add(new ConnectHeader(key, new SchemaAndValue(schema, value)));
    }

    @Override
    public Headers add(String key, SchemaAndValue schemaAndValue) {
        if (schemaAndValue == null) {
            return add(key, null, null);
        }
        return add(key, schemaAndValue.value(), schemaAndValue.schema());
    }

    @Override
    public Headers add(String key, Object value, Schema schema) {
        HeaderValueCheck.requireCompatible(value, schema);
        return addWithoutValidating(key, value, schema);
    }

    @Override
    public Headers addString(String key, String value) {
        return addWithoutValidating(key, value, value != null ? Schema.STRING_SCHEMA : Schema.OPTIONAL_STRING_SCHEMA);
    }

    @Override
    public Headers addBytes(String key, byte[] value) {
        return addWithoutValidating(key, value, value != null ? Schema.BYTES_SCHEMA : Schema.OPTIONAL_BYTES_SCHEMA);
    }

    @Override
    public Headers addBoolean(String key, boolean value) {
        return addWithoutValidating(key, value, Schema.BOOLEAN_SCHEMA);
    }

    @Override
    public Headers addByte(String key, byte value) {
        return addWithoutValidating(key, value, Schema.INT8_SCHEMA);
    }

    @Override
    public Headers addShort(String key, short value) {
        return addWithoutValidating(key, value, Schema.INT16_SCHEMA);
    }

    @Override
    public Headers addInt(String key, int value) {
        return addWithoutValidating(key, value, Schema.INT32_SCHEMA);
    }

    @Override
    public Headers addLong(String key, long value) {
        return addWithoutValidating(key, value, Schema.INT64_SCHEMA);
    }

    @Override
    public Headers addFloat(String key, float value) {
        return addWithoutValidating(key, value, Schema.FLOAT32_SCHEMA);
    }

    @Override
    public Headers addDouble(String key, double value) {
        return addWithoutValidating(key, value, Schema.FLOAT64_SCHEMA);
    }

    @Override
    public Headers addList(String key, List<?> value, Schema schema) {
        if (value == null) {
            return add(key, null, null);
        }
        requireType(schema, Schema.Type.ARRAY);
        return add(key, value, schema);
    }

    @Override
    public Headers addMap(String key, Map<?, ?> value, Schema schema) {
        if (value == null) {
            return add(key, null, null);
        }
        requireType(schema, Schema.Type.MAP);
        return add(key, value, schema);
    }

    @Override
    public Headers addStruct(String key, Struct value) {
        if (value == null) {
            return add(key, null, null);
        }
        return add(key, value, value.schema());
    }

    @Override
    public Headers addDecimal(String key, BigDecimal value) {
        if (value == null) {
            return add(key, null, null);
        }
        return addWithoutValidating(key, value, Decimal.schema(value.scale()));
    }

    @Override
    public Headers addDate(String key, Date value) {
        if (value != null) {
            // Converting rejects dates carrying a time of day.
            org.apache.kafka.connect.data.Date.fromLogical(org.apache.kafka.connect.data.Date.SCHEMA, value);
        }
        return addWithoutValidating(key, value, org.apache.kafka.connect.data.Date.SCHEMA);
    }

    @Override
    public Headers addTime(String key, Date value) {
        if (value != null) {
            // Converting rejects times carrying a date.
            Time.fromLogical(Time.SCHEMA, value);
        }
        return addWithoutValidating(key, value, Time.SCHEMA);
    }

    @Override
    public Headers addTimestamp(String key, Date value) {
        return addWithoutValidating(key, value, Timestamp.SCHEMA);
    }

    @Override
    public Header lastWithName(String key) {
        requireKey(key);
        if (headers != null) {
            for (int i = headers.size() - 1; i >= 0; i--) {
                Header header = headers.get(i);
                if (header.key().equals(key)) {
                    return header;
                }
            }
        }
        return null;
    }

    @Override
    public Iterator<Header> allWithName(String key) {
        return new KeyFilteringIterator(iterator(), key);
    }

    @Override
    public Iterator<Header> iterator() {
        return headers == null ? Collections.emptyIterator() : headers.iterator();
    }

    @Override
    public Headers remove(String key) {
        requireKey(key);
        if (headers != null) {
            headers.removeIf(header -> header.key().equals(key));
        }
        return this;
    }

    @Override
    public Headers retainLatest() {
        if (headers != null) {
            // Walking backwards, the first header seen for a key is its latest.
            Set<String> seen = new HashSet<>();
            ListIterator<Header> it = headers.listIterator(headers.size());
            while (it.hasPrevious()) {
                if (!seen.add(it.previous().key())) {
                    it.remove();
                }
            }
        }
        return this;
    }

    @Override
    public Headers retainLatest(String key) {
        requireKey(key);
        if (headers != null) {
            boolean latestSeen = false;
            ListIterator<Header> it = headers.listIterator(headers.size());
            while (it.hasPrevious()) {
                if (it.previous().key().equals(key)) {
                    if (latestSeen) {
                        it.remove();
                    }
                    latestSeen = true;
                }
            }
        }
        return this;
    }

    @Override
    public Headers apply(String key, HeaderTransform transform) {
        requireKey(key);
        return transformWhere(key, transform);
    }

    @Override
    public Headers apply(HeaderTransform transform) {
        return transformWhere(null, transform);
    }

    /** Applies the transform to the headers with the given key, or to all of them when key is null. */
    private Headers transformWhere(String key, HeaderTransform transform) {
        if (headers != null) {
            ListIterator<Header> it = headers.listIterator();
            while (it.hasNext()) {
                Header header = it.next();
                if (key != null && !header.key().equals(key)) {
                    continue;
                }
                Header replacement = transform.apply(header);
                if (replacement == null) {
                    it.remove();
                } else {
                    it.set(replacement);
                }
            }
        }
        return this;
    }

    @Override
    public int hashCode() {
        return isEmpty() ? EMPTY_HASH : Objects.hash(headers);
    }

    /** Equal to any {@link Headers} holding equal headers in the same order. */
    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof Headers other) || size() != other.size()) {
            return false;
        }
        Iterator<Header> mine = iterator();
        Iterator<Header> theirs = other.iterator();
        while (mine.hasNext() && theirs.hasNext()) {
            if (!Objects.equals(mine.next(), theirs.next())) {
                return false;
            }
        }
        return !mine.hasNext() && !theirs.hasNext();
    }

    @Override
    public String toString() {
        return "ConnectHeaders(headers=" + (headers != null ? headers : "") + ")";
    }

    @Override
    public ConnectHeaders duplicate() {
        return new ConnectHeaders(this);
    }

    private static void requireKey(String key) {
        Objects.requireNonNull(key, "Header key cannot be null");
    }

    private static void requireType(Schema schema, Schema.Type expected) {
        if (schema.type() != expected) {
            throw new DataException("Expecting " + expected + " but instead found " + schema.type());
        }
    }

    /** Iterates only over headers with a given key; read-only. */
    private static final class KeyFilteringIterator implements Iterator<Header> {
        private final Iterator<Header> source;
        private final String key;
        private Header next;

        KeyFilteringIterator(Iterator<Header> source, String key) {
            this.source = source;
            this.key = key;
        }

        @Override
        public boolean hasNext() {
            while (next == null && source.hasNext()) {
                Header candidate = source.next();
                if (candidate.key().equals(key)) {
                    next = candidate;
                }
            }
            return next != null;
        }

        @Override
        public Header next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            Header result = next;
            next = null;
            return result;
        }

        @Override
        public void remove() {
            throw new UnsupportedOperationException("Removal not supported");
        }
    }
}
