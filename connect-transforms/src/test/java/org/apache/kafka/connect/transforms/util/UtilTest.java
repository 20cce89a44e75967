package org.apache.kafka.connect.transforms.util;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.errors.DataException;
import org.apache.kafka.connect.source.SourceRecord;
import org.junit.jupiter.api.Test;

class UtilTest {

    @Test
    void requirementsNameThePurposeAndTheTypeFound() {
        assertThatThrownBy(() -> Requirements.requireMap("text", "flattening"))
                .isInstanceOf(DataException.class).hasMessageContaining("flattening").hasMessageContaining("String");
        assertThat(Requirements.requireStructOrNull(null, "x")).isNull();
        assertThatThrownBy(() -> Requirements.requireSinkRecord(new SourceRecord(null, null, "t", 0, null, null), "o"))
                .isInstanceOf(DataException.class);
    }

    @Test
    void copySchemaBasicsKeepsIdentityButNotOptionalityOrDefault() {
        Schema source = SchemaBuilder.int32().name("n").version(2).doc("d").parameter("k", "v")
                .optional().defaultValue(4).build();

        Schema copy = SchemaUtil.copySchemaBasics(source).build();

        assertThat(copy.name()).isEqualTo("n");
        assertThat(copy.version()).isEqualTo(2);
        assertThat(copy.doc()).isEqualTo("d");
        assertThat(copy.parameters()).containsEntry("k", "v");
        assertThat(copy.isOptional()).isFalse();
        assertThat(copy.defaultValue()).isNull();
    }

    @Test
    void validatorsRejectBadRegexesAndEmptyLists() {
        assertThatThrownBy(() -> new RegexValidator().ensureValid("r", "a((")).isInstanceOf(ConfigException.class);
        assertThatThrownBy(() -> new NonEmptyListValidator().ensureValid("l", List.of()))
                .isInstanceOf(ConfigException.class);
        assertThat(new RegexValidator()).hasToString("valid regex");
        assertThat(new NonEmptyListValidator()).hasToString("non-empty list");
    }

    @Test
    void simpleConfigParsesAgainstTheDefinition() {
        org.apache.kafka.common.config.ConfigDef def = new org.apache.kafka.common.config.ConfigDef()
                .define("n", org.apache.kafka.common.config.ConfigDef.Type.INT, 3,
                        org.apache.kafka.common.config.ConfigDef.Importance.LOW, "a number");

        assertThat(new SimpleConfig(def, Map.of("n", "5")).getInt("n")).isEqualTo(5);
    }
}
