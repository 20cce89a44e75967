package org.apache.kafka.connect.json;

import java.util.Arrays;

import org.apache.kafka.connect.data.Schema;

/**
 * Connect schemas by the exact bytes of their JSON form, so that a message repeating a schema seen before
 * costs a byte comparison instead of a parse. The most recent schema is checked first, without locking.
 */
final class SchemaBytesCache {

    private final BoundedCache<Key, Schema> entries;
    private volatile Key last;

    SchemaBytesCache(int maxSize) {
        this.entries = new BoundedCache<>(maxSize);
    }

    /** The schema whose JSON is exactly bytes[from, to), or null. */
    Schema get(byte[] bytes, int from, int to) {
        Key recent = last;
        if (recent != null && recent.matches(bytes, from, to)) {
            return recent.schema;
        }
        Key probe = new Key(bytes, from, to, null);
        Schema schema = entries.get(probe);
        if (schema != null) {
            last = new Key(Arrays.copyOfRange(bytes, from, to), 0, to - from, schema);
        }
        return schema;
    }

    /** The most recent schema if bytes continue at offset with exactly its JSON, else null. */
    Recent recentAt(byte[] bytes, int offset) {
        Key recent = last;
        if (recent == null || bytes.length - offset < recent.asRecent.length()) {
            return null;
        }
        return recent.matches(bytes, offset, offset + recent.asRecent.length()) ? recent.asRecent : null;
    }

    /** A schema and the length of its JSON. */
    record Recent(Schema schema, int length) {
    }

    void put(byte[] bytes, int from, int to, Schema schema) {
        Key key = new Key(Arrays.copyOfRange(bytes, from, to), 0, to - from, schema);
        entries.put(key, schema);
        last = key;
    }

    /** A byte range; keys stored in the cache own a copy of their bytes. */
    private static final class Key {
        private final byte[] bytes;
        private final int from;
        private final int to;
        private final int hash;
        private final Schema schema;
        private final Recent asRecent;

        Key(byte[] bytes, int from, int to, Schema schema) {
            this.bytes = bytes;
            this.from = from;
            this.to = to;
            this.schema = schema;
            this.asRecent = new Recent(schema, to - from);
            int h = 1;
            for (int i = from; i < to; i++) {
                h = 31 * h + bytes[i];
            }
            this.hash = h;
        }

        boolean matches(byte[] other, int otherFrom, int otherTo) {
            return Arrays.equals(bytes, from, to, other, otherFrom, otherTo);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key key && key.matches(bytes, from, to);
        }

        @Override
        public int hashCode() {
            return hash;
        }
    }
}
