package org.apache.kafka.connect.storage;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ConverterTypeTest {

    @Test
    void namesAreLowerCase() {
        assertThat(ConverterType.KEY.getName()).isEqualTo("key");
        assertThat(ConverterType.VALUE.getName()).isEqualTo("value");
        assertThat(ConverterType.HEADER.getName()).isEqualTo("header");
    }

    @Test
    void withNameIgnoresCase() {
        assertThat(ConverterType.withName("key")).isEqualTo(ConverterType.KEY);
        assertThat(ConverterType.withName("HEADER")).isEqualTo(ConverterType.HEADER);
    }

    @Test
    void withNameGivesNullForUnknownOrNull() {
        assertThat(ConverterType.withName(null)).isNull();
        assertThat(ConverterType.withName("")).isNull();
        assertThat(ConverterType.withName(" value ")).isNull();
    }

    @Test
    void toStringIsTheConstantName() {
        assertThat(ConverterType.KEY).hasToString("KEY");
    }
}
