package org.apache.kafka.connect.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.connect.storage.ConverterType;
import org.junit.jupiter.api.Test;

class JsonConverterConfigTest {

    @Test
    void defaultsApplyWhenOnlyTheTypeIsGiven() {
        JsonConverterConfig config = new JsonConverterConfig(Map.of("converter.type", "value"));
        assertThat(config.schemasEnabled()).isTrue();
        assertThat(config.schemaCacheSize()).isEqualTo(1000);
        assertThat(config.decimalFormat()).isEqualTo(DecimalFormat.BASE64);
        assertThat(config.replaceNullWithDefault()).isTrue();
        assertThat(config.type()).isEqualTo(ConverterType.VALUE);
    }

    @Test
    void decimalFormatIsCaseInsensitive() {
        JsonConverterConfig config = new JsonConverterConfig(Map.of("converter.type", "key", "decimal.format", "nUmErIc"));
        assertThat(config.decimalFormat()).isEqualTo(DecimalFormat.NUMERIC);
    }

    @Test
    void unknownDecimalFormatIsRejected() {
        assertThatThrownBy(() -> new JsonConverterConfig(Map.of("converter.type", "key", "decimal.format", "float")))
                .isInstanceOf(ConfigException.class);
    }

    @Test
    void missingConverterTypeIsRejected() {
        assertThatThrownBy(() -> new JsonConverterConfig(Map.of())).isInstanceOf(ConfigException.class);
    }

    @Test
    void explicitSettingsAreRead() {
        JsonConverterConfig config = new JsonConverterConfig(Map.of("converter.type", "header",
                "schemas.enable", "false", "schemas.cache.size", "7", "replace.null.with.default", false));
        assertThat(config.schemasEnabled()).isFalse();
        assertThat(config.schemaCacheSize()).isEqualTo(7);
        assertThat(config.replaceNullWithDefault()).isFalse();
        assertThat(config.type()).isEqualTo(ConverterType.HEADER);
    }

    @Test
    void decimalFormatDefaultNamesBase64() {
        assertThat(JsonConverterConfig.DECIMAL_FORMAT_DEFAULT).isEqualTo(DecimalFormat.BASE64.name());
    }

    @Test
    void configDefDeclaresEveryConverterSetting() {
        assertThat(JsonConverterConfig.configDef().names()).containsExactlyInAnyOrder("converter.type",
                "schemas.enable", "schemas.cache.size", "decimal.format", "replace.null.with.default");
    }
}
