package org.apache.kafka.connect.data;

import org.apache.kafka.connect.errors.DataException;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StructTest {

    private static final Schema NESTED = SchemaBuilder.struct().field("x", Schema.INT8_SCHEMA).optional().build();

    private static final Schema SCHEMA = SchemaBuilder.struct().name("Record")
            .field("int8", Schema.INT8_SCHEMA)
            .field("int16", Schema.OPTIONAL_INT16_SCHEMA)
            .field("int32", SchemaBuilder.int32().defaultValue(42).build())
            .field("int64", Schema.OPTIONAL_INT64_SCHEMA)
            .field("float32", Schema.OPTIONAL_FLOAT32_SCHEMA)
            .field("float64", Schema.OPTIONAL_FLOAT64_SCHEMA)
            .field("boolean", Schema.OPTIONAL_BOOLEAN_SCHEMA)
            .field("string", Schema.OPTIONAL_STRING_SCHEMA)
            .field("bytes", Schema.OPTIONAL_BYTES_SCHEMA)
            .field("array", SchemaBuilder.array(Schema.INT8_SCHEMA).optional().build())
            .field("map", SchemaBuilder.map(Schema.STRING_SCHEMA, Schema.INT8_SCHEMA).optional().build())
            .field("struct", NESTED)
            .build();

    private static Struct complete() {
        return new Struct(SCHEMA).put("int8", (byte) 1);
    }

    @Test
    void nonStructSchemaIsRejected() {
        assertThatThrownBy(() -> new Struct(Schema.INT8_SCHEMA)).isInstanceOf(DataException.class);
    }

    @Test
    void typedGettersReturnWhatWasPut() {
        Struct nested = new Struct(NESTED).put("x", (byte) 9);
        Struct struct = complete()
                .put("int16", (short) 2).put("int32", 3).put("int64", 4L)
                .put("float32", 5.5f).put("float64", 6.5d).put("boolean", true).put("string", "s")
                .put("bytes", new byte[] {7}).put("array", List.of((byte) 8))
                .put("map", Map.of("k", (byte) 9)).put("struct", nested);

        assertThat(struct.getInt8("int8")).isEqualTo((byte) 1);
        assertThat(struct.getInt16("int16")).isEqualTo((short) 2);
        assertThat(struct.getInt32("int32")).isEqualTo(3);
        assertThat(struct.getInt64("int64")).isEqualTo(4L);
        assertThat(struct.getFloat32("float32")).isEqualTo(5.5f);
        assertThat(struct.getFloat64("float64")).isEqualTo(6.5d);
        assertThat(struct.getBoolean("boolean")).isTrue();
        assertThat(struct.getString("string")).isEqualTo("s");
        assertThat(struct.getBytes("bytes")).containsExactly(7);
        assertThat(struct.<Byte>getArray("array")).containsExactly((byte) 8);
        assertThat(struct.<String, Byte>getMap("map")).containsEntry("k", (byte) 9);
        assertThat(struct.getStruct("struct")).isSameAs(nested);
    }

    @Test
    void typedGetterOnFieldOfAnotherTypeThrows() {
        assertThatThrownBy(() -> complete().getInt16("int8"))
                .isInstanceOf(DataException.class)
                .hasMessageContaining("int8")
                .hasMessageContaining("INT16");
    }

    @Test
    void getBytesUnwrapsByteBuffer() {
        Struct struct = complete().put("bytes", ByteBuffer.wrap(new byte[] {1, 2}));

        assertThat(struct.getBytes("bytes")).containsExactly(1, 2);
    }

    @Test
    void getReturnsDefaultWhenUnset() {
        Struct struct = complete();

        assertThat(struct.get("int32")).isEqualTo(42);
        assertThat(struct.get(SCHEMA.field("int32"))).isEqualTo(42);
        assertThat(struct.getWithoutDefault("int32")).isNull();
    }

    @Test
    void typedGettersIgnoreDefaults() {
        assertThat(complete().getInt32("int32")).isNull();
    }

    @Test
    void unsetOptionalFieldIsNull() {
        assertThat(complete().get("string")).isNull();
    }

    @Test
    void unknownFieldNameThrows() {
        assertThatThrownBy(() -> complete().get("nope")).isInstanceOf(DataException.class).hasMessageContaining("nope");
        assertThatThrownBy(() -> complete().getWithoutDefault("nope")).isInstanceOf(DataException.class);
        assertThatThrownBy(() -> complete().getString("nope")).isInstanceOf(DataException.class);
        assertThatThrownBy(() -> complete().put("nope", 1)).isInstanceOf(DataException.class);
        assertThatThrownBy(() -> complete().put((String) null, 1)).isInstanceOf(DataException.class);
    }

    @Test
    void putNullFieldThrows() {
        assertThatThrownBy(() -> complete().put((Field) null, 1)).isInstanceOf(DataException.class);
    }

    @Test
    void putValueOfWrongTypeThrows() {
        assertThatThrownBy(() -> complete().put("int8", 1))
                .isInstanceOf(DataException.class)
                .hasMessageContaining("int8");
    }

    @Test
    void putNullIntoRequiredFieldThrowsEvenWithDefault() {
        assertThatThrownBy(() -> complete().put("int8", null)).isInstanceOf(DataException.class);
        assertThatThrownBy(() -> complete().put("int32", null)).isInstanceOf(DataException.class);
    }

    @Test
    void putValidatesNestedStructs() {
        assertThatThrownBy(() -> complete().put("struct", new Struct(NESTED))).isInstanceOf(DataException.class);
    }

    @Test
    void putByFieldUsesTheFieldsIndex() {
        Struct struct = complete().put(SCHEMA.field("string"), "v");

        assertThat(struct.getString("string")).isEqualTo("v");
    }

    @Test
    void validatePassesWhenRequiredFieldsAreSetOrDefaulted() {
        assertThatCode(() -> complete().validate()).doesNotThrowAnyException();
    }

    @Test
    void validateFailsWhenRequiredFieldIsMissing() {
        assertThatThrownBy(() -> new Struct(SCHEMA).validate())
                .isInstanceOf(DataException.class)
                .hasMessageContaining("int8");
    }

    @Test
    void structsWithEqualSchemaAndValuesAreEqual() {
        Struct a = complete().put("bytes", new byte[] {1});
        Struct b = complete().put("bytes", new byte[] {1});

        assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
    }

    @Test
    void explicitValueDiffersFromDefault() {
        assertThat(complete().put("int32", 42)).isNotEqualTo(complete());
    }

    @Test
    void structsWithDifferentSchemasAreUnequal() {
        Schema other = SchemaBuilder.struct().field("a", Schema.INT16_SCHEMA).build();
        Schema same = SchemaBuilder.struct().field("a", Schema.INT8_SCHEMA).build();

        assertThat(new Struct(same)).isEqualTo(new Struct(SchemaBuilder.struct().field("a", Schema.INT8_SCHEMA).build()));
        assertThat(new Struct(same)).isNotEqualTo(new Struct(other));
    }

    @Test
    void toStringListsSetFieldsInOrder() {
        Struct struct = complete().put("string", "s").put("struct", new Struct(NESTED).put("x", (byte) 2));

        assertThat(struct).hasToString("Struct{int8=1,string=s,struct=Struct{x=2}}");
        assertThat(new Struct(SCHEMA)).hasToString("Struct{}");
    }

    @Test
    void schemaIsTheOneGiven() {
        assertThat(new Struct(SCHEMA).schema()).isSameAs(SCHEMA);
    }
}
