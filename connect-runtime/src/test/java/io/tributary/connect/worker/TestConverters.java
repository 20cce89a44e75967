package io.tributary.connect.worker;

import org.apache.kafka.connect.json.JsonConverter;
import org.apache.kafka.connect.storage.SimpleHeaderConverter;
import org.apache.kafka.connect.storage.StringConverter;

import java.util.Map;

/** Converters for task loop tests whose records show the conversion plainly. */
final class TestConverters {

    private TestConverters() {
    }

    /** String keys, schemaless JSON values, simple headers. */
    static Converters stringKeysJsonValues() {
        StringConverter key = new StringConverter();
        key.configure(Map.of(), true);
        JsonConverter value = new JsonConverter();
        value.configure(Map.of("schemas.enable", "false"), false);
        return new Converters(key, value, new SimpleHeaderConverter());
    }
}
