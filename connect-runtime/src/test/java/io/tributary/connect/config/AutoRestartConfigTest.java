package io.tributary.connect.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;

import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.Test;

class AutoRestartConfigTest {

    private static StandaloneConfig worker(Map<String, String> extra) {
        Map<String, String> props = new HashMap<>(Map.of(
            "key.converter", "org.apache.kafka.connect.json.JsonConverter",
            "value.converter", "org.apache.kafka.connect.json.JsonConverter",
            "offset.storage.file.filename", "/tmp/offsets"));
        props.putAll(extra);
        return new StandaloneConfig(props);
    }

    @Test
    void isOffByDefaultWithUnlimitedAttemptsAndASecondToFiveMinutesOfBackoff() {
        AutoRestartConfig.Settings settings = worker(Map.of()).autoRestart();

        assertThat(settings).isEqualTo(new AutoRestartConfig.Settings(false, 1_000, 300_000, -1));
        assertThat(settings.unlimited()).isTrue();
        assertThat(settings.healthyPeriodMs()).isEqualTo(300_000);
    }

    @Test
    void aConnectorOverridesTheWorkersKeysItSetsAndInheritsTheOthers() {
        AutoRestartConfig.Settings workerSettings = worker(Map.of(
            AutoRestartConfig.ENABLED_CONFIG, "true", AutoRestartConfig.BACKOFF_MAX_MS_CONFIG, "60000")).autoRestart();

        AutoRestartConfig.Settings connector = AutoRestartConfig.connector(workerSettings, Map.of(
            "connector.class", "FileStreamSink", AutoRestartConfig.MAX_ATTEMPTS_CONFIG, "3"));

        assertThat(connector).isEqualTo(new AutoRestartConfig.Settings(true, 1_000, 60_000, 3));
        assertThat(AutoRestartConfig.connector(workerSettings, Map.of(AutoRestartConfig.ENABLED_CONFIG, "false"))
            .enabled()).isFalse();
    }

    @Test
    void aBadValueIsRefusedNamingTheKey() {
        AutoRestartConfig.Settings defaults = worker(Map.of()).autoRestart();

        assertThatThrownBy(() -> AutoRestartConfig.connector(defaults,
                Map.of(AutoRestartConfig.BACKOFF_INITIAL_MS_CONFIG, "soon")))
            .isInstanceOf(ConfigException.class).hasMessageContaining(AutoRestartConfig.BACKOFF_INITIAL_MS_CONFIG)
            .hasMessageContaining("soon");
        assertThatThrownBy(() -> worker(Map.of(AutoRestartConfig.BACKOFF_INITIAL_MS_CONFIG, "-5")))
            .isInstanceOf(ConfigException.class).hasMessageContaining(AutoRestartConfig.BACKOFF_INITIAL_MS_CONFIG);
        assertThatThrownBy(() -> worker(Map.of(AutoRestartConfig.BACKOFF_MAX_MS_CONFIG, "500",
                AutoRestartConfig.BACKOFF_INITIAL_MS_CONFIG, "10000")))
            .isInstanceOf(ConfigException.class).hasMessageContaining(AutoRestartConfig.BACKOFF_MAX_MS_CONFIG);
        assertThatThrownBy(() -> AutoRestartConfig.connector(defaults,
                Map.of(AutoRestartConfig.BACKOFF_INITIAL_MS_CONFIG, "10000", AutoRestartConfig.BACKOFF_MAX_MS_CONFIG, "500")))
            .isInstanceOf(ConfigException.class).hasMessageContaining(AutoRestartConfig.BACKOFF_MAX_MS_CONFIG)
            .hasMessageContaining(AutoRestartConfig.BACKOFF_INITIAL_MS_CONFIG);
    }
}
