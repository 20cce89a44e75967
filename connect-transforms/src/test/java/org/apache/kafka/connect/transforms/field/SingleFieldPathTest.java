package org.apache.kafka.connect.transforms.field;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.errors.DataException;
import org.junit.jupiter.api.Test;

class SingleFieldPathTest {

    private static final Schema INNER = SchemaBuilder.struct()
            .field("x", SchemaBuilder.int32().optional().defaultValue(7).build()).build();
    private static final Schema ROOT = SchemaBuilder.struct()
            .field("in", INNER).field("a.b", Schema.STRING_SCHEMA).field("a", Schema.STRING_SCHEMA).build();

    @Test
    void v1TakesTheWholeSettingAsOneTopLevelName() {
        SingleFieldPath path = new SingleFieldPath("a.b", FieldSyntaxVersion.V1);

        assertThat(path.valueFrom(Map.of("a.b", 1))).isEqualTo(1);
        assertThat(path.fieldFrom(ROOT).name()).isEqualTo("a.b");
    }

    @Test
    void v2FollowsDotsIntoNestedStructsAndMaps() {
        SingleFieldPath path = new SingleFieldPath("in.x", FieldSyntaxVersion.V2);
        Struct struct = new Struct(ROOT).put("in", new Struct(INNER).put("x", 3));

        assertThat(path.valueFrom(struct)).isEqualTo(3);
        assertThat(path.valueFrom(Map.of("in", Map.of("x", 4)))).isEqualTo(4);
        assertThat(path.fieldFrom(ROOT).schema().type()).isEqualTo(Schema.Type.INT32);
    }

    @Test
    void backticksQuoteANameContainingDots() {
        SingleFieldPath path = new SingleFieldPath("`a.b`", FieldSyntaxVersion.V2);

        assertThat(path.valueFrom(Map.of("a.b", "dotted"))).isEqualTo("dotted");
        assertThat(path).hasToString("SingleFieldPath{version=V2, path=a.b}");
    }

    @Test
    void backslashKeepsABacktickBeforeADotFromClosingTheName() {
        assertThat(new SingleFieldPath("`a\\`.b`", FieldSyntaxVersion.V2))
                .hasToString("SingleFieldPath{version=V2, path=a`.b}");
    }

    @Test
    void unclosedBacktickIsAConfigError() {
        assertThatThrownBy(() -> new SingleFieldPath("a.`b", FieldSyntaxVersion.V2))
                .isInstanceOf(ConfigException.class).hasMessageContaining("position 2");
    }

    @Test
    void nullDefaultsAreAppliedOnlyWhenAsked() {
        SingleFieldPath path = new SingleFieldPath("in.x", FieldSyntaxVersion.V2);
        Struct struct = new Struct(ROOT).put("in", new Struct(INNER));

        assertThat(path.valueFrom(struct, true)).isEqualTo(7);
        assertThat(path.valueFrom(struct, false)).isNull();
    }

    @Test
    void missingStepsReadAsNullButNonContainersFail() {
        SingleFieldPath missing = new SingleFieldPath("nope.x", FieldSyntaxVersion.V2);
        SingleFieldPath throughText = new SingleFieldPath("a.x", FieldSyntaxVersion.V2);

        assertThat(missing.valueFrom(Map.of())).isNull();
        assertThatThrownBy(() -> throughText.valueFrom(Map.of("a", "text"))).isInstanceOf(DataException.class);
    }

    @Test
    void pathsNamingTheSameFieldsAreEqualWhateverTheSyntax() {
        assertThat(new SingleFieldPath("a", FieldSyntaxVersion.V1))
                .isEqualTo(new SingleFieldPath("`a`", FieldSyntaxVersion.V2))
                .hasSameHashCodeAs(new SingleFieldPath("a", FieldSyntaxVersion.V2));
    }
}
