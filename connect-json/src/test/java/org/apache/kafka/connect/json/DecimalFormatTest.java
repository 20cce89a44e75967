package org.apache.kafka.connect.json;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.apache.kafka.connect.data.Decimal;
import org.junit.jupiter.api.Test;

class DecimalFormatTest {

    @Test
    void declaresBase64ThenNumeric() {
        assertThat(DecimalFormat.values()).containsExactly(DecimalFormat.BASE64, DecimalFormat.NUMERIC);
    }

    @Test
    void base64WritesUnscaledBytesAsString() {
        assertThat(write("BASE64", new BigDecimal("1.36"))).isEqualTo("\"AIg=\"");
    }

    @Test
    void numericWritesNumberKeepingScale() {
        assertThat(write("NUMERIC", new BigDecimal("1.10"))).isEqualTo("1.10");
    }

    @Test
    void eitherFormatReadsBackTheSameDecimal() {
        JsonConverter converter = converter("BASE64");
        byte[] base64 = converter.fromConnectData("t", Decimal.schema(2), new BigDecimal("-3.07"));
        byte[] numeric = converter("NUMERIC").fromConnectData("t", Decimal.schema(2), new BigDecimal("-3.07"));
        assertThat(converter.toConnectData("t", base64).value()).isEqualTo(new BigDecimal("-3.07"));
        assertThat(converter.toConnectData("t", numeric).value()).isEqualTo(new BigDecimal("-3.07"));
    }

    private static String write(String format, BigDecimal value) {
        return new String(converter(format).fromConnectData("t", Decimal.schema(value.scale()), value),
                StandardCharsets.UTF_8).replaceAll(".*\"payload\":(.*)}$", "$1");
    }

    private static JsonConverter converter(String format) {
        JsonConverter converter = new JsonConverter();
        converter.configure(Map.of("decimal.format", format), false);
        return converter;
    }
}
