package org.apache.kafka.connect.data;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class FieldTest {

    @Test
    void exposesNameIndexAndSchema() {
        Field field = new Field("id", 2, Schema.INT64_SCHEMA);

        assertThat(field.name()).isEqualTo("id");
        assertThat(field.index()).isEqualTo(2);
        assertThat(field.schema()).isSameAs(Schema.INT64_SCHEMA);
    }

    @Test
    void fieldsWithSameNameIndexAndSchemaAreEqual() {
        Field a = new Field("id", 0, Schema.INT64_SCHEMA);
        Field b = new Field("id", 0, SchemaBuilder.int64().build());

        assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
    }

    @Test
    void differentIndexMakesFieldsUnequal() {
        assertThat(new Field("id", 0, Schema.INT64_SCHEMA)).isNotEqualTo(new Field("id", 1, Schema.INT64_SCHEMA));
    }

    @Test
    void differentSchemaMakesFieldsUnequal() {
        assertThat(new Field("id", 0, Schema.INT64_SCHEMA)).isNotEqualTo(new Field("id", 0, Schema.INT32_SCHEMA));
    }

    @Test
    void toStringShowsAllAttributes() {
        assertThat(new Field("id", 0, Schema.INT64_SCHEMA))
                .hasToString("Field{name=id, index=0, schema=Schema{INT64}}");
    }
}
