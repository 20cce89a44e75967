package org.apache.kafka.connect.transforms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;

import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.errors.DataException;
import org.apache.kafka.connect.source.SourceRecord;
import org.junit.jupiter.api.Test;

class ValueToKeyTest {

    private static final Schema VALUE_SCHEMA = SchemaBuilder.struct()
            .field("id", Schema.INT32_SCHEMA)
            .field("name", Schema.STRING_SCHEMA)
            .field("tier", SchemaBuilder.int32().optional().defaultValue(1).build())
            .build();

    private final ValueToKey<SourceRecord> transform = new ValueToKey<>();

    @Test
    void buildsAStructKeyFromTheChosenFieldsInConfiguredOrder() {
        transform.configure(Map.of("fields", "name,id"));
        Struct value = new Struct(VALUE_SCHEMA).put("id", 7).put("name", "ann");

        SourceRecord output = transform.apply(Records.withValue(VALUE_SCHEMA, value));

        assertThat(output.keySchema().fields()).extracting(f -> f.name()).containsExactly("name", "id");
        assertThat(((Struct) output.key()).getInt32("id")).isEqualTo(7);
        assertThat(output.value()).isSameAs(value);
    }

    @Test
    void buildsAMapKeyWithoutSchemas() {
        transform.configure(Map.of("fields", "id,missing"));
        Map<String, Object> value = new HashMap<>(Map.of("id", 7, "other", "x"));

        Object key = transform.apply(Records.withValue(null, value)).key();

        Map<String, Object> expected = new HashMap<>();
        expected.put("id", 7);
        expected.put("missing", null);
        assertThat(key).isEqualTo(expected);
    }

    @Test
    void usesTheFieldDefaultForNullsUnlessToldNotTo() {
        Struct value = new Struct(VALUE_SCHEMA).put("id", 7).put("name", "ann");
        transform.configure(Map.of("fields", "tier"));
        assertThat(((Struct) transform.apply(Records.withValue(VALUE_SCHEMA, value)).key()).get("tier")).isEqualTo(1);

        transform.configure(Map.of("fields", "tier", "replace.null.with.default", "false"));
        Struct key = (Struct) transform.apply(Records.withValue(VALUE_SCHEMA, value)).key();
        assertThat(key.getWithoutDefault("tier")).isNull();
    }

    @Test
    void rejectsFieldsAbsentFromTheValueSchema() {
        transform.configure(Map.of("fields", "nope"));
        Struct value = new Struct(VALUE_SCHEMA).put("id", 7).put("name", "ann");

        assertThatThrownBy(() -> transform.apply(Records.withValue(VALUE_SCHEMA, value)))
                .isInstanceOf(DataException.class).hasMessageContaining("nope");
    }

    @Test
    void requiresAtLeastOneField() {
        assertThatThrownBy(() -> transform.configure(Map.of("fields", ""))).isInstanceOf(ConfigException.class);
    }
}
