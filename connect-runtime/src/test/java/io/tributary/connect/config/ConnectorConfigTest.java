package io.tributary.connect.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;

import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.connect.source.SourceTask.TransactionBoundary;
import org.junit.jupiter.api.Test;

class ConnectorConfigTest {

    private static Map<String, String> connector(String... keyValues) {
        Map<String, String> props = new HashMap<>();
        props.put("name", "files");
        props.put("connector.class", "FileStreamSource");
        for (int i = 0; i < keyValues.length; i += 2) {
            props.put(keyValues[i], keyValues[i + 1]);
        }
        return props;
    }

    @Test
    void defaultsFollowKafkaConnect() {
        ConnectorConfig config = new ConnectorConfig(connector());

        assertThat(config.tasksMax()).isEqualTo(1);
        assertThat(config.enforceTasksMax()).isTrue();
        assertThat(config.errorToleranceType()).isEqualTo(ToleranceType.NONE);
        assertThat(config.errorMaxDelayInMillis()).isEqualTo(60000L);
        assertThat(config.transformAliases()).isEmpty();
        assertThat(config.configReloadAction()).isEqualTo("restart");
    }

    @Test
    void zeroTasksIsRejected() {
        assertThatThrownBy(() -> new ConnectorConfig(connector("tasks.max", "0")))
            .isInstanceOf(ConfigException.class)
            .hasMessageContaining("tasks.max");
    }

    @Test
    void emptyNameIsRejected() {
        assertThatThrownBy(() -> new ConnectorConfig(connector("name", "")))
            .isInstanceOf(ConfigException.class)
            .hasMessageContaining("name");
    }

    @Test
    void duplicateTransformAliasIsRejected() {
        assertThatThrownBy(() -> new ConnectorConfig(connector("transforms", "a, b,a")))
            .isInstanceOf(ConfigException.class)
            .hasMessageContaining("transforms");
    }

    @Test
    void errorToleranceIsCaseSensitiveLikeKafkaConnect() {
        assertThatThrownBy(() -> new ConnectorConfig(connector("errors.tolerance", "ALL")))
            .isInstanceOf(ConfigException.class)
            .hasMessageContaining("errors.tolerance");
    }

    @Test
    void converterThatIsNotAConverterIsRejected() {
        assertThatThrownBy(() -> new ConnectorConfig(connector("key.converter", "java.lang.String")))
            .isInstanceOf(ConfigException.class)
            .hasMessageContaining("key.converter");
    }

    @Test
    void wellFormedVersionRangesAreAccepted() {
        ConnectorConfig config = new ConnectorConfig(connector("connector.plugin.version", "[1.0,2.0),[3.0,)",
            "key.converter.plugin.version", "1.2"));

        assertThat(config.getString("connector.plugin.version")).isEqualTo("[1.0,2.0),[3.0,)");
    }

    @Test
    void unclosedVersionRangeIsRejected() {
        assertThatThrownBy(() -> new ConnectorConfig(connector("connector.plugin.version", "[1.0,2.0")))
            .isInstanceOf(ConfigException.class)
            .hasMessageContaining("connector.plugin.version");
    }

    @Test
    void invertedVersionRangeIsRejected() {
        assertThatThrownBy(() -> new ConnectorConfig(connector("connector.plugin.version", "[2.0,1.10]")))
            .isInstanceOf(ConfigException.class)
            .hasMessageContaining("[2.0,1.10]");
    }

    @Test
    void sourceExactlyOnceSettingsAreCaseInsensitive() {
        SourceConnectorConfig config = new SourceConnectorConfig(connector("exactly.once.support", "Required",
            "transaction.boundary", "Interval", "transaction.boundary.interval.ms", "250"));

        assertThat(config.exactlyOnceSupport()).isEqualTo(ExactlyOnceSupportLevel.REQUIRED);
        assertThat(config.transactionBoundary()).isEqualTo(TransactionBoundary.INTERVAL);
        assertThat(config.transactionBoundaryInterval()).isEqualTo(250L);
    }

    @Test
    void sourceDefaultsArePollBoundaryAndNoOwnOffsetsTopic() {
        SourceConnectorConfig config = new SourceConnectorConfig(connector());

        assertThat(config.transactionBoundary()).isEqualTo(TransactionBoundary.POLL);
        assertThat(config.offsetsTopic()).isNull();
        assertThat(config.exactlyOnceSupport()).isEqualTo(ExactlyOnceSupportLevel.REQUESTED);
    }

    @Test
    void emptyOffsetsTopicIsRejected() {
        assertThatThrownBy(() -> new SourceConnectorConfig(connector("offsets.storage.topic", "")))
            .isInstanceOf(ConfigException.class)
            .hasMessageContaining("offsets.storage.topic");
    }
}
