package io.tributary.connect.config;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigDef.Width;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.config.ConfigValue;

/**
 * Settings of sink connectors: which topics to consume and the dead letter queue. Exactly one of
 * {@code topics} and {@code topics.regex} must be set, and the dead letter queue topic must not be one
 * of the consumed topics; {@link #validate(Map)} checks both.
 */
public class SinkConnectorConfig extends ConnectorConfig {

    public static final String TOPICS_CONFIG = "topics";
    public static final String TOPICS_DEFAULT = "";
    public static final String TOPICS_REGEX_CONFIG = "topics.regex";
    public static final String TOPICS_REGEX_DEFAULT = "";
    public static final String DLQ_PREFIX = "errors.deadletterqueue.";
    public static final String DLQ_TOPIC_NAME_CONFIG = DLQ_PREFIX + "topic.name";
    public static final String DLQ_TOPIC_DEFAULT = "";
    public static final String DLQ_TOPIC_REPLICATION_FACTOR_CONFIG = DLQ_PREFIX + "topic.replication.factor";
    public static final short DLQ_TOPIC_REPLICATION_FACTOR_CONFIG_DEFAULT = 3;
    public static final String DLQ_CONTEXT_HEADERS_ENABLE_CONFIG = DLQ_PREFIX + "context.headers.enable";
    public static final boolean DLQ_CONTEXT_HEADERS_ENABLE_DEFAULT = false;

    public static ConfigDef configDef() {
        return configDef(ConnectorPluginRecommenders.NONE);
    }

    public static ConfigDef configDef(ConnectorPluginRecommenders recommenders) {
        return ConnectorConfig.configDef(recommenders)
            .define(TOPICS_CONFIG, Type.LIST, TOPICS_DEFAULT, Importance.HIGH,
                "Topics to consume, comma separated; set this or topics.regex, not both.",
                COMMON_GROUP, 4, Width.LONG, "Topics")
            .define(TOPICS_REGEX_CONFIG, Type.STRING, TOPICS_REGEX_DEFAULT, new RegexValidator(), Importance.HIGH,
                "Java regular expression selecting the topics to consume; set this or topics, not both.",
                COMMON_GROUP, 4, Width.LONG, "Topics regex")
            .define(DLQ_TOPIC_NAME_CONFIG, Type.STRING, DLQ_TOPIC_DEFAULT, Importance.MEDIUM,
                "Topic that receives records the connector failed to process; empty disables the dead letter "
                    + "queue.",
                ERROR_GROUP, 6, Width.MEDIUM, "Dead Letter Queue Topic Name")
            .define(DLQ_TOPIC_REPLICATION_FACTOR_CONFIG, Type.SHORT, DLQ_TOPIC_REPLICATION_FACTOR_CONFIG_DEFAULT,
                Importance.MEDIUM, "Replication factor used when the worker creates the dead letter queue topic.",
                ERROR_GROUP, 7, Width.MEDIUM, "Dead Letter Queue Topic Replication Factor")
            .define(DLQ_CONTEXT_HEADERS_ENABLE_CONFIG, Type.BOOLEAN, DLQ_CONTEXT_HEADERS_ENABLE_DEFAULT,
                Importance.MEDIUM, "Whether records sent to the dead letter queue carry headers describing the "
                    + "failure and where the record came from.",
                ERROR_GROUP, 8, Width.MEDIUM, "Enable Error Context Headers");
    }

    public SinkConnectorConfig(Map<String, String> props) {
        this(configDef(), props);
    }

    public SinkConnectorConfig(ConfigDef definition, Map<String, String> props) {
        super(definition, props);
    }

    /** Parses without logging the values: for configurations whose config provider references are resolved. */
    public static SinkConnectorConfig withResolvedValues(Map<String, String> props) {
        return new SinkConnectorConfig(configDef(), props, false);
    }

    private SinkConnectorConfig(ConfigDef definition, Map<String, String> props, boolean logValues) {
        super(definition, props, logValues);
    }

    /** Checks the cross-field rules of a sink configuration, throwing on the first broken one. */
    public static void validate(Map<String, String> props) {
        List<Problem> problems = problems(props);
        if (!problems.isEmpty()) {
            Problem first = problems.get(0);
            throw new ConfigException(first.key(), first.value(), first.message());
        }
    }

