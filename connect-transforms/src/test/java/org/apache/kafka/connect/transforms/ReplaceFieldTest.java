package org.apache.kafka.connect.transforms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.connect.data.Field;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.source.SourceRecord;
import org.junit.jupiter.api.Test;

class ReplaceFieldTest {

    private static final Schema SCHEMA = SchemaBuilder.struct().name("person").version(2)
            .field("id", Schema.INT32_SCHEMA)
            .field("name", Schema.STRING_SCHEMA)
            .field("secret", Schema.STRING_SCHEMA)
            .build();

    private static final Struct VALUE = new Struct(SCHEMA).put("id", 1).put("name", "ann").put("secret", "s");

    @Test
    void dropsExcludedFieldsAndRenamesOthersKeepingSchemaNameAndVersion() {
        ReplaceField<SourceRecord> transform = new ReplaceField.Value<>();
        transform.configure(Map.of("exclude", "secret", "renames", "name:fullName"));

        SourceRecord output = transform.apply(Records.withValue(SCHEMA, VALUE));

        assertThat(output.valueSchema().fields()).extracting(Field::name).containsExactly("id", "fullName");
        assertThat(output.valueSchema().name()).isEqualTo("person");
        assertThat(output.valueSchema().version()).isEqualTo(2);
        assertThat(((Struct) output.value()).getString("fullName")).isEqualTo("ann");
    }

    @Test
    void exclusionWinsOverInclusion() {
        ReplaceField<SourceRecord> transform = new ReplaceField.Value<>();
        transform.configure(Map.of("include", "id,secret", "exclude", "secret"));

        assertThat(transform.apply(Records.withValue(SCHEMA, VALUE)).valueSchema().fields())
                .extracting(Field::name).containsExactly("id");
    }

    @Test
    void worksOnSchemalessKeys() {
        ReplaceField<SourceRecord> transform = new ReplaceField.Key<>();
        transform.configure(Map.of("renames", "a:b"));

        assertThat(transform.apply(Records.withKey(null, Map.of("a", 1, "c", 2))).key())
                .isEqualTo(Map.of("b", 1, "c", 2));
    }

    @Test
    void passesTombstonesThrough() {
        ReplaceField<SourceRecord> transform = new ReplaceField.Value<>();
        transform.configure(Map.of("exclude", "secret"));
        SourceRecord tombstone = Records.withValue(SCHEMA, null);

        assertThat(transform.apply(tombstone)).isSameAs(tombstone);
    }

    @Test
    void rejectsRenamesThatAreNotPairs() {
        ReplaceField<SourceRecord> transform = new ReplaceField.Value<>();

        assertThatThrownBy(() -> transform.configure(Map.of("renames", "a:b:c")))
                .isInstanceOf(ConfigException.class);
    }
}
