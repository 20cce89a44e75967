package org.apache.kafka.connect.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.Test;

class StringConverterConfigTest {

    @Test
    void encodingDefaultsToUtf8() {
        assertThat(new StringConverterConfig(Map.of("converter.type", "key")).encoding()).isEqualTo("UTF-8");
        assertThat(StringConverterConfig.ENCODING_DEFAULT).isEqualTo("UTF-8");
    }

    @Test
    void typeIsRequired() {
        assertThatThrownBy(() -> new StringConverterConfig(Map.of())).isInstanceOf(ConfigException.class);
    }

    @Test
    void typeMustBeALowerCaseRole() {
        assertThatThrownBy(() -> new StringConverterConfig(Map.of("converter.type", "KEY")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("key, value, header");
    }

    @Test
    void typeIsParsed() {
        assertThat(new StringConverterConfig(Map.of("converter.type", "header")).type()).isEqualTo(ConverterType.HEADER);
    }

    @Test
    void encodingIsNotCheckedByTheConfig() {
        assertThat(new StringConverterConfig(Map.of("converter.type", "key", "converter.encoding", "nope")).encoding())
                .isEqualTo("nope");
    }

    @Test
    void newConfigDefIsFreshEachTime() {
        assertThat(ConverterConfig.newConfigDef()).isNotSameAs(ConverterConfig.newConfigDef());
    }

    @Test
    void typeKeyIsAnUndefaultedLowImportanceString() {
        ConfigDef.ConfigKey key = ConverterConfig.newConfigDef().configKeys().get(ConverterConfig.TYPE_CONFIG);
        assertThat(key.type).isEqualTo(ConfigDef.Type.STRING);
        assertThat(key.defaultValue).isSameAs(ConfigDef.NO_DEFAULT_VALUE);
        assertThat(key.importance).isEqualTo(ConfigDef.Importance.LOW);
    }

    @Test
    void encodingKeyIsAHighImportanceString() {
        ConfigDef.ConfigKey key = StringConverterConfig.configDef().configKeys().get(StringConverterConfig.ENCODING_CONFIG);
        assertThat(key.type).isEqualTo(ConfigDef.Type.STRING);
        assertThat(key.defaultValue).isEqualTo("UTF-8");
        assertThat(key.importance).isEqualTo(ConfigDef.Importance.HIGH);
        assertThat(key.width).isEqualTo(ConfigDef.Width.MEDIUM);
        assertThat(key.displayName).isEqualTo("Encoding");
    }
}
