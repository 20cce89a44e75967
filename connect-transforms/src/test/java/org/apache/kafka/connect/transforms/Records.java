package org.apache.kafka.connect.transforms;

import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.source.SourceRecord;

/** Small record factories for the transformation unit tests. */
final class Records {

    static final long TIMESTAMP = 1_700_000_000_000L;

    private Records() {
    }

    static SourceRecord withValue(Schema schema, Object value) {
        return new SourceRecord(null, null, "topic", 0, null, null, schema, value, TIMESTAMP);
    }

    static SourceRecord withKey(Schema schema, Object key) {
        return new SourceRecord(null, null, "topic", 0, schema, key, null, null, TIMESTAMP);
    }

    static SourceRecord onTopic(String topic) {
        return new SourceRecord(null, null, topic, 0, null, null, null, null, TIMESTAMP);
    }
}
