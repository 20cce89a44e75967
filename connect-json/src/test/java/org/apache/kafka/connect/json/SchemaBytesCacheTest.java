package org.apache.kafka.connect.json;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.apache.kafka.connect.data.Schema;
import org.junit.jupiter.api.Test;

class SchemaBytesCacheTest {

    private static final byte[] MESSAGE = "xx{\"type\":\"string\"}yy".getBytes(StandardCharsets.US_ASCII);
    private static final int FROM = 2;
    private static final int TO = MESSAGE.length - 2;

    @Test
    void findsASchemaByEqualBytesInAnotherArray() {
        SchemaBytesCache cache = new SchemaBytesCache(10);
        cache.put(MESSAGE, FROM, TO, Schema.STRING_SCHEMA);

        byte[] other = "{\"type\":\"string\"}".getBytes(StandardCharsets.US_ASCII);
        assertThat(cache.get(other, 0, other.length)).isSameAs(Schema.STRING_SCHEMA);
    }

    @Test
    void differentBytesFindNothing() {
        SchemaBytesCache cache = new SchemaBytesCache(10);
        cache.put(MESSAGE, FROM, TO, Schema.STRING_SCHEMA);

        byte[] other = "{\"type\": \"string\"}".getBytes(StandardCharsets.US_ASCII);
        assertThat(cache.get(other, 0, other.length)).isNull();
    }

    @Test
    void recentSchemaMatchesOnlyWhereItsExactBytesStart() {
        SchemaBytesCache cache = new SchemaBytesCache(10);
        cache.put(MESSAGE, FROM, TO, Schema.STRING_SCHEMA);

        assertThat(cache.recentAt(MESSAGE, FROM)).isEqualTo(new SchemaBytesCache.Recent(Schema.STRING_SCHEMA,
                TO - FROM));
        assertThat(cache.recentAt(MESSAGE, FROM + 1)).isNull();
        assertThat(cache.recentAt(MESSAGE, TO)).isNull();
    }

    @Test
    void theLastSchemaFoundBecomesTheRecentOne() {
        SchemaBytesCache cache = new SchemaBytesCache(10);
        byte[] int32 = "{\"type\":\"int32\"}".getBytes(StandardCharsets.US_ASCII);
        cache.put(MESSAGE, FROM, TO, Schema.STRING_SCHEMA);
        cache.put(int32, 0, int32.length, Schema.INT32_SCHEMA);

        cache.get(MESSAGE, FROM, TO);

        assertThat(cache.recentAt(MESSAGE, FROM)).isNotNull();
        assertThat(cache.recentAt(int32, 0)).isNull();
    }
}
