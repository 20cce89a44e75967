package org.apache.kafka.connect.data;

import org.apache.kafka.connect.errors.DataException;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ValuesTest {

    private static final long DAY = 86_400_000L;

    @Test
    void parsesIntegersIntoTheNarrowestType() {
        assertThat(Values.parseString("127").schema()).isEqualTo(Schema.INT8_SCHEMA);
        assertThat(Values.parseString("128").value()).isEqualTo((short) 128);
        assertThat(Values.parseString("32768").value()).isEqualTo(32768);
        assertThat(Values.parseString("2147483648").value()).isEqualTo(2147483648L);
    }

    @Test
    void parsesIntegersBeyondLongAsExactDecimals() {
        SchemaAndValue parsed = Values.parseString("9223372036854775808");

        assertThat(parsed.schema()).isEqualTo(Decimal.schema(0));
        assertThat(parsed.value()).isEqualTo(new BigDecimal("9223372036854775808"));
    }

    @Test
    void parsesFractionsAsFloatThenDouble() {
        assertThat(Values.parseString("1.5").value()).isEqualTo(1.5f);
        assertThat(Values.parseString("3.5E38").value()).isEqualTo(3.5e38);
        assertThat(Values.parseString("1E400").schema()).isEqualTo(Decimal.schema(-400));
    }

    @Test
    void widensMixedNumbersInAnArray() {
        SchemaAndValue parsed = Values.parseString("[1, 300, 1.5]");

        assertThat(parsed.schema()).isEqualTo(SchemaBuilder.array(Schema.FLOAT32_SCHEMA).build());
        assertThat(parsed.value()).isEqualTo(List.of(1.0f, 300.0f, 1.5f));
    }

    @Test
    void leavesArraysOfUnrelatedTypesWithoutAnElementSchema() {
        SchemaAndValue parsed = Values.parseString("[1, \"a\"]");

        assertThat(parsed.schema().type()).isEqualTo(Schema.Type.ARRAY);
        assertThat(parsed.schema().valueSchema()).isNull();
        assertThat(parsed.value()).isEqualTo(List.of((byte) 1, "a"));
    }

    @Test
    void parsesMapsKeepingEntryOrder() {
        SchemaAndValue parsed = Values.parseString("{\"b\":1, \"a\":2}");

        assertThat(parsed.schema()).isEqualTo(SchemaBuilder.map(Schema.STRING_SCHEMA, Schema.INT8_SCHEMA).build());
        assertThat(List.copyOf(((Map<?, ?>) parsed.value()).keySet())).isEqualTo(List.of("b", "a"));
    }

    @Test
    void fallsBackToTheWholeStringWhenAContainerIsMalformed() {
        assertThat(Values.parseString("[1,,2]")).isEqualTo(new SchemaAndValue(Schema.STRING_SCHEMA, "[1,,2]"));
        assertThat(Values.parseString("{a:1}")).isEqualTo(new SchemaAndValue(Schema.STRING_SCHEMA, "{a:1}"));
    }

    @Test
    void parsesIsoTemporalForms() {
        assertThat(Values.parseString("2019-01-01").schema()).isEqualTo(Date.SCHEMA);
        assertThat(Values.parseString("12:34:56.789Z").schema()).isEqualTo(Time.SCHEMA);
        assertThat(Values.parseString("2019-01-01T12:34:56.789Z").schema()).isEqualTo(Timestamp.SCHEMA);
    }

    @Test
    void acceptsLiteralsOnlyAsTheWholeInput() {
        assertThat(Values.parseString(" true ").value()).isEqualTo(true);
        assertThat(Values.parseString("null")).isNull();
        assertThat(Values.parseString("true,false").value()).isEqualTo("true,false");
    }

    @Test
    void rendersNestedValuesWithQuotedAndEscapedStrings() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("k\"", List.of("a\\b", 1));

        assertThat(Values.convertToString(null, map)).isEqualTo("{\"k\\\"\":[\"a\\\\b\",1]}");
    }

    @Test
    void choosesTheMostCompactIsoFormatForADate() {
        assertThat(pattern(new java.util.Date(DAY - 1))).isEqualTo("HH:mm:ss.SSS'Z'");
        assertThat(pattern(new java.util.Date(DAY * 3))).isEqualTo("yyyy-MM-dd");
        assertThat(pattern(new java.util.Date(DAY + 1))).isEqualTo("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'");
    }

    private static String pattern(java.util.Date date) {
        return ((java.text.SimpleDateFormat) Values.dateFormatFor(date)).toPattern();
    }

    @Test
    void narrowingIntegerConversionsWrapAround() {
        assertThat(Values.convertToByte(null, 300)).isEqualTo((byte) 44);
        assertThat(Values.convertToShort(null, "70000")).isEqualTo((short) 4464);
    }

    @Test
    void convertsNonNumericStringsToNumbersWithADataException() {
        assertThatThrownBy(() -> Values.convertToInteger(Schema.STRING_SCHEMA, "abc"))
                .isInstanceOf(DataException.class)
                .hasCauseInstanceOf(NumberFormatException.class);
    }

    @Test
    void convertsTimestampsToTheirTimeOfDay() {
        java.util.Date timestamp = new java.util.Date(DAY * 10 + 1234);

        assertThat(Values.convertToTime(Timestamp.SCHEMA, timestamp)).isEqualTo(new java.util.Date(1234));
    }

    @Test
    void requiresAValueWhenConvertingToAContainer() {
        assertThatThrownBy(() -> Values.convertToList(null, null)).isInstanceOf(DataException.class);
        assertThat(Values.convertToList(null, "[1]")).isEqualTo(List.of((byte) 1));
    }

    @Test
    void infersOptionalElementSchemasFromNulls() {
        Schema inferred = Values.inferSchema(java.util.Arrays.asList(1, null));

        assertThat(inferred).isEqualTo(SchemaBuilder.array(SchemaBuilder.int32().optional().build()).build());
    }

    @Test
    void tokenizerKeepsEscapedDelimitersInsideTokens() {
        Values.Parser parser = new Values.Parser("a\\,b,c");

        assertThat(parser.next()).isEqualTo("a\\,b");
        assertThat(parser.next()).isEqualTo(",");
        assertThat(parser.next()).isEqualTo("c");
        assertThat(parser.hasNext()).isFalse();
    }
}
