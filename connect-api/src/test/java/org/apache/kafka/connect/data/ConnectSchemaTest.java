package org.apache.kafka.connect.data;

import org.apache.kafka.connect.errors.DataException;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ConnectSchemaTest {

    private static ConnectSchema int8Schema(Object defaultValue, String name, Integer version, String doc,
                                            Map<String, String> parameters) {
        return new ConnectSchema(Schema.Type.INT8, false, defaultValue, name, version, doc, parameters, null, null, null);
    }

    // --- accessors

    @Test
    void shortConstructorsLeaveOtherAttributesUnset() {
        ConnectSchema schema = new ConnectSchema(Schema.Type.STRING);

        assertThat(schema.isOptional()).isFalse();
        assertThat(schema.name()).isNull();
        assertThat(schema.parameters()).isNull();
        assertThat(schema.schema()).isSameAs(schema);
    }

    @Test
    void structWithoutFieldListHasNoFields() {
        assertThat(new ConnectSchema(Schema.Type.STRUCT).fields()).isEmpty();
    }

    @Test
    void fieldsOnNonStructThrow() {
        assertThatThrownBy(() -> Schema.INT8_SCHEMA.fields()).isInstanceOf(DataException.class);
        assertThatThrownBy(() -> Schema.INT8_SCHEMA.field("a")).isInstanceOf(DataException.class);
    }

    @Test
    void fieldLookupByName() {
        Schema schema = SchemaBuilder.struct().field("a", Schema.INT8_SCHEMA).build();

        assertThat(schema.field("a")).isEqualTo(new Field("a", 0, Schema.INT8_SCHEMA));
        assertThat(schema.field("b")).isNull();
    }

    @Test
    void keySchemaOnlyForMaps() {
        assertThat(SchemaBuilder.map(Schema.STRING_SCHEMA, Schema.INT8_SCHEMA).build().keySchema())
                .isEqualTo(Schema.STRING_SCHEMA);
        assertThatThrownBy(() -> SchemaBuilder.array(Schema.INT8_SCHEMA).build().keySchema())
                .isInstanceOf(DataException.class);
    }

    @Test
    void valueSchemaOnlyForArraysAndMaps() {
        assertThat(SchemaBuilder.array(Schema.INT8_SCHEMA).build().valueSchema()).isEqualTo(Schema.INT8_SCHEMA);
        assertThatThrownBy(() -> Schema.INT8_SCHEMA.valueSchema()).isInstanceOf(DataException.class);
    }

    // --- equality

    @Test
    void schemasWithSameAttributesAreEqual() {
        ConnectSchema a = int8Schema((byte) 1, "n", 1, "d", Map.of("k", "v"));
        ConnectSchema b = int8Schema((byte) 1, "n", 1, "d", Map.of("k", "v"));

        assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
    }

    @Test
    void everyAttributeTakesPartInEquality() {
        ConnectSchema base = int8Schema((byte) 1, "n", 1, "d", Map.of("k", "v"));

        assertThat(base).isNotEqualTo(int8Schema((byte) 2, "n", 1, "d", Map.of("k", "v")));
        assertThat(base).isNotEqualTo(int8Schema((byte) 1, "m", 1, "d", Map.of("k", "v")));
        assertThat(base).isNotEqualTo(int8Schema((byte) 1, "n", 2, "d", Map.of("k", "v")));
        assertThat(base).isNotEqualTo(int8Schema((byte) 1, "n", 1, "e", Map.of("k", "v")));
        assertThat(base).isNotEqualTo(int8Schema((byte) 1, "n", 1, "d", Map.of("k", "w")));
        assertThat(base).isNotEqualTo(
                new ConnectSchema(Schema.Type.INT8, true, (byte) 1, "n", 1, "d", Map.of("k", "v"), null, null, null));
        assertThat(base).isNotEqualTo(int8Schema(null, null, null, null, null));
    }

    @Test
    void nullAndEmptyParametersDiffer() {
        assertThat(int8Schema(null, null, null, null, null)).isNotEqualTo(int8Schema(null, null, null, null, Map.of()));
    }

    @Test
    void byteArrayDefaultsCompareByContent() {
        ConnectSchema a = new ConnectSchema(Schema.Type.BYTES, false, new byte[] {1, 2}, null, null, null);
        ConnectSchema b = new ConnectSchema(Schema.Type.BYTES, false, new byte[] {1, 2}, null, null, null);

        assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
    }

    @Test
    void nestedSchemasTakePartInEquality() {
        assertThat(SchemaBuilder.array(Schema.INT8_SCHEMA).build()).isEqualTo(SchemaBuilder.array(Schema.INT8_SCHEMA).build());
        assertThat(SchemaBuilder.array(Schema.INT8_SCHEMA).build()).isNotEqualTo(SchemaBuilder.array(Schema.INT16_SCHEMA).build());
        assertThat(SchemaBuilder.map(Schema.INT8_SCHEMA, Schema.INT8_SCHEMA).build())
                .isNotEqualTo(SchemaBuilder.map(Schema.INT16_SCHEMA, Schema.INT8_SCHEMA).build());
        assertThat(SchemaBuilder.struct().field("a", Schema.INT8_SCHEMA).build())
                .isEqualTo(SchemaBuilder.struct().field("a", Schema.INT8_SCHEMA).build())
                .isNotEqualTo(SchemaBuilder.struct().field("a", Schema.INT16_SCHEMA).build());
    }

    @Test
    void schemaIsNotEqualToASubclassInstance() {
        ConnectSchema subclass = new ConnectSchema(Schema.Type.INT8) { };

        assertThat(Schema.INT8_SCHEMA).isNotEqualTo(subclass);
    }

    @Test
    void toStringShowsNameAndType() {
        assertThat(Schema.INT8_SCHEMA).hasToString("Schema{INT8}");
        assertThat(SchemaBuilder.struct().name("Person").build()).hasToString("Schema{Person:STRUCT}");
    }

    // --- validateValue

    @Test
    void acceptsTheJavaClassOfEachPrimitiveType() {
        assertThatCode(() -> {
            ConnectSchema.validateValue(Schema.INT8_SCHEMA, (byte) 1);
            ConnectSchema.validateValue(Schema.INT16_SCHEMA, (short) 1);
            ConnectSchema.validateValue(Schema.INT32_SCHEMA, 1);
            ConnectSchema.validateValue(Schema.INT64_SCHEMA, 1L);
            ConnectSchema.validateValue(Schema.FLOAT32_SCHEMA, 1f);
            ConnectSchema.validateValue(Schema.FLOAT64_SCHEMA, 1d);
            ConnectSchema.validateValue(Schema.BOOLEAN_SCHEMA, true);
            ConnectSchema.validateValue(Schema.STRING_SCHEMA, "s");
            ConnectSchema.validateValue(Schema.BYTES_SCHEMA, new byte[0]);
            ConnectSchema.validateValue(Schema.BYTES_SCHEMA, ByteBuffer.allocate(1));
        }).doesNotThrowAnyException();
    }

    @Test
    void rejectsAnotherNumericClass() {
        assertThatThrownBy(() -> ConnectSchema.validateValue(Schema.INT8_SCHEMA, 1))
                .isInstanceOf(DataException.class)
                .hasMessageContaining("INT8")
                .hasMessageContaining("java.lang.Integer");
    }

    @Test
    void errorNamesTheField() {
        assertThatThrownBy(() -> ConnectSchema.validateValue("age", Schema.INT8_SCHEMA, "x"))
                .isInstanceOf(DataException.class)
                .hasMessageContaining("\"age\"");
    }

    @Test
    void nullIsRejectedForRequiredSchemaEvenWithDefault() {
        Schema withDefault = SchemaBuilder.int8().defaultValue((byte) 1).build();

        assertThatThrownBy(() -> ConnectSchema.validateValue(Schema.INT8_SCHEMA, null)).isInstanceOf(DataException.class);
        assertThatThrownBy(() -> ConnectSchema.validateValue(withDefault, null)).isInstanceOf(DataException.class);
    }

    @Test
    void nullIsAcceptedForOptionalSchema() {
        assertThatCode(() -> ConnectSchema.validateValue(Schema.OPTIONAL_INT8_SCHEMA, null)).doesNotThrowAnyException();
    }

    @Test
    void instanceValidateValueChecksAgainstItself() {
        ConnectSchema schema = (ConnectSchema) Schema.STRING_SCHEMA;

        assertThatCode(() -> schema.validateValue("ok")).doesNotThrowAnyException();
        assertThatThrownBy(() -> schema.validateValue(1)).isInstanceOf(DataException.class);
    }

    @Test
    void arrayAcceptsAnyListAndChecksElements() {
        Schema schema = SchemaBuilder.array(Schema.INT8_SCHEMA).build();

        assertThatCode(() -> ConnectSchema.validateValue(schema, new LinkedList<>(List.of((byte) 1))))
                .doesNotThrowAnyException();
        assertThatThrownBy(() -> ConnectSchema.validateValue(schema, List.of(1))).isInstanceOf(DataException.class);
        assertThatThrownBy(() -> ConnectSchema.validateValue(schema, Arrays.asList((Object) null)))
                .isInstanceOf(DataException.class);
        assertThatThrownBy(() -> ConnectSchema.validateValue(schema, new byte[] {1})).isInstanceOf(DataException.class);
    }

    @Test
    void mapChecksKeysAndValues() {
        Schema schema = SchemaBuilder.map(Schema.STRING_SCHEMA, Schema.INT8_SCHEMA).build();

        assertThatCode(() -> ConnectSchema.validateValue(schema, new HashMap<>(Map.of("a", (byte) 1))))
                .doesNotThrowAnyException();
        assertThatThrownBy(() -> ConnectSchema.validateValue(schema, Map.of(1, (byte) 1))).isInstanceOf(DataException.class);
        assertThatThrownBy(() -> ConnectSchema.validateValue(schema, Map.of("a", 1))).isInstanceOf(DataException.class);
    }

    @Test
    void structMustHaveAnEqualSchemaAndBeComplete() {
        Schema schema = SchemaBuilder.struct().field("a", Schema.INT8_SCHEMA).build();
        Schema other = SchemaBuilder.struct().field("a", Schema.INT16_SCHEMA).build();

        assertThatCode(() -> ConnectSchema.validateValue(schema, new Struct(schema).put("a", (byte) 1)))
                .doesNotThrowAnyException();
        assertThatThrownBy(() -> ConnectSchema.validateValue(schema, new Struct(other).put("a", (short) 1)))
                .isInstanceOf(DataException.class);
        assertThatThrownBy(() -> ConnectSchema.validateValue(schema, new Struct(schema)))
                .isInstanceOf(DataException.class);
    }

    @Test
    void logicalTypesExpectTheirJavaClassInsteadOfThePhysicalOne() {
        assertThatCode(() -> {
            ConnectSchema.validateValue(Decimal.schema(2), new BigDecimal("1.23"));
            ConnectSchema.validateValue(Date.SCHEMA, new java.util.Date(0));
            ConnectSchema.validateValue(Time.SCHEMA, new java.util.Date(0));
            ConnectSchema.validateValue(Timestamp.SCHEMA, new java.sql.Timestamp(0));
        }).doesNotThrowAnyException();
        assertThatThrownBy(() -> ConnectSchema.validateValue(Decimal.schema(2), new byte[] {1}))
                .isInstanceOf(DataException.class);
        assertThatThrownBy(() -> ConnectSchema.validateValue(Date.SCHEMA, 1)).isInstanceOf(DataException.class);
    }

    @Test
    void unknownNamesUseThePhysicalType() {
        assertThatCode(() -> ConnectSchema.validateValue(SchemaBuilder.int32().name("custom").build(), 1))
                .doesNotThrowAnyException();
    }

    @Test
    void schemaWithoutTypeRejectsValues() {
        assertThatThrownBy(() -> ConnectSchema.validateValue(new ConnectSchema(null), 1)).isInstanceOf(DataException.class);
    }

    // --- schemaType

    @Test
    void schemaTypeMapsJavaClasses() {
        assertThat(ConnectSchema.schemaType(Byte.class)).isEqualTo(Schema.Type.INT8);
        assertThat(ConnectSchema.schemaType(Short.class)).isEqualTo(Schema.Type.INT16);
        assertThat(ConnectSchema.schemaType(Integer.class)).isEqualTo(Schema.Type.INT32);
        assertThat(ConnectSchema.schemaType(Long.class)).isEqualTo(Schema.Type.INT64);
        assertThat(ConnectSchema.schemaType(Float.class)).isEqualTo(Schema.Type.FLOAT32);
        assertThat(ConnectSchema.schemaType(Double.class)).isEqualTo(Schema.Type.FLOAT64);
        assertThat(ConnectSchema.schemaType(Boolean.class)).isEqualTo(Schema.Type.BOOLEAN);
        assertThat(ConnectSchema.schemaType(String.class)).isEqualTo(Schema.Type.STRING);
        assertThat(ConnectSchema.schemaType(byte[].class)).isEqualTo(Schema.Type.BYTES);
        assertThat(ConnectSchema.schemaType(Struct.class)).isEqualTo(Schema.Type.STRUCT);
    }

    @Test
    void schemaTypeAcceptsSubclassesOfCollectionsAndBuffers() {
        assertThat(ConnectSchema.schemaType(ArrayList.class)).isEqualTo(Schema.Type.ARRAY);
        assertThat(ConnectSchema.schemaType(HashMap.class)).isEqualTo(Schema.Type.MAP);
        assertThat(ConnectSchema.schemaType(ByteBuffer.allocate(1).getClass())).isEqualTo(Schema.Type.BYTES);
    }

    @Test
    void schemaTypeIsNullForUnknownClasses() {
        assertThat(ConnectSchema.schemaType(Object.class)).isNull();
        assertThat(ConnectSchema.schemaType(BigDecimal.class)).isNull();
        assertThat(ConnectSchema.schemaType(int.class)).isNull();
    }
}
