package org.apache.kafka.connect.data;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SchemaAndValueTest {

    @Test
    void nullConstantHasNoSchemaAndNoValue() {
        assertThat(SchemaAndValue.NULL.schema()).isNull();
        assertThat(SchemaAndValue.NULL.value()).isNull();
    }

    @Test
    void equalSchemaAndValueAreEqual() {
        SchemaAndValue a = new SchemaAndValue(Schema.STRING_SCHEMA, "x");
        SchemaAndValue b = new SchemaAndValue(SchemaBuilder.string().build(), "x");

        assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
        assertThat(SchemaAndValue.NULL).isEqualTo(new SchemaAndValue(null, null));
    }

    @Test
    void differentValuesAreUnequal() {
        assertThat(new SchemaAndValue(Schema.STRING_SCHEMA, "x")).isNotEqualTo(new SchemaAndValue(Schema.STRING_SCHEMA, "y"));
    }

    @Test
    void toStringShowsSchemaAndValue() {
        assertThat(new SchemaAndValue(Schema.INT8_SCHEMA, (byte) 1))
                .hasToString("SchemaAndValue{schema=Schema{INT8}, value=1}");
    }
}
