package io.tributary.connect.config;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigException;

/**
 * Parses a source connector's {@code topic.creation.*} settings into groups, checked with Kafka Connect's
 * rules and wording: the default group needs {@code replication.factor} and {@code partitions}; other
 * groups inherit both, match topics with {@code include}/{@code exclude} regexes, and every other key under
 * a group is a topic config. Groups are tried in the order listed, the default last.
 */
public final class TopicCreationConfig {

    public static final String DEFAULT_GROUP = "default";
    public static final String REPLICATION_FACTOR = "replication.factor";
    public static final String PARTITIONS = "partitions";
    public static final String INCLUDE = "include";
    public static final String EXCLUDE = "exclude";

    private static final String PREFIX = SourceConnectorConfig.TOPIC_CREATION_PREFIX;
    private static final List<String> GROUP_KEYS = List.of(REPLICATION_FACTOR, PARTITIONS, INCLUDE, EXCLUDE);

    private TopicCreationConfig() {
    }

    /**
     * The groups in matching order, the default last.
     *
     * @throws ConfigException on the first invalid or missing setting
     */
    public static List<TopicCreationGroup> groups(Map<String, String> connectorConfig) {
        AbstractConfig defaults = new AbstractConfig(defaultGroupDef(), subset(connectorConfig, DEFAULT_GROUP),
                false);
        short replicationFactor = defaults.getInt(REPLICATION_FACTOR).shortValue();
        int partitions = defaults.getInt(PARTITIONS);
        List<TopicCreationGroup> groups = new ArrayList<>();
        for (String name : listedGroups(connectorConfig)) {
            if (name.equals(DEFAULT_GROUP)) {
                continue;
            }
            AbstractConfig group = new AbstractConfig(groupDef(replicationFactor, partitions),
                    subset(connectorConfig, name), false);
            groups.add(new TopicCreationGroup(name, patterns(group.getList(INCLUDE)),
                    patterns(group.getList(EXCLUDE)), group.getInt(PARTITIONS),
                    group.getInt(REPLICATION_FACTOR).shortValue(), topicConfigs(connectorConfig, name)));
        }
        groups.add(new TopicCreationGroup(DEFAULT_GROUP, List.of(Pattern.compile(".*")), List.of(), partitions,
                replicationFactor, topicConfigs(connectorConfig, DEFAULT_GROUP)));
        return groups;
    }

    private static List<String> listedGroups(Map<String, String> connectorConfig) {
        String listed = connectorConfig.get(SourceConnectorConfig.TOPIC_CREATION_GROUPS_CONFIG);
        if (listed == null || listed.isBlank()) {
            return List.of();
        }
        return List.of(listed.split(",")).stream().map(String::trim).filter(name -> !name.isEmpty()).distinct()
                .toList();
    }

    /** The default group's keys; both are required (checked in {@link #subset}). */
    private static ConfigDef defaultGroupDef() {
        return new ConfigDef()
            .define(REPLICATION_FACTOR, Type.INT, ConfigDef.NO_DEFAULT_VALUE, replicationFactorValidator(),
                Importance.LOW, "Replication factor of topics created through the default group.")
            .define(PARTITIONS, Type.INT, ConfigDef.NO_DEFAULT_VALUE, partitionsValidator(), Importance.LOW,
                "Partitions of topics created through the default group.");
    }

    private static ConfigDef groupDef(short replicationFactor, int partitions) {
        return new ConfigDef()
            .define(INCLUDE, Type.LIST, List.of(), regexListValidator(INCLUDE), Importance.LOW,
                "Regexes of the topics this group creates.")
            .define(EXCLUDE, Type.LIST, List.of(), regexListValidator(EXCLUDE), Importance.LOW,
                "Regexes of topics this group leaves to later groups.")
            .define(REPLICATION_FACTOR, Type.INT, (int) replicationFactor, replicationFactorValidator(),
                Importance.LOW, "Replication factor of this group's topics.")
            .define(PARTITIONS, Type.INT, partitions, partitionsValidator(), Importance.LOW,
                "Partitions of this group's topics.");
    }

    /**
     * The group's settings with the prefix removed. Missing or non-numeric sizes are reported here under their
     * full names ({@code topic.creation.default.partitions}) and range errors by the validators under the short
     * names: both as Kafka Connect words them.
     */
    private static Map<String, Object> subset(Map<String, String> connectorConfig, String group) {
        String prefix = PREFIX + group + ".";
        Map<String, Object> settings = new HashMap<>();
        connectorConfig.forEach((key, value) -> {
            if (key.startsWith(prefix)) {
                settings.put(key.substring(prefix.length()), value);
            }
        });
        for (String key : List.of(REPLICATION_FACTOR, PARTITIONS)) {
            if (!settings.containsKey(key) && group.equals(DEFAULT_GROUP)) {
                throw new ConfigException("Missing required configuration \"" + prefix + key
                        + "\" which has no default value.");
            }
            Object value = settings.get(key);
            if (value instanceof String text && !isInt(text.trim())) {
                throw new ConfigException(prefix + key, text, "Not a number of type INT");
            }
        }
        return settings;
    }

    private static boolean isInt(String text) {
        try {
            Integer.parseInt(text);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static Map<String, String> topicConfigs(Map<String, String> connectorConfig, String group) {
        String prefix = PREFIX + group + ".";
        Map<String, String> configs = new LinkedHashMap<>();
        connectorConfig.forEach((key, value) -> {
            if (key.startsWith(prefix) && !GROUP_KEYS.contains(key.substring(prefix.length()))) {
                configs.put(key.substring(prefix.length()), value);
            }
        });
        return configs;
    }

    private static List<Pattern> patterns(List<String> regexes) {
        return regexes.stream().map(String::trim).filter(regex -> !regex.isEmpty()).map(Pattern::compile).toList();
    }

    private static ConfigDef.Validator replicationFactorValidator() {
        return (name, value) -> {
            int factor = (Integer) value;
            if (factor < 1 && factor != -1 || factor > Short.MAX_VALUE) {
                throw new ConfigException(REPLICATION_FACTOR, value, "Replication factor must be positive and not "
                        + "larger than the number of brokers in the Kafka cluster, or -1 to use the broker's default");
            }
        };
    }

    private static ConfigDef.Validator partitionsValidator() {
        return (name, value) -> {
            int partitions = (Integer) value;
            if (partitions < 1 && partitions != -1) {
                throw new ConfigException(PARTITIONS, value,
                        "Number of partitions must be positive, or -1 to use the broker's default");
            }
        };
    }

    private static ConfigDef.Validator regexListValidator(String key) {
        return (name, value) -> {
            @SuppressWarnings("unchecked")
            List<String> regexes = (List<String>) value;
            for (String regex : regexes) {
                try {
                    Pattern.compile(regex.trim());
                } catch (PatternSyntaxException e) {
                    throw new ConfigException(key, value, "Syntax error in regular expression: " + e.getMessage());
                }
            }
        };
    }
}
