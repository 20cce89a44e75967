package io.tributary.connect.herder;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;

import org.apache.kafka.common.config.ConfigValue;
import org.junit.jupiter.api.Test;

class SinkTopicsRulesTest {

    @Test
    void neitherTopicsNorRegexIsReportedOnBoth() {
        Map<String, ConfigValue> values = check(Map.of());

        assertThat(values.get("topics").errorMessages()).containsExactly("Must configure one of topics or topics.regex");
        assertThat(values.get("topics.regex").errorMessages())
                .containsExactly("Must configure one of topics or topics.regex");
    }

    @Test
    void aDlqTopicAmongTheTopicsIsReportedOnTopics() {
        Map<String, ConfigValue> values = check(Map.of("topics", "a, b ,a", "errors.deadletterqueue.topic.name", "b"));

        assertThat(values.get("topics").errorMessages()).containsExactly("The DLQ topic 'b' may not be included in "
                + "the list of topics ('topics=[a, b]') consumed by the connector");
    }

    @Test
    void aDlqTopicMatchedByTheRegexIsReportedOnTheRegex() {
        Map<String, ConfigValue> values = check(Map.of("topics.regex", "t.*", "errors.deadletterqueue.topic.name", "tx"));

        assertThat(values.get("topics.regex").errorMessages()).containsExactly("The DLQ topic 'tx' may not be matched "
                + "by the regex for the topics ('topics.regex=t.*') consumed by the connector");
    }

    @Test
    void oneOfTopicsOrRegexIsFine() {
        assertThat(check(Map.of("topics", "a"))).isEmpty();
    }

    private static Map<String, ConfigValue> check(Map<String, String> config) {
        Map<String, ConfigValue> values = new HashMap<>();
        SinkTopicsRules.check(config, values);
        return values;
    }
}
