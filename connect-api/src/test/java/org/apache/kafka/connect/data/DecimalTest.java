package org.apache.kafka.connect.data;

import org.apache.kafka.connect.errors.DataException;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DecimalTest {

    @Test
    void schemaIsVersionedBytesWithScaleParameter() {
        Schema schema = Decimal.schema(2);

        assertThat(schema.type()).isEqualTo(Schema.Type.BYTES);
        assertThat(schema.name()).isEqualTo(Decimal.LOGICAL_NAME);
        assertThat(schema.version()).isEqualTo(1);
        assertThat(schema.parameters()).containsExactly(Map.entry(Decimal.SCALE_FIELD, "2"));
    }

    @Test
    void builderCanBeExtended() {
        assertThat(Decimal.builder(-3).optional().build().isOptional()).isTrue();
        assertThat(Decimal.builder(2).build()).isEqualTo(Decimal.schema(2));
    }

    @Test
    void fromLogicalEncodesUnscaledValueBigEndian() {
        assertThat(Decimal.fromLogical(Decimal.schema(2), new BigDecimal("1.56"))).containsExactly(0, 156);
        assertThat(Decimal.fromLogical(Decimal.schema(2), new BigDecimal("-1.56"))).containsExactly(-1, 100);
    }

    @Test
    void toLogicalDecodesWithSchemaScale() {
        assertThat(Decimal.toLogical(Decimal.schema(2), new byte[] {0, (byte) 156})).isEqualTo(new BigDecimal("1.56"));
        assertThat(Decimal.toLogical(Decimal.schema(2), new byte[] {-1, 100})).isEqualTo(new BigDecimal("-1.56"));
    }

    @Test
    void fromLogicalRejectsValueWithOtherScale() {
        assertThatThrownBy(() -> Decimal.fromLogical(Decimal.schema(2), new BigDecimal("1.5")))
                .isInstanceOf(DataException.class)
                .hasMessageContaining("scale");
    }

    @Test
    void missingScaleParameterThrows() {
        Schema noScale = SchemaBuilder.bytes().name(Decimal.LOGICAL_NAME).parameter("other", "1").build();

        assertThatThrownBy(() -> Decimal.toLogical(noScale, new byte[] {1})).isInstanceOf(DataException.class);
        assertThatThrownBy(() -> Decimal.fromLogical(noScale, BigDecimal.ONE)).isInstanceOf(DataException.class);
    }

    @Test
    void nonNumericScaleThrowsWithCause() {
        Schema badScale = SchemaBuilder.bytes().parameter(Decimal.SCALE_FIELD, "x").build();

        assertThatThrownBy(() -> Decimal.toLogical(badScale, new byte[] {1}))
                .isInstanceOf(DataException.class)
                .hasCauseInstanceOf(NumberFormatException.class);
    }

    @Test
    void schemaWithoutParametersThrowsNullPointer() {
        assertThatThrownBy(() -> Decimal.toLogical(Schema.BYTES_SCHEMA, new byte[] {1}))
                .isInstanceOf(NullPointerException.class);
    }

    @Test
    void schemaNameIsNotChecked() {
        Schema unnamed = SchemaBuilder.bytes().parameter(Decimal.SCALE_FIELD, "1").build();

        assertThat(Decimal.toLogical(unnamed, new byte[] {15})).isEqualTo(new BigDecimal("1.5"));
    }
}
