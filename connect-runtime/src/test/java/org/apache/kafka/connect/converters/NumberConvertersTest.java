package org.apache.kafka.connect.converters;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaAndValue;
import org.apache.kafka.connect.errors.DataException;
import org.junit.jupiter.api.Test;

class NumberConvertersTest {

    @Test
    void writesBigEndianBytesAndReadsThemBackWithAnOptionalSchema() {
        IntegerConverter converter = new IntegerConverter();
        converter.configure(Map.of(), false);

        byte[] bytes = converter.fromConnectData("t", Schema.INT32_SCHEMA, 258);

        assertThat(bytes).containsExactly(0, 0, 1, 2);
        assertThat(converter.toConnectData("t", bytes)).isEqualTo(new SchemaAndValue(Schema.OPTIONAL_INT32_SCHEMA, 258));
    }

    @Test
    void eachConverterReadsBackItsOwnType() {
        assertThat(roundTrip(new LongConverter(), 5L).value()).isEqualTo(5L);
        assertThat(roundTrip(new ShortConverter(), (short) 5).value()).isEqualTo((short) 5);
        assertThat(roundTrip(new FloatConverter(), 1.5f).value()).isEqualTo(1.5f);
        assertThat(roundTrip(new DoubleConverter(), -2.25d).schema()).isEqualTo(Schema.OPTIONAL_FLOAT64_SCHEMA);
    }

    @Test
    void nullIsWrittenAsNullAndReadAsNull() {
        LongConverter converter = new LongConverter();
        converter.configure(Map.of("converter.type", "header"));

        assertThat(converter.fromConnectHeader("t", "h", null, null)).isNull();
        assertThat(converter.toConnectHeader("t", "h", null)).isEqualTo(new SchemaAndValue(Schema.OPTIONAL_INT64_SCHEMA, null));
    }

    @Test
    void rejectsValuesOfAnotherNumberType() {
        LongConverter converter = new LongConverter();
        converter.configure(Map.of(), true);

        assertThatThrownBy(() -> converter.fromConnectData("t", null, 5)).isInstanceOf(DataException.class);
    }

    @Test
    void rejectsBytesOfTheWrongLength() {
        DoubleConverter converter = new DoubleConverter();
        converter.configure(Map.of(), false);

        assertThatThrownBy(() -> converter.toConnectData("t", new byte[] {1, 2, 3})).isInstanceOf(DataException.class);
    }

    @Test
    void requiresAKnownConverterType() {
        assertThatThrownBy(() -> new ShortConverter().configure(Map.of("converter.type", "bogus")))
                .isInstanceOf(ConfigException.class);
        assertThatThrownBy(() -> new ShortConverter().configure(Map.of()))
                .isInstanceOf(ConfigException.class);
    }

    private static <T extends Number> SchemaAndValue roundTrip(NumberConverter<T> converter, T value) {
        converter.configure(Map.of(), false);
        return converter.toConnectData("t", converter.fromConnectData("t", null, value));
    }
}
