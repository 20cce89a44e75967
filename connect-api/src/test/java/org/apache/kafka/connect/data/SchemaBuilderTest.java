package org.apache.kafka.connect.data;

import org.apache.kafka.connect.errors.DataException;
import org.apache.kafka.connect.errors.SchemaBuilderException;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SchemaBuilderTest {

    @Test
    void buildsSchemaWithAllAttributes() {
        Schema schema = SchemaBuilder.int32().name("count").version(2).doc("how many")
                .parameter("unit", "items").optional().defaultValue(5).build();

        assertThat(schema.type()).isEqualTo(Schema.Type.INT32);
        assertThat(schema.name()).isEqualTo("count");
        assertThat(schema.version()).isEqualTo(2);
        assertThat(schema.doc()).isEqualTo("how many");
        assertThat(schema.parameters()).containsExactly(Map.entry("unit", "items"));
        assertThat(schema.isOptional()).isTrue();
        assertThat(schema.defaultValue()).isEqualTo(5);
    }

    @Test
    void factoryMethodsCreateBuildersOfTheirType() {
        assertThat(SchemaBuilder.int8().type()).isEqualTo(Schema.Type.INT8);
        assertThat(SchemaBuilder.int16().type()).isEqualTo(Schema.Type.INT16);
        assertThat(SchemaBuilder.int64().type()).isEqualTo(Schema.Type.INT64);
        assertThat(SchemaBuilder.float32().type()).isEqualTo(Schema.Type.FLOAT32);
        assertThat(SchemaBuilder.float64().type()).isEqualTo(Schema.Type.FLOAT64);
        assertThat(SchemaBuilder.bool().type()).isEqualTo(Schema.Type.BOOLEAN);
        assertThat(SchemaBuilder.string().type()).isEqualTo(Schema.Type.STRING);
        assertThat(SchemaBuilder.bytes().type()).isEqualTo(Schema.Type.BYTES);
        assertThat(SchemaBuilder.struct().type()).isEqualTo(Schema.Type.STRUCT);
        assertThat(SchemaBuilder.type(Schema.Type.MAP).type()).isEqualTo(Schema.Type.MAP);
    }

    @Test
    void builderIsRequiredUnlessMadeOptional() {
        assertThat(SchemaBuilder.string().isOptional()).isFalse();
        assertThat(SchemaBuilder.string().build().isOptional()).isFalse();
    }

    @Test
    void nullTypeIsRejected() {
        assertThatThrownBy(() -> new SchemaBuilder(null)).isInstanceOf(SchemaBuilderException.class);
    }

    @Test
    void repeatingTheSameOptionalityIsAllowed() {
        assertThat(SchemaBuilder.int8().optional().optional().isOptional()).isTrue();
        assertThat(SchemaBuilder.int8().required().required().isOptional()).isFalse();
    }

    @Test
    void changingOptionalityThrows() {
        assertThatThrownBy(() -> SchemaBuilder.int8().optional().required())
                .isInstanceOf(SchemaBuilderException.class)
                .hasMessageContaining("optional");
        assertThatThrownBy(() -> SchemaBuilder.int8().required().optional())
                .isInstanceOf(SchemaBuilderException.class);
    }

    @Test
    void settingNameToAnotherValueThrows() {
        assertThatThrownBy(() -> SchemaBuilder.int8().name("a").name("b"))
                .isInstanceOf(SchemaBuilderException.class)
                .hasMessageContaining("name");
    }

    @Test
    void settingNameAgainWithTheSameInstanceIsAllowed() {
        String name = "a";
        assertThat(SchemaBuilder.int8().name(name).name(name).name()).isEqualTo("a");
    }

    @Test
    void settingNameAgainWithAnEqualButDistinctStringThrows() {
        assertThatThrownBy(() -> SchemaBuilder.int8().name("a").name(new String("a")))
                .isInstanceOf(SchemaBuilderException.class);
    }

    @Test
    void attributeSetToNullCanStillBeSetLater() {
        assertThat(SchemaBuilder.int8().name(null).name("b").name()).isEqualTo("b");
    }

    @Test
    void settingVersionToAnotherValueThrows() {
        assertThatThrownBy(() -> SchemaBuilder.int8().version(1).version(2))
                .isInstanceOf(SchemaBuilderException.class);
    }

    @Test
    void settingDocToAnotherValueThrows() {
        assertThatThrownBy(() -> SchemaBuilder.int8().doc("a").doc("b"))
                .isInstanceOf(SchemaBuilderException.class);
    }

    @Test
    void settingDefaultToAnotherValueThrows() {
        assertThatThrownBy(() -> SchemaBuilder.int8().defaultValue((byte) 1).defaultValue((byte) 2))
                .isInstanceOf(SchemaBuilderException.class)
                .hasMessageContaining("default");
    }

    @Test
    void defaultOfWrongJavaTypeThrowsWithDataExceptionCause() {
        assertThatThrownBy(() -> SchemaBuilder.int8().defaultValue(1))
                .isInstanceOf(SchemaBuilderException.class)
                .hasCauseInstanceOf(DataException.class);
    }

    @Test
    void nullDefaultOnRequiredSchemaThrows() {
        assertThatThrownBy(() -> SchemaBuilder.int8().defaultValue(null))
                .isInstanceOf(SchemaBuilderException.class);
    }

    @Test
    void nullDefaultOnOptionalSchemaIsAccepted() {
        assertThat(SchemaBuilder.int8().optional().defaultValue(null).defaultValue()).isNull();
    }

    @Test
    void defaultArrayElementsAreValidated() {
        assertThatThrownBy(() -> SchemaBuilder.array(Schema.INT8_SCHEMA).defaultValue(List.of(1)))
                .isInstanceOf(SchemaBuilderException.class);
    }

    @Test
    void structDefaultMustUseTheBuilderItself() {
        SchemaBuilder builder = SchemaBuilder.struct().field("x", Schema.INT8_SCHEMA);
        builder.defaultValue(new Struct(builder).put("x", (byte) 1));

        assertThat(builder.build().defaultValue()).isEqualTo(new Struct(builder).put("x", (byte) 1));
    }

    @Test
    void structDefaultWithAnotherSchemaThrows() {
        Schema other = SchemaBuilder.struct().field("x", Schema.INT8_SCHEMA).build();
        SchemaBuilder builder = SchemaBuilder.struct().field("x", Schema.INT8_SCHEMA);

        assertThatThrownBy(() -> builder.defaultValue(new Struct(other).put("x", (byte) 1)))
                .isInstanceOf(SchemaBuilderException.class);
    }

    @Test
    void parametersAreNullUntilOneIsAdded() {
        assertThat(SchemaBuilder.string().parameters()).isNull();
        assertThat(SchemaBuilder.string().parameters(Map.of()).build().parameters()).isNull();
    }

    @Test
    void parametersAccumulateAndLaterValuesWin() {
        SchemaBuilder builder = SchemaBuilder.string().parameter("a", "1").parameters(Map.of("b", "2")).parameter("a", "3");

        assertThat(builder.parameters()).containsOnly(Map.entry("a", "3"), Map.entry("b", "2"));
    }

    @Test
    void parametersViewIsReadOnly() {
        SchemaBuilder builder = SchemaBuilder.string().parameter("a", "1");

        assertThatThrownBy(() -> builder.parameters().put("b", "2")).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> builder.build().parameters().put("b", "2"))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void fieldsKeepDeclarationOrderAndIndexes() {
        SchemaBuilder builder = SchemaBuilder.struct().field("b", Schema.STRING_SCHEMA).field("a", Schema.INT8_SCHEMA);

        assertThat(builder.fields()).containsExactly(
                new Field("b", 0, Schema.STRING_SCHEMA), new Field("a", 1, Schema.INT8_SCHEMA));
        assertThat(builder.field("a")).isEqualTo(new Field("a", 1, Schema.INT8_SCHEMA));
        assertThat(builder.field("missing")).isNull();
    }

    @Test
    void fieldOnNonStructThrows() {
        assertThatThrownBy(() -> SchemaBuilder.int8().field("a", Schema.INT8_SCHEMA))
                .isInstanceOf(SchemaBuilderException.class);
    }

    @Test
    void fieldWithNullOrEmptyNameThrows() {
        assertThatThrownBy(() -> SchemaBuilder.struct().field(null, Schema.INT8_SCHEMA))
                .isInstanceOf(SchemaBuilderException.class);
        assertThatThrownBy(() -> SchemaBuilder.struct().field("", Schema.INT8_SCHEMA))
                .isInstanceOf(SchemaBuilderException.class);
    }

    @Test
    void fieldWithNullSchemaThrows() {
        assertThatThrownBy(() -> SchemaBuilder.struct().field("a", null)).isInstanceOf(SchemaBuilderException.class);
    }

    @Test
    void duplicateFieldNameThrows() {
        SchemaBuilder builder = SchemaBuilder.struct().field("a", Schema.INT8_SCHEMA);

        assertThatThrownBy(() -> builder.field("a", Schema.INT16_SCHEMA))
                .isInstanceOf(SchemaBuilderException.class)
                .hasMessageContaining("a");
    }

    @Test
    void listingOrLookingUpFieldsOnNonStructThrowsDataException() {
        assertThatThrownBy(() -> SchemaBuilder.int8().fields())
                .isInstanceOf(DataException.class).isNotInstanceOf(SchemaBuilderException.class);
        assertThatThrownBy(() -> SchemaBuilder.int8().field("a"))
                .isInstanceOf(DataException.class).isNotInstanceOf(SchemaBuilderException.class);
    }

    @Test
    void fieldsReturnsACopy() {
        SchemaBuilder builder = SchemaBuilder.struct().field("a", Schema.INT8_SCHEMA);
        builder.fields().clear();

        assertThat(builder.fields()).hasSize(1);
    }

    @Test
    void arrayAndMapCarryTheirNestedSchemas() {
        SchemaBuilder array = SchemaBuilder.array(Schema.INT8_SCHEMA);
        SchemaBuilder map = SchemaBuilder.map(Schema.STRING_SCHEMA, Schema.INT64_SCHEMA);

        assertThat(array.type()).isEqualTo(Schema.Type.ARRAY);
        assertThat(array.valueSchema()).isEqualTo(Schema.INT8_SCHEMA);
        assertThat(map.keySchema()).isEqualTo(Schema.STRING_SCHEMA);
        assertThat(map.valueSchema()).isEqualTo(Schema.INT64_SCHEMA);
    }

    @Test
    void builderReturnsNullNestedSchemasForPrimitives() {
        assertThat(SchemaBuilder.int8().keySchema()).isNull();
        assertThat(SchemaBuilder.int8().valueSchema()).isNull();
    }

    @Test
    void nullNestedSchemasAreRejected() {
        assertThatThrownBy(() -> SchemaBuilder.array(null)).isInstanceOf(SchemaBuilderException.class);
        assertThatThrownBy(() -> SchemaBuilder.map(null, Schema.INT8_SCHEMA)).isInstanceOf(SchemaBuilderException.class);
        assertThatThrownBy(() -> SchemaBuilder.map(Schema.INT8_SCHEMA, null)).isInstanceOf(SchemaBuilderException.class);
    }

    @Test
    void schemaBuildsAConnectSchema() {
        Schema schema = SchemaBuilder.string().name("n").schema();

        assertThat(schema).isInstanceOf(ConnectSchema.class).isEqualTo(SchemaBuilder.string().name("n").build());
    }

    @Test
    void builtSchemaIsUnaffectedByLaterBuilderChanges() {
        SchemaBuilder builder = SchemaBuilder.struct().field("a", Schema.INT8_SCHEMA);
        Schema built = builder.build();
        builder.field("b", Schema.INT8_SCHEMA);

        assertThat(built.fields()).extracting(Field::name).containsExactly("a");
        assertThat(built.field("b")).isNull();
    }

    @Test
    void builtFieldListIsReadOnly() {
        Schema built = SchemaBuilder.struct().field("a", Schema.INT8_SCHEMA).build();

        assertThatThrownBy(() -> built.fields().clear()).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void builderEqualsOnlyItself() {
        SchemaBuilder builder = SchemaBuilder.int8();

        assertThat(builder).isEqualTo(builder).isNotEqualTo(SchemaBuilder.int8());
        assertThat(Schema.INT8_SCHEMA).isNotEqualTo(SchemaBuilder.int8());
    }
}
