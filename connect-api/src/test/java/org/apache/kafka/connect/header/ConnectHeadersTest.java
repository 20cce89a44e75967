package org.apache.kafka.connect.header;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Date;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import org.apache.kafka.connect.data.Decimal;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaAndValue;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.data.Time;
import org.apache.kafka.connect.data.Timestamp;
import org.apache.kafka.connect.errors.DataException;
import org.junit.jupiter.api.Test;

class ConnectHeadersTest {

    private static final Schema INT_LIST = SchemaBuilder.array(Schema.INT32_SCHEMA).build();
    private static final Schema STRING_TO_INT = SchemaBuilder.map(Schema.STRING_SCHEMA, Schema.INT32_SCHEMA).build();

    private static List<String> render(Iterator<Header> headers) {
        List<String> rendered = new ArrayList<>();
        headers.forEachRemaining(h -> rendered.add(h.key() + "=" + h.value()));
        return rendered;
    }

    private static ConnectHeaders abacb() {
        ConnectHeaders headers = new ConnectHeaders();
        headers.addString("a", "1").addString("b", "2").addString("a", "3").addString("c", "4").addString("b", "5");
        return headers;
    }

    @Test
    void iteratesInInsertionOrderIncludingRepeatedKeys() {
        assertThat(render(abacb().iterator())).containsExactly("a=1", "b=2", "a=3", "c=4", "b=5");
    }

    @Test
    void newHeadersAreEmpty() {
        ConnectHeaders headers = new ConnectHeaders();
        assertThat(headers.isEmpty()).isTrue();
        assertThat(headers.size()).isZero();
        assertThat(headers.iterator().hasNext()).isFalse();
    }

    @Test
    void copyingNullGivesEmptyHeaders() {
        assertThat(new ConnectHeaders(null)).isEmpty();
    }

    @Test
    void copyIsIndependentOfTheOriginal() {
        ConnectHeaders original = new ConnectHeaders();
        original.addString("a", "1");
        ConnectHeaders copy = new ConnectHeaders(original);
        original.addString("b", "2");
        assertThat(copy.size()).isEqualTo(1);
    }

