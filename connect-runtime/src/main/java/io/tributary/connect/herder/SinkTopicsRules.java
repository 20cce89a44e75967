package io.tributary.connect.herder;

import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import io.tributary.connect.config.SinkConnectorConfig;
import org.apache.kafka.common.config.ConfigValue;

/**
 * The rules a sink's topic settings follow together, reported on the settings concerned with Kafka
 * Connect's wording: exactly one of topics and topics.regex, and a dead letter queue topic that is not
 * itself consumed.
 */
final class SinkTopicsRules {

    private SinkTopicsRules() {
    }

    static void check(Map<String, String> config, Map<String, ConfigValue> values) {
        String topics = config.get(SinkConnectorConfig.TOPICS_CONFIG);
        String regex = config.get(SinkConnectorConfig.TOPICS_REGEX_CONFIG);
        boolean hasTopics = topics != null && !topics.isBlank();
        boolean hasRegex = regex != null && !regex.isBlank();
        if (hasTopics && hasRegex) {
            both(values, "topics and topics.regex are mutually exclusive options, but both are set.");
        } else if (!hasTopics && !hasRegex) {
            both(values, "Must configure one of topics or topics.regex");
        }
        String dlq = config.get(SinkConnectorConfig.DLQ_TOPIC_NAME_CONFIG);
        if (dlq == null || dlq.isBlank()) {
            return;
        }
        dlq = dlq.trim();
        Set<String> listed = hasTopics ? topicList(topics) : Set.of();
        if (listed.contains(dlq)) {
            error(values, SinkConnectorConfig.TOPICS_CONFIG, "The DLQ topic '" + dlq + "' may not be included in "
                    + "the list of topics ('topics=" + listed + "') consumed by the connector");
        }
        if (hasRegex && matches(regex.trim(), dlq)) {
            error(values, SinkConnectorConfig.TOPICS_REGEX_CONFIG, "The DLQ topic '" + dlq + "' may not be matched "
                    + "by the regex for the topics ('topics.regex=" + regex.trim() + "') consumed by the connector");
        }
    }

    private static Set<String> topicList(String topics) {
        Set<String> listed = new LinkedHashSet<>();
        for (String topic : topics.split(",")) {
            if (!topic.trim().isEmpty()) {
                listed.add(topic.trim());
            }
        }
        return listed;
    }

    /** An invalid regex is already reported by its own validator. */
    private static boolean matches(String regex, String topic) {
        try {
            return Pattern.compile(regex).matcher(topic).matches();
        } catch (PatternSyntaxException e) {
            return false;
        }
    }

    private static void both(Map<String, ConfigValue> values, String message) {
        error(values, SinkConnectorConfig.TOPICS_CONFIG, message);
        error(values, SinkConnectorConfig.TOPICS_REGEX_CONFIG, message);
    }

    private static void error(Map<String, ConfigValue> values, String key, String message) {
        values.computeIfAbsent(key, ConfigValue::new).addErrorMessage(message);
    }
}
