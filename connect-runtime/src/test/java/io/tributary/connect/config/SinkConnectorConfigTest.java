package io.tributary.connect.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;

import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.config.ConfigValue;
import org.junit.jupiter.api.Test;

class SinkConnectorConfigTest {

    private static Map<String, String> sink(String... keyValues) {
        Map<String, String> props = new HashMap<>();
        props.put("name", "files");
        props.put("connector.class", "FileStreamSink");
        for (int i = 0; i < keyValues.length; i += 2) {
            props.put(keyValues[i], keyValues[i + 1]);
        }
        return props;
    }

    @Test
    void topicsAloneAreValid() {
        assertThatCode(() -> SinkConnectorConfig.validate(sink("topics", "a,b"))).doesNotThrowAnyException();
    }

    @Test
    void regexAloneIsValid() {
        assertThatCode(() -> SinkConnectorConfig.validate(sink("topics.regex", "a.*"))).doesNotThrowAnyException();
    }

    @Test
    void topicsAndRegexTogetherAreRejected() {
        assertThatThrownBy(() -> SinkConnectorConfig.validate(sink("topics", "a", "topics.regex", "a.*")))
            .isInstanceOf(ConfigException.class)
            .hasMessageContaining("topics");
    }

    @Test
    void neitherTopicsNorRegexIsRejected() {
        assertThatThrownBy(() -> SinkConnectorConfig.validate(sink("topics", " ")))
            .isInstanceOf(ConfigException.class)
            .hasMessageContaining("topics");
    }

    @Test
    void blankTopicsWithRegexCountAsRegexOnly() {
        assertThatCode(() -> SinkConnectorConfig.validate(sink("topics", " ", "topics.regex", "x")))
            .doesNotThrowAnyException();
    }

    @Test
    void deadLetterTopicAmongConsumedTopicsIsRejected() {
        assertThatThrownBy(() -> SinkConnectorConfig.validate(sink("topics", "a, t2 ",
            "errors.deadletterqueue.topic.name", " t2")))
            .isInstanceOf(ConfigException.class)
            .hasMessageContaining("t2");
    }

    @Test
    void deadLetterTopicMatchedByRegexIsRejected() {
        assertThatThrownBy(() -> SinkConnectorConfig.validate(sink("topics.regex", "t.*",
            "errors.deadletterqueue.topic.name", "tx")))
            .isInstanceOf(ConfigException.class)
            .hasMessageContaining("topics.regex");
    }

    @Test
    void problemsAreRecordedOnConfigValuesWhenValidatingForRest() {
        Map<String, ConfigValue> validated = new HashMap<>();

        SinkConnectorConfig.validate(sink(), validated);

        assertThat(validated.get("topics").errorMessages()).hasSize(1);
    }

    @Test
    void invalidRegexIsRejectedByTheDefinition() {
        assertThatThrownBy(() -> new SinkConnectorConfig(sink("topics.regex", "[")))
            .isInstanceOf(ConfigException.class)
            .hasMessageContaining("topics.regex");
    }

    @Test
    void topicListIsTrimmedAndBlanksDropped() {
        assertThat(SinkConnectorConfig.parseTopicsList(sink("topics", " a,,b "))).containsExactly("a", "b");
    }

    @Test
    void errantRecordReporterFollowsDeadLetterQueueOrErrorLog() {
        assertThat(new SinkConnectorConfig(sink("topics", "a")).enableErrantRecordReporter()).isFalse();
        assertThat(new SinkConnectorConfig(sink("topics", "a", "errors.deadletterqueue.topic.name", "dlq"))
            .enableErrantRecordReporter()).isTrue();
        assertThat(new SinkConnectorConfig(sink("topics", "a", "errors.log.enable", "true"))
            .enableErrantRecordReporter()).isTrue();
    }

    @Test
    void deadLetterReplicationFactorDefaultsToThree() {
        assertThat(new SinkConnectorConfig(sink("topics", "a")).dlqTopicReplicationFactor()).isEqualTo((short) 3);
    }
}