    @Test
    void copyingAnIterableWithANullHeaderFails() {
        List<Header> withNull = new ArrayList<>();
        withNull.add(null);
        assertThatThrownBy(() -> new ConnectHeaders(withNull)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void addingANullHeaderFails() {
        assertThatThrownBy(() -> new ConnectHeaders().add((Header) null))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("Unable to add a null header.");
    }

    @Test
    void addingWithANullKeyFails() {
        assertThatThrownBy(() -> new ConnectHeaders().addString(null, "x"))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("Null header keys are not permitted");
    }

    @Test
    void typedAddersUseTheMatchingSchemas() {
        ConnectHeaders headers = new ConnectHeaders();
        headers.addBoolean("bool", true).addByte("int8", (byte) 1).addShort("int16", (short) 2).addInt("int32", 3)
                .addLong("int64", 4L).addFloat("float32", 5f).addDouble("float64", 6d).addString("string", "s")
                .addBytes("bytes", new byte[] {7});
        assertThat(headers.lastWithName("bool").schema()).isEqualTo(Schema.BOOLEAN_SCHEMA);
        assertThat(headers.lastWithName("int8").schema()).isEqualTo(Schema.INT8_SCHEMA);
        assertThat(headers.lastWithName("int16").schema()).isEqualTo(Schema.INT16_SCHEMA);
        assertThat(headers.lastWithName("int32").schema()).isEqualTo(Schema.INT32_SCHEMA);
        assertThat(headers.lastWithName("int64").schema()).isEqualTo(Schema.INT64_SCHEMA);
        assertThat(headers.lastWithName("float32").schema()).isEqualTo(Schema.FLOAT32_SCHEMA);
        assertThat(headers.lastWithName("float64").schema()).isEqualTo(Schema.FLOAT64_SCHEMA);
        assertThat(headers.lastWithName("string").schema()).isEqualTo(Schema.STRING_SCHEMA);
        assertThat(headers.lastWithName("bytes").schema()).isEqualTo(Schema.BYTES_SCHEMA);
    }

    @Test
    void nullStringsAndBytesGetOptionalSchemas() {
        ConnectHeaders headers = new ConnectHeaders();
        headers.addString("s", null).addBytes("b", null);
        assertThat(headers.lastWithName("s").schema()).isEqualTo(Schema.OPTIONAL_STRING_SCHEMA);
        assertThat(headers.lastWithName("b").schema()).isEqualTo(Schema.OPTIONAL_BYTES_SCHEMA);
    }

    @Test
    void addRejectsAValueOfTheWrongType() {
        assertThatThrownBy(() -> new ConnectHeaders().add("k", "v", Schema.INT32_SCHEMA))
                .isInstanceOf(DataException.class)
                .hasMessage("The value v is not compatible with the schema Schema{INT32}");
    }

    @Test
    void addDoesNotWidenNumbers() {
        assertThatThrownBy(() -> new ConnectHeaders().add("k", 1, Schema.INT64_SCHEMA))
                .isInstanceOf(DataException.class);
    }

    @Test
    void addRejectsNullForARequiredSchema() {
        assertThatThrownBy(() -> new ConnectHeaders().add("k", null, Schema.INT32_SCHEMA))
                .isInstanceOf(DataException.class)
                .hasMessage("A null value requires an optional schema but was Schema{INT32}");
    }

    @Test
    void addAcceptsNullForAnOptionalSchema() {
        Header header = new ConnectHeaders().add("k", null, Schema.OPTIONAL_INT32_SCHEMA).lastWithName("k");
        assertThat(header.value()).isNull();
        assertThat(header.schema()).isEqualTo(Schema.OPTIONAL_INT32_SCHEMA);
    }

    @Test
    void addWithoutSchemaAcceptsAnything() {
        Header header = new ConnectHeaders().add("k", "v", null).lastWithName("k");
        assertThat(header.schema()).isNull();
        assertThat(header.value()).isEqualTo("v");
    }

    @Test
    void addOfNullSchemaAndValueAddsANullHeader() {
        Header header = new ConnectHeaders().add("k", (SchemaAndValue) null).lastWithName("k");
        assertThat(header.schema()).isNull();
        assertThat(header.value()).isNull();
    }

    @Test
    void addSchemaAndValueIsValidated() {
        assertThatThrownBy(() -> new ConnectHeaders().add("k", new SchemaAndValue(Schema.INT32_SCHEMA, "x")))
                .isInstanceOf(DataException.class);
    }

    @Test
    void validationIsShallowForContainers() {
        ConnectHeaders headers = new ConnectHeaders();
        headers.add("k", List.of("not an int"), INT_LIST);
        assertThat(headers.size()).isEqualTo(1);
    }

    @Test
    void logicalSchemasAcceptTheirJavaRepresentations() {
        ConnectHeaders headers = new ConnectHeaders();
        headers.add("ts", new Date(5), Timestamp.SCHEMA)
                .add("ts-raw", 5L, Timestamp.SCHEMA)
                .add("dec", new BigDecimal("1.5"), Decimal.schema(1))
                .add("dec-raw", new byte[] {1}, Decimal.schema(1));
        assertThat(headers.size()).isEqualTo(4);
    }

    @Test
    void logicalSchemasRejectOtherTypes() {
        assertThatThrownBy(() -> new ConnectHeaders().add("k", "x", Time.SCHEMA)).isInstanceOf(DataException.class);
        assertThatThrownBy(() -> new ConnectHeaders().add("k", new Date(), Schema.INT64_SCHEMA))
                .isInstanceOf(DataException.class);
    }

    @Test
    void addListRequiresAnArraySchema() {
        assertThatThrownBy(() -> new ConnectHeaders().addList("k", List.of(1), Schema.STRING_SCHEMA))
                .isInstanceOf(DataException.class)
                .hasMessage("Expecting ARRAY but instead found STRING");
    }

    @Test
    void addMapRequiresAMapSchema() {
        assertThatThrownBy(() -> new ConnectHeaders().addMap("k", Map.of(), INT_LIST))
                .isInstanceOf(DataException.class)
                .hasMessage("Expecting MAP but instead found ARRAY");
    }

    @Test
    void addListAndMapKeepTheirSchema() {
        ConnectHeaders headers = new ConnectHeaders();
        headers.addList("l", List.of(1, 2), INT_LIST).addMap("m", Map.of("a", 1), STRING_TO_INT);
        assertThat(headers.lastWithName("l").schema()).isEqualTo(INT_LIST);
        assertThat(headers.lastWithName("m").schema()).isEqualTo(STRING_TO_INT);
    }

    @Test
    void nullContainersStructsAndDecimalsAreAddedWithoutSchema() {
        ConnectHeaders headers = new ConnectHeaders();
        headers.addList("l", null, INT_LIST).addMap("m", null, STRING_TO_INT).addStruct("s", null)
                .addDecimal("d", null);
        headers.forEach(h -> assertThat(h.schema()).as(h.key()).isNull());
    }

    @Test
    void addStructUsesTheStructsSchema() {
        Schema schema = SchemaBuilder.struct().field("f", Schema.STRING_SCHEMA).build();
        Struct struct = new Struct(schema).put("f", "v");
        assertThat(new ConnectHeaders().addStruct("k", struct).lastWithName("k").schema()).isEqualTo(schema);
    }

    @Test
    void addDecimalUsesTheValuesScale() {
        Header header = new ConnectHeaders().addDecimal("k", new BigDecimal("1.25")).lastWithName("k");
        assertThat(header.schema()).isEqualTo(Decimal.schema(2));
        assertThat(header.value()).isEqualTo(new BigDecimal("1.25"));
    }

    @Test
    void addDateRejectsATimeOfDay() {
        assertThatThrownBy(() -> new ConnectHeaders().addDate("k", new Date(1000)))
                .isInstanceOf(DataException.class);
    }

    @Test
    void addTimeRejectsADate() {
        assertThatThrownBy(() -> new ConnectHeaders().addTime("k", new Date(3 * 86_400_000L)))
                .isInstanceOf(DataException.class);
    }

    @Test
    void temporalAddersKeepTheDateAndLogicalSchema() {
        ConnectHeaders headers = new ConnectHeaders();
        headers.addDate("d", new Date(0)).addTime("t", new Date(1000)).addTimestamp("ts", new Date(5));
        assertThat(headers.lastWithName("d").schema()).isEqualTo(org.apache.kafka.connect.data.Date.SCHEMA);
        assertThat(headers.lastWithName("t").schema()).isEqualTo(Time.SCHEMA);
        assertThat(headers.lastWithName("ts").schema()).isEqualTo(Timestamp.SCHEMA);
        assertThat(headers.lastWithName("ts").value()).isEqualTo(new Date(5));
    }

    @Test
    void temporalAddersAcceptNull() {
        ConnectHeaders headers = new ConnectHeaders();
        headers.addDate("d", null).addTime("t", null).addTimestamp("ts", null);
        assertThat(headers.lastWithName("d").schema()).isEqualTo(org.apache.kafka.connect.data.Date.SCHEMA);
        assertThat(headers.lastWithName("d").value()).isNull();
    }

    @Test
    void lastWithNameReturnsTheNewestHeader() {
        assertThat(abacb().lastWithName("a").value()).isEqualTo("3");
    }

    @Test
    void lastWithNameReturnsNullForAnUnknownKey() {
        assertThat(abacb().lastWithName("z")).isNull();
    }

    @Test
    void lastWithNameRejectsANullKey() {
        assertThatThrownBy(() -> new ConnectHeaders().lastWithName(null))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("Header key cannot be null");
    }

    @Test
    void allWithNameReturnsMatchesOldestFirst() {
        assertThat(render(abacb().allWithName("b"))).containsExactly("b=2", "b=5");
    }

    @Test
    void allWithNameOfANullKeyIsEmpty() {
        assertThat(abacb().allWithName(null).hasNext()).isFalse();
    }

    @Test
    void allWithNameIteratorIsReadOnly() {
        Iterator<Header> it = abacb().allWithName("a");
        it.next();
        assertThatThrownBy(it::remove).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void iteratorSupportsRemoval() {
        ConnectHeaders headers = abacb();
        Iterator<Header> it = headers.iterator();
        it.next();
        it.remove();
        assertThat(render(headers.iterator())).containsExactly("b=2", "a=3", "c=4", "b=5");
    }

    @Test
    void removeDropsEveryHeaderWithTheKey() {
        assertThat(render(abacb().remove("a").iterator())).containsExactly("b=2", "c=4", "b=5");
    }

    @Test
    void removeRejectsANullKey() {
        assertThatThrownBy(() -> new ConnectHeaders().remove(null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void retainLatestKeepsTheNewestOfEachKeyInPlace() {
        assertThat(render(abacb().retainLatest().iterator())).containsExactly("a=3", "c=4", "b=5");
    }

    @Test
    void retainLatestOfAKeyLeavesOtherKeysAlone() {
        assertThat(render(abacb().retainLatest("a").iterator())).containsExactly("b=2", "a=3", "c=4", "b=5");
    }

    @Test
    void retainLatestRejectsANullKey() {
        assertThatThrownBy(() -> new ConnectHeaders().retainLatest(null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void applyReplacesEachHeaderAndDropsNullResults() {
        Headers result = abacb().apply(h -> h.key().equals("a") ? null : h.rename(h.key() + "!"));
        assertThat(render(result.iterator())).containsExactly("b!=2", "c!=4", "b!=5");
    }

    @Test
    void applyToAKeyOnlyTouchesThatKey() {
        Headers result = abacb().apply("b", h -> h.with(Schema.INT32_SCHEMA, 0));
        assertThat(render(result.iterator())).containsExactly("a=1", "b=0", "a=3", "c=4", "b=0");
    }

    @Test
    void applyToANullKeyFails() {
        assertThatThrownBy(() -> abacb().apply(null, h -> h)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void clearEmptiesTheHeaders() {
        assertThat(abacb().clear().isEmpty()).isTrue();
    }

    @Test
    void duplicateIsAnEqualButIndependentCopy() {
        ConnectHeaders original = abacb();
        ConnectHeaders copy = original.duplicate();
        assertThat(copy).isEqualTo(original).isNotSameAs(original);
        original.addString("z", "9");
        assertThat(copy.size()).isEqualTo(5);
    }

    @Test
    void equalityDependsOnOrder() {
        ConnectHeaders ab = new ConnectHeaders();
        ab.addString("a", "1").addString("b", "2");
        ConnectHeaders ba = new ConnectHeaders();
        ba.addString("b", "2").addString("a", "1");
        assertThat(ab).isNotEqualTo(ba);
    }

    @Test
    void equalHeadersHaveEqualHashCodes() {
        assertThat(abacb()).isEqualTo(abacb()).hasSameHashCodeAs(abacb());
    }

    @Test
    void emptyHeadersAreEqualHoweverTheyGotEmpty() {
        ConnectHeaders cleared = abacb();
        cleared.clear();
        assertThat(cleared).isEqualTo(new ConnectHeaders()).hasSameHashCodeAs(new ConnectHeaders());
    }

    @Test
    void emptyHeadersHashLikeAnEmptyListInObjectsHash() {
        assertThat(new ConnectHeaders().hashCode()).isEqualTo(java.util.Objects.hash(List.of()));
    }

    @Test
    void headersAreNotEqualToOtherCollections() {
        assertThat(new ConnectHeaders()).isNotEqualTo(new ArrayList<Header>());
    }

    @Test
    void toStringListsTheHeaders() {
        ConnectHeaders headers = new ConnectHeaders();
        headers.addInt("n", 3);
        assertThat(headers).hasToString("ConnectHeaders(headers=[ConnectHeader(key=n, value=3, schema=Schema{INT32})])");
    }

    @Test
    void toStringOfNeverUsedHeadersHasNoList() {
        assertThat(new ConnectHeaders()).hasToString("ConnectHeaders(headers=)");
    }
}
