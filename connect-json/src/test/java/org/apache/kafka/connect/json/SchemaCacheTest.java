package org.apache.kafka.connect.json;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.junit.jupiter.api.Test;

class SchemaCacheTest {

    @Test
    void writingCachesEachDistinctSchemaOnce() {
        JsonConverter converter = converter(10);
        for (int i = 0; i < 3; i++) {
            converter.fromConnectData("t", Schema.STRING_SCHEMA, "x");
        }
        assertThat(converter.fromConnectSchemaCacheSize()).isEqualTo(1);
    }

    @Test
    void writingCacheIsBoundedBySchemasCacheSize() {
        JsonConverter converter = converter(2);
        for (int version = 1; version <= 5; version++) {
            converter.fromConnectData("t", SchemaBuilder.string().version(version).build(), "x");
        }
        assertThat(converter.fromConnectSchemaCacheSize()).isEqualTo(2);
    }

    @Test
    void readingCacheIsBoundedBySchemasCacheSize() {
        JsonConverter converter = converter(2);
        for (int version = 1; version <= 5; version++) {
            String json = "{\"schema\":{\"type\":\"string\",\"version\":" + version + "},\"payload\":\"x\"}";
            converter.toConnectData("t", json.getBytes(StandardCharsets.UTF_8));
        }
        assertThat(converter.toConnectSchemaCacheSize()).isEqualTo(2);
    }

    @Test
    void cachedSchemaIsReturnedForEqualJson() {
        JsonConverter converter = converter(10);
        byte[] json = "{\"schema\":{\"type\":\"int32\"},\"payload\":1}".getBytes(StandardCharsets.UTF_8);
        Schema first = converter.toConnectData("t", json).schema();
        assertThat(converter.toConnectData("t", json).schema()).isSameAs(first);
    }

    private static JsonConverter converter(int cacheSize) {
        JsonConverter converter = new JsonConverter();
        converter.configure(Map.of("schemas.cache.size", cacheSize), false);
        return converter;
    }
}
