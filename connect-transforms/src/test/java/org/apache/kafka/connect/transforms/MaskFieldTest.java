package org.apache.kafka.connect.transforms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.errors.DataException;
import org.apache.kafka.connect.source.SourceRecord;
import org.junit.jupiter.api.Test;

class MaskFieldTest {

    private static final Schema SCHEMA = SchemaBuilder.struct()
            .field("age", Schema.INT32_SCHEMA)
            .field("name", Schema.STRING_SCHEMA)
            .field("vip", Schema.BOOLEAN_SCHEMA)
            .build();

    @Test
    void masksStructFieldsWithTheEmptyValueOfTheirType() {
        MaskField<SourceRecord> transform = configured(new MaskField.Value<>(), Map.of("fields", "age,name,vip"));
        Struct value = new Struct(SCHEMA).put("age", 42).put("name", "ann").put("vip", true);

        Struct masked = (Struct) transform.apply(Records.withValue(SCHEMA, value)).value();

        assertThat(masked.getInt32("age")).isZero();
        assertThat(masked.getString("name")).isEmpty();
        assertThat(masked.getBoolean("vip")).isFalse();
    }

    @Test
    void masksMapEntriesIncludingCollectionsAndDates() {
        MaskField<SourceRecord> transform = configured(new MaskField.Key<>(), Map.of("fields", "tags,when,price"));
        Map<String, Object> key = new HashMap<>(Map.of("tags", List.of("a"), "when", new Date(5),
                "price", new BigDecimal("9.99"), "kept", "k"));

        @SuppressWarnings("unchecked")
        Map<String, Object> masked = (Map<String, Object>) transform.apply(Records.withKey(null, key)).key();

        assertThat(masked).containsEntry("tags", List.of()).containsEntry("when", new Date(0))
                .containsEntry("price", BigDecimal.ZERO).containsEntry("kept", "k");
    }

    @Test
    void parsesTheReplacementIntoTheFieldType() {
        MaskField<SourceRecord> transform = configured(new MaskField.Value<>(),
                Map.of("fields", "age,name", "replacement", "99"));
        Struct value = new Struct(SCHEMA).put("age", 42).put("name", "ann").put("vip", true);

        Struct masked = (Struct) transform.apply(Records.withValue(SCHEMA, value)).value();

        assertThat(masked.getInt32("age")).isEqualTo(99);
        assertThat(masked.getString("name")).isEqualTo("99");
    }

    @Test
    void rejectsAReplacementThatIsNotANumberForNumericFields() {
        MaskField<SourceRecord> transform = configured(new MaskField.Value<>(),
                Map.of("fields", "age", "replacement", "abc"));
        Struct value = new Struct(SCHEMA).put("age", 42).put("name", "ann").put("vip", true);

        assertThatThrownBy(() -> transform.apply(Records.withValue(SCHEMA, value)))
                .isInstanceOf(DataException.class);
    }

    @Test
    void cannotMaskBytes() {
        MaskField<SourceRecord> transform = configured(new MaskField.Value<>(), Map.of("fields", "raw"));
        Map<String, Object> value = new HashMap<>(Map.of("raw", new byte[] {1}));

        assertThatThrownBy(() -> transform.apply(Records.withValue(null, value))).isInstanceOf(DataException.class);
    }

    private static MaskField<SourceRecord> configured(MaskField<SourceRecord> transform, Map<String, String> config) {
        transform.configure(config);
        return transform;
    }
}
