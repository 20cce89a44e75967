package org.apache.kafka.connect.transforms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Date;
import java.util.List;
import java.util.Map;

import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.record.TimestampType;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.data.Timestamp;
import org.apache.kafka.connect.errors.DataException;
import org.apache.kafka.connect.sink.SinkRecord;
import org.apache.kafka.connect.source.SourceRecord;
import org.junit.jupiter.api.Test;

/** ExtractField, HoistField, Flatten and InsertField. */
class StructureTransformsTest {

    private static final Schema ADDRESS = SchemaBuilder.struct().field("city", Schema.STRING_SCHEMA).optional().build();
    private static final Schema PERSON = SchemaBuilder.struct().name("person")
            .field("id", Schema.INT64_SCHEMA).field("address", ADDRESS).build();

    private static Struct person() {
        return new Struct(PERSON).put("id", 1L).put("address", new Struct(ADDRESS).put("city", "Oslo"));
    }

    private static SourceRecord value(Schema schema, Object value) {
        return new SourceRecord(null, null, "people", 3, null, null, schema, value, 99L);
    }

    @Test
    void extractFieldFollowsNestedPathsWithSyntaxV2() {
        ExtractField<SourceRecord> extract = new ExtractField.Value<>();
        extract.configure(Map.of("field", "address.city", "field.syntax.version", "V2"));

        SourceRecord out = extract.apply(value(PERSON, person()));

        assertThat(out.value()).isEqualTo("Oslo");
        assertThat(out.valueSchema()).isEqualTo(Schema.STRING_SCHEMA);
    }

    @Test
    void extractFieldRejectsAFieldTheSchemaLacks() {
        ExtractField<SourceRecord> extract = new ExtractField.Value<>();
        extract.configure(Map.of("field", "nope"));

        assertThatThrownBy(() -> extract.apply(value(PERSON, person()))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void hoistFieldWrapsTheKeyInAStruct() {
        HoistField<SourceRecord> hoist = new HoistField.Key<>();
        hoist.configure(Map.of("field", "id"));

        SourceRecord out = hoist.apply(new SourceRecord(null, null, "t", 0, Schema.INT64_SCHEMA, 7L, null, null));

        assertThat(((Struct) out.key()).get("id")).isEqualTo(7L);
        assertThat(out.keySchema().field("id").schema()).isEqualTo(Schema.INT64_SCHEMA);
    }

    @Test
    void flattenJoinsNestedNamesWithTheDelimiterAndKeepsOptionality() {
        Flatten<SourceRecord> flatten = new Flatten.Value<>();
        flatten.configure(Map.of("delimiter", "_"));

        SourceRecord out = flatten.apply(value(PERSON, person()));

        assertThat(((Struct) out.value()).get("address_city")).isEqualTo("Oslo");
        assertThat(out.valueSchema().field("address_city").schema().isOptional()).isTrue();
        assertThat(out.valueSchema().name()).isEqualTo("person");
    }

    @Test
    void flattenMergesNestedMapsWithoutSchemas() {
        Flatten<SourceRecord> flatten = new Flatten.Value<>();
        flatten.configure(Map.of());

        SourceRecord out = flatten.apply(value(null, Map.of("a", Map.of("b", 1), "list", List.of(1))));

        assertThat(out.value()).isEqualTo(Map.of("a.b", 1, "list", List.of(1)));
    }

    @Test
    void insertFieldAddsSinkMetadataAsTypedFields() {
        InsertField<SinkRecord> insert = new InsertField.Value<>();
        insert.configure(Map.of("offset.field", "offset!", "timestamp.field", "ts", "static.field", "origin",
                "static.value", "test"));
        SinkRecord record = new SinkRecord("people", 3, null, null, PERSON, person(), 42L, 1000L,
                TimestampType.CREATE_TIME);

        Struct out = (Struct) insert.apply(record).value();

        assertThat(out.get("offset")).isEqualTo(42L);
        assertThat(out.get("ts")).isEqualTo(new Date(1000L));
        assertThat(out.schema().field("ts").schema()).isEqualTo(Timestamp.builder().optional().build());
        assertThat(out.get("origin")).isEqualTo("test");
    }

    @Test
    void insertFieldCannotAddOffsetsToSourceRecords() {
        InsertField<SourceRecord> insert = new InsertField.Value<>();
        insert.configure(Map.of("offset.field", "offset"));

        assertThatThrownBy(() -> insert.apply(value(null, Map.of("a", 1)))).isInstanceOf(DataException.class);
    }

    @Test
    void insertFieldNeedsSomethingToInsert() {
        assertThatThrownBy(() -> new InsertField.Value<SourceRecord>().configure(Map.of()))
                .isInstanceOf(ConfigException.class);
    }

    @Test
    void insertFieldPassesTombstonesThrough() {
        InsertField<SourceRecord> insert = new InsertField.Value<>();
        insert.configure(Map.of("topic.field", "topic"));
        SourceRecord tombstone = value(PERSON, null);

        assertThat(insert.apply(tombstone)).isSameAs(tombstone);
    }
}
