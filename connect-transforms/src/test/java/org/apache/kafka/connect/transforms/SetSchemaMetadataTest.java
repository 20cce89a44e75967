package org.apache.kafka.connect.transforms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.errors.DataException;
import org.apache.kafka.connect.source.SourceRecord;
import org.junit.jupiter.api.Test;

class SetSchemaMetadataTest {

    private static final Schema SCHEMA = SchemaBuilder.struct().name("old").version(1)
            .field("id", Schema.INT32_SCHEMA).build();

    @Test
    void renamesTheSchemaAndRebindsTheStructToIt() {
        SetSchemaMetadata<SourceRecord> transform = new SetSchemaMetadata.Value<>();
        transform.configure(Map.of("schema.name", "new", "schema.version", "5"));

        SourceRecord output = transform.apply(Records.withValue(SCHEMA, new Struct(SCHEMA).put("id", 3)));

        assertThat(output.valueSchema().name()).isEqualTo("new");
        assertThat(output.valueSchema().version()).isEqualTo(5);
        assertThat(((Struct) output.value()).schema()).isSameAs(output.valueSchema());
    }

    @Test
    void keepsTheOtherPropertyWhenOnlyOneIsSet() {
        SetSchemaMetadata<SourceRecord> transform = new SetSchemaMetadata.Key<>();
        transform.configure(Map.of("schema.version", "9"));

        Schema keySchema = transform.apply(Records.withKey(SCHEMA, new Struct(SCHEMA).put("id", 3))).keySchema();

        assertThat(keySchema.name()).isEqualTo("old");
        assertThat(keySchema.version()).isEqualTo(9);
    }

    @Test
    void requiresNameOrVersion() {
        assertThatThrownBy(() -> new SetSchemaMetadata.Value<SourceRecord>().configure(Map.of()))
                .isInstanceOf(ConfigException.class);
    }

    @Test
    void requiresAStructSchemaUnlessTheRecordIsASchemalessTombstone() {
        SetSchemaMetadata<SourceRecord> transform = new SetSchemaMetadata.Value<>();
        transform.configure(Map.of("schema.name", "new"));
        SourceRecord tombstone = Records.withValue(null, null);

        assertThat(transform.apply(tombstone)).isSameAs(tombstone);
        assertThatThrownBy(() -> transform.apply(Records.withValue(null, Map.of())))
                .isInstanceOf(DataException.class);
        assertThatThrownBy(() -> transform.apply(Records.withValue(Schema.INT64_SCHEMA, 1L)))
                .isInstanceOf(DataException.class);
    }
}
