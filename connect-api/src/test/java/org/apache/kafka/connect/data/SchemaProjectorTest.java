package org.apache.kafka.connect.data;

import org.apache.kafka.connect.errors.DataException;
import org.apache.kafka.connect.errors.SchemaProjectorException;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SchemaProjectorTest {

    @Test
    void integersWidenToLargerIntegersAndFloats() {
        assertThat(SchemaProjector.project(Schema.INT8_SCHEMA, (byte) 1, Schema.INT16_SCHEMA)).isEqualTo((short) 1);
        assertThat(SchemaProjector.project(Schema.INT16_SCHEMA, (short) 1, Schema.INT32_SCHEMA)).isEqualTo(1);
        assertThat(SchemaProjector.project(Schema.INT32_SCHEMA, 1, Schema.INT64_SCHEMA)).isEqualTo(1L);
        assertThat(SchemaProjector.project(Schema.INT64_SCHEMA, 1L, Schema.FLOAT32_SCHEMA)).isEqualTo(1f);
        assertThat(SchemaProjector.project(Schema.INT8_SCHEMA, (byte) 1, Schema.FLOAT64_SCHEMA)).isEqualTo(1d);
    }

    @Test
    void float32WidensToFloat64() {
        assertThat(SchemaProjector.project(Schema.FLOAT32_SCHEMA, 1.5f, Schema.FLOAT64_SCHEMA)).isEqualTo(1.5d);
    }

    @Test
    void narrowingThrows() {
        assertThatThrownBy(() -> SchemaProjector.project(Schema.INT64_SCHEMA, 1L, Schema.INT32_SCHEMA))
                .isInstanceOf(SchemaProjectorException.class)
                .hasMessageContaining("INT64")
                .hasMessageContaining("INT32");
        assertThatThrownBy(() -> SchemaProjector.project(Schema.FLOAT64_SCHEMA, 1d, Schema.FLOAT32_SCHEMA))
                .isInstanceOf(SchemaProjectorException.class);
        assertThatThrownBy(() -> SchemaProjector.project(Schema.FLOAT32_SCHEMA, 1f, Schema.INT64_SCHEMA))
                .isInstanceOf(SchemaProjectorException.class);
    }

    @Test
    void nonNumericTypesOnlyProjectToThemselves() {
        assertThat(SchemaProjector.project(Schema.STRING_SCHEMA, "s", Schema.STRING_SCHEMA)).isEqualTo("s");
        assertThat(SchemaProjector.project(Schema.BOOLEAN_SCHEMA, true, Schema.BOOLEAN_SCHEMA)).isEqualTo(true);
        assertThatThrownBy(() -> SchemaProjector.project(Schema.BOOLEAN_SCHEMA, true, Schema.INT8_SCHEMA))
                .isInstanceOf(SchemaProjectorException.class);
        assertThatThrownBy(() -> SchemaProjector.project(Schema.STRING_SCHEMA, "s", Schema.BYTES_SCHEMA))
                .isInstanceOf(SchemaProjectorException.class);
    }

    @Test
    void numberIsConvertedToTargetClassEvenForSameType() {
        assertThat(SchemaProjector.project(Schema.INT32_SCHEMA, (byte) 1, Schema.INT32_SCHEMA)).isEqualTo(1);
    }

    @Test
    void nonNumberValuePassesThroughUnchanged() {
        assertThat(SchemaProjector.project(Schema.INT32_SCHEMA, "x", Schema.INT64_SCHEMA)).isEqualTo("x");
    }

    @Test
    void namesMustMatch() {
        assertThatThrownBy(() -> SchemaProjector.project(
                SchemaBuilder.int32().name("a").build(), 1, SchemaBuilder.int32().name("b").build()))
                .isInstanceOf(SchemaProjectorException.class)
                .hasMessageContaining("name");
        assertThatThrownBy(() -> SchemaProjector.project(Date.SCHEMA, new java.util.Date(0), Timestamp.SCHEMA))
                .isInstanceOf(SchemaProjectorException.class);
    }

    @Test
    void parametersMustMatch() {
        assertThatThrownBy(() -> SchemaProjector.project(Decimal.schema(2), new BigDecimal("1.23"), Decimal.schema(3)))
                .isInstanceOf(SchemaProjectorException.class)
                .hasMessageContaining("parameters");
    }

    @Test
    void versionAndDocAreIgnored() {
        Schema source = SchemaBuilder.int32().version(1).doc("x").build();
        Schema target = SchemaBuilder.int32().version(2).doc("y").build();

        assertThat(SchemaProjector.project(source, 1, target)).isEqualTo(1);
    }

    @Test
    void logicalValuePassesThroughWhenSchemasMatch() {
        BigDecimal value = new BigDecimal("1.23");

        assertThat(SchemaProjector.project(Decimal.schema(2), value, Decimal.schema(2))).isSameAs(value);
    }

    @Test
    void optionalToRequiredWithoutDefaultThrowsEvenForPresentValue() {
        assertThatThrownBy(() -> SchemaProjector.project(Schema.OPTIONAL_INT32_SCHEMA, 1, Schema.INT32_SCHEMA))
                .isInstanceOf(SchemaProjectorException.class)
                .hasMessageContaining("default");
    }

    @Test
    void optionalNullToRequiredTakesTargetDefault() {
        Schema target = SchemaBuilder.int64().defaultValue(9L).build();

        assertThat(SchemaProjector.project(Schema.OPTIONAL_INT8_SCHEMA, null, target)).isEqualTo(9L);
        assertThat(SchemaProjector.project(Schema.OPTIONAL_INT8_SCHEMA, (byte) 3, target)).isEqualTo(3L);
    }

    @Test
    void nullStaysNullOtherwise() {
        Schema optionalWithDefault = SchemaBuilder.int64().optional().defaultValue(5L).build();

        assertThat(SchemaProjector.project(Schema.INT32_SCHEMA, null, Schema.OPTIONAL_INT64_SCHEMA)).isNull();
        assertThat(SchemaProjector.project(Schema.INT32_SCHEMA, null, Schema.INT64_SCHEMA)).isNull();
        assertThat(SchemaProjector.project(Schema.OPTIONAL_INT32_SCHEMA, null, optionalWithDefault)).isNull();
    }

    @Test
    void arrayElementsAreProjected() {
        Object projected = SchemaProjector.project(SchemaBuilder.array(Schema.INT8_SCHEMA).build(),
                List.of((byte) 1, (byte) 2), SchemaBuilder.array(Schema.INT64_SCHEMA).build());

        assertThat(projected).isEqualTo(List.of(1L, 2L));
    }

    @Test
    void nullArrayElementsUseElementDefault() {
        Object projected = SchemaProjector.project(SchemaBuilder.array(Schema.OPTIONAL_INT8_SCHEMA).build(),
                Arrays.asList((byte) 1, null),
                SchemaBuilder.array(SchemaBuilder.int8().defaultValue((byte) 7).build()).build());

        assertThat(projected).isEqualTo(List.of((byte) 1, (byte) 7));
    }

    @Test
    void arrayElementSchemasMustBeCompatible() {
        assertThatThrownBy(() -> SchemaProjector.project(SchemaBuilder.array(Schema.INT64_SCHEMA).build(),
                List.of(1L), SchemaBuilder.array(Schema.INT8_SCHEMA).build()))
                .isInstanceOf(SchemaProjectorException.class);
    }

    @Test
    void mapKeysAndValuesAreProjected() {
        Object projected = SchemaProjector.project(SchemaBuilder.map(Schema.INT8_SCHEMA, Schema.INT16_SCHEMA).build(),
                Map.of((byte) 1, (short) 2), SchemaBuilder.map(Schema.INT32_SCHEMA, Schema.FLOAT64_SCHEMA).build());

        assertThat(projected).isEqualTo(Map.of(1, 2.0d));
    }

    @Test
    void arrayDoesNotProjectToMap() {
        assertThatThrownBy(() -> SchemaProjector.project(SchemaBuilder.array(Schema.INT8_SCHEMA).build(), List.of(),
                SchemaBuilder.map(Schema.INT8_SCHEMA, Schema.INT8_SCHEMA).build()))
                .isInstanceOf(SchemaProjectorException.class);
    }

    private static final Schema SOURCE = SchemaBuilder.struct().name("R")
            .field("a", Schema.INT8_SCHEMA)
            .field("b", Schema.OPTIONAL_STRING_SCHEMA)
            .field("c", SchemaBuilder.int32().defaultValue(3).build())
            .field("extra", Schema.STRING_SCHEMA)
            .build();

    private static Struct sourceRecord() {
        return new Struct(SOURCE).put("a", (byte) 1).put("extra", "e");
    }

    @Test
    void structFieldsAreMatchedByNameAndWidened() {
        Schema target = SchemaBuilder.struct().name("R")
                .field("c", Schema.INT64_SCHEMA)
                .field("a", Schema.INT32_SCHEMA)
                .build();

        Struct projected = (Struct) SchemaProjector.project(SOURCE, sourceRecord(), target);

        assertThat(projected.schema()).isSameAs(target);
        assertThat(projected.getInt32("a")).isEqualTo(1);
        assertThat(projected.getInt64("c")).as("source default is carried over").isEqualTo(3L);
    }

    @Test
    void missingSourceValueForOptionalFieldTakesTargetDefault() {
        Schema target = SchemaBuilder.struct().name("R").field("b", SchemaBuilder.string().defaultValue("dflt").build()).build();

        Struct projected = (Struct) SchemaProjector.project(SOURCE, sourceRecord(), target);

        assertThat(projected.getString("b")).isEqualTo("dflt");
    }

    @Test
    void fieldsAbsentFromSourceAreLeftNullOrDefaulted() {
        Schema target = SchemaBuilder.struct().name("R")
                .field("newOptional", Schema.OPTIONAL_INT8_SCHEMA)
                .field("newDefaulted", SchemaBuilder.int8().defaultValue((byte) 4).build())
                .build();

        Struct projected = (Struct) SchemaProjector.project(SOURCE, sourceRecord(), target);

        assertThat(projected.getWithoutDefault("newOptional")).isNull();
        assertThat(projected.getWithoutDefault("newDefaulted")).isEqualTo((byte) 4);
    }

    @Test
    void requiredFieldAbsentFromSourceThrows() {
        Schema target = SchemaBuilder.struct().name("R").field("zz", Schema.INT8_SCHEMA).build();

        assertThatThrownBy(() -> SchemaProjector.project(SOURCE, sourceRecord(), target))
                .isInstanceOf(SchemaProjectorException.class)
                .hasMessageContaining("zz");
    }

    @Test
    void incompatibleFieldIsWrappedWithFieldName() {
        Schema target = SchemaBuilder.struct().name("R").field("a", Schema.STRING_SCHEMA).build();

        assertThatThrownBy(() -> SchemaProjector.project(SOURCE, sourceRecord(), target))
                .isInstanceOf(SchemaProjectorException.class)
                .hasMessageContaining("a")
                .hasCauseInstanceOf(SchemaProjectorException.class);
    }

    @Test
    void structNamesMustMatch() {
        assertThatThrownBy(() -> SchemaProjector.project(SOURCE, sourceRecord(), SchemaBuilder.struct().name("Q").build()))
                .isInstanceOf(SchemaProjectorException.class);
    }

    @Test
    void structThatDoesNotFitTargetFailsWithDataException() {
        Schema target = SchemaBuilder.struct().name("R").field("c", Schema.INT64_SCHEMA).build();

        assertThatThrownBy(() -> SchemaProjector.project(SOURCE, new Struct(target), target))
                .isInstanceOf(DataException.class)
                .isNotInstanceOf(SchemaProjectorException.class);
    }
}