    /** Checks the cross-field rules, recording each broken one on the matching entry of {@code validated}. */
    public static void validate(Map<String, String> props, Map<String, ConfigValue> validated) {
        for (Problem problem : problems(props)) {
            ConfigValue value = validated.computeIfAbsent(problem.key(), ConfigValue::new);
            value.addErrorMessage(problem.message());
        }
    }

    private record Problem(String key, String value, String message) {
    }

    private static List<Problem> problems(Map<String, String> props) {
        boolean hasTopics = hasTopicsConfig(props);
        boolean hasRegex = hasTopicsRegexConfig(props);
        String topics = props.get(TOPICS_CONFIG);
        String regex = props.get(TOPICS_REGEX_CONFIG);
        if (hasTopics && hasRegex) {
            return List.of(new Problem(TOPICS_CONFIG, topics,
                TOPICS_CONFIG + " and " + TOPICS_REGEX_CONFIG + " are mutually exclusive but both are set"));
        }
        if (!hasTopics && !hasRegex) {
            return List.of(new Problem(TOPICS_CONFIG, topics,
                "one of " + TOPICS_CONFIG + " or " + TOPICS_REGEX_CONFIG + " must be set"));
        }
        if (!hasDlqTopicConfig(props)) {
            return List.of();
        }
        String dlqTopic = props.get(DLQ_TOPIC_NAME_CONFIG).trim();
        if (hasTopics) {
            List<String> consumed = parseTopicsList(props);
            if (consumed.contains(dlqTopic)) {
                return List.of(new Problem(TOPICS_CONFIG, topics, "the dead letter queue topic '" + dlqTopic
                    + "' must not be one of the consumed topics " + consumed));
            }
        } else if (matches(regex, dlqTopic)) {
            return List.of(new Problem(TOPICS_REGEX_CONFIG, regex, "the dead letter queue topic '" + dlqTopic
                + "' must not match the consumed topics regex '" + regex + "'"));
        }
        return List.of();
    }

    /** An invalid regex is reported by the regex key's own validator, not here. */
    private static boolean matches(String regex, String topic) {
        try {
            return Pattern.compile(regex.trim()).matcher(topic).matches();
        } catch (PatternSyntaxException e) {
            return false;
        }
    }

    public static boolean hasTopicsConfig(Map<String, String> props) {
        String topics = props.get(TOPICS_CONFIG);
        return topics != null && !topics.trim().isEmpty();
    }

    public static boolean hasTopicsRegexConfig(Map<String, String> props) {
        String regex = props.get(TOPICS_REGEX_CONFIG);
        return regex != null && !regex.trim().isEmpty();
    }

    public static boolean hasDlqTopicConfig(Map<String, String> props) {
        String dlqTopic = props.get(DLQ_TOPIC_NAME_CONFIG);
        return dlqTopic != null && !dlqTopic.trim().isEmpty();
    }

    /** The consumed topics listed in {@code topics}: trimmed, blanks dropped. */
    public static List<String> parseTopicsList(Map<String, String> props) {
        String topics = props.get(TOPICS_CONFIG);
        if (topics == null) {
            return List.of();
        }
        return Arrays.stream(topics.split(",")).map(String::trim).filter(topic -> !topic.isEmpty()).toList();
    }

    public List<String> topics() {
        return getList(TOPICS_CONFIG);
    }

    public String topicsRegex() {
        return getString(TOPICS_REGEX_CONFIG);
    }

    public String dlqTopicName() {
        return getString(DLQ_TOPIC_NAME_CONFIG).trim();
    }

    public short dlqTopicReplicationFactor() {
        return getShort(DLQ_TOPIC_REPLICATION_FACTOR_CONFIG);
    }

    public boolean isDlqContextHeadersEnabled() {
        return getBoolean(DLQ_CONTEXT_HEADERS_ENABLE_CONFIG);
    }

    /** Whether tasks get an errant record reporter: a dead letter queue or error logging is configured. */
    public boolean enableErrantRecordReporter() {
        return !dlqTopicName().isEmpty() || enableErrorLog();
    }
}
