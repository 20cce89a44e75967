package org.apache.kafka.connect.data;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SchemaTest {

    @Test
    void typeNameIsLowerCaseEnumName() {
        assertThat(Schema.Type.INT32.getName()).isEqualTo("int32");
        assertThat(Schema.Type.STRUCT.getName()).isEqualTo("struct");
    }

    @Test
    void scalarTypesArePrimitive() {
        assertThat(Schema.Type.values())
                .filteredOn(Schema.Type::isPrimitive)
                .containsExactly(Schema.Type.INT8, Schema.Type.INT16, Schema.Type.INT32, Schema.Type.INT64,
                        Schema.Type.FLOAT32, Schema.Type.FLOAT64, Schema.Type.BOOLEAN, Schema.Type.STRING,
                        Schema.Type.BYTES);
    }

    @Test
    void requiredConstantsHaveOnlyATypeSet() {
        assertThat(Schema.STRING_SCHEMA.type()).isEqualTo(Schema.Type.STRING);
        assertThat(Schema.STRING_SCHEMA.isOptional()).isFalse();
        assertThat(Schema.STRING_SCHEMA.name()).isNull();
        assertThat(Schema.STRING_SCHEMA.version()).isNull();
        assertThat(Schema.STRING_SCHEMA.defaultValue()).isNull();
        assertThat(Schema.STRING_SCHEMA.parameters()).isNull();
    }

    @Test
    void optionalConstantsAreOptionalVariantsOfTheSameType() {
        assertThat(Schema.OPTIONAL_INT64_SCHEMA.type()).isEqualTo(Schema.Type.INT64);
        assertThat(Schema.OPTIONAL_INT64_SCHEMA.isOptional()).isTrue();
        assertThat(Schema.OPTIONAL_BYTES_SCHEMA).isEqualTo(SchemaBuilder.bytes().optional().build());
    }

    @Test
    void constantsAreConnectSchemas() {
        assertThat(Schema.BOOLEAN_SCHEMA).isInstanceOf(ConnectSchema.class);
        assertThat(Schema.BOOLEAN_SCHEMA.schema()).isSameAs(Schema.BOOLEAN_SCHEMA);
    }
}
