package io.tributary.connect.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.Test;

/** Messages are the reference runtime's, observed by creating source connectors with each mistake. */
class TopicCreationConfigTest {

    @Test
    void theFirstListedGroupThatMatchesWinsAndTheDefaultCoversTheRest() {
        Map<String, String> config = defaults("3", "1");
        config.put("topic.creation.groups", "compacted,orders");
        config.put("topic.creation.compacted.include", "state-.*, .*-changelog");
        config.put("topic.creation.compacted.exclude", "state-tmp");
        config.put("topic.creation.compacted.cleanup.policy", "compact");
        config.put("topic.creation.orders.include", "orders.*,state-tmp");
        config.put("topic.creation.orders.partitions", "12");

        List<TopicCreationGroup> groups = TopicCreationConfig.groups(config);

        assertThat(groups).extracting(TopicCreationGroup::name).containsExactly("compacted", "orders", "default");
        assertThat(firstMatch(groups, "state-users")).isEqualTo("compacted");
        assertThat(firstMatch(groups, "users-changelog")).isEqualTo("compacted");
        assertThat(firstMatch(groups, "state-tmp")).isEqualTo("orders");
        assertThat(firstMatch(groups, "orders-eu")).isEqualTo("orders");
        assertThat(firstMatch(groups, "anything-else")).isEqualTo("default");
    }

    @Test
    void includeAndExcludeMustMatchTheWholeTopicName() {
        Map<String, String> config = defaults("1", "1");
        config.put("topic.creation.groups", "g");
        config.put("topic.creation.g.include", "orders");

        assertThat(firstMatch(TopicCreationConfig.groups(config), "orders-eu")).isEqualTo("default");
    }

    @Test
    void groupsInheritTheDefaultSizesAndKeepTheirOwnTopicConfigs() {
        Map<String, String> config = defaults("6", "-1");
        config.put("topic.creation.default.retention.ms", "1000");
        config.put("topic.creation.groups", "g");
        config.put("topic.creation.g.include", "x");
        config.put("topic.creation.g.compression.type", "lz4");

        List<TopicCreationGroup> groups = TopicCreationConfig.groups(config);

        assertThat(groups.get(0).partitions()).isEqualTo(6);
        assertThat(groups.get(0).replicationFactor()).isEqualTo((short) -1);
        assertThat(groups.get(0).topicConfigs()).containsExactly(Map.entry("compression.type", "lz4"));
        assertThat(groups.get(1).topicConfigs()).containsExactly(Map.entry("retention.ms", "1000"));
    }

    @Test
    void theDefaultReplicationFactorIsRequiredFirst() {
        assertThatThrownBy(() -> TopicCreationConfig.groups(Map.of("topic.creation.groups", "g")))
                .isInstanceOf(ConfigException.class)
                .hasMessage("Missing required configuration \"topic.creation.default.replication.factor\" which has "
                        + "no default value.");
    }

    @Test
    void theDefaultPartitionsAreRequired() {
        assertThatThrownBy(() -> TopicCreationConfig.groups(Map.of("topic.creation.default.replication.factor", "1")))
                .hasMessage("Missing required configuration \"topic.creation.default.partitions\" which has no "
                        + "default value.");
    }

    @Test
    void partitionsMustBePositiveOrMinusOne() {
        assertThatThrownBy(() -> TopicCreationConfig.groups(defaults("0", "1")))
                .hasMessage("Invalid value 0 for configuration partitions: Number of partitions must be positive, or "
                        + "-1 to use the broker's default");
    }

    @Test
    void replicationFactorMustBePositiveOrMinusOne() {
        assertThatThrownBy(() -> TopicCreationConfig.groups(defaults("1", "-2")))
                .hasMessage("Invalid value -2 for configuration replication.factor: Replication factor must be "
                        + "positive and not larger than the number of brokers in the Kafka cluster, or -1 to use the "
                        + "broker's default");
    }

    @Test
    void sizesMustBeNumbers() {
        assertThatThrownBy(() -> TopicCreationConfig.groups(defaults("x", "1")))
                .hasMessage("Invalid value x for configuration topic.creation.default.partitions: Not a number of "
                        + "type INT");
    }

    @Test
    void includeRegexesMustCompile() {
        Map<String, String> config = defaults("1", "1");
        config.put("topic.creation.groups", "g1");
        config.put("topic.creation.g1.include", "t(");

        assertThatThrownBy(() -> TopicCreationConfig.groups(config))
                .hasMessage("Invalid value [t(] for configuration include: Syntax error in regular expression: "
                        + "Unclosed group near index 2\nt(");
    }

    private static Map<String, String> defaults(String partitions, String replicationFactor) {
        Map<String, String> config = new HashMap<>();
        config.put("topic.creation.default.partitions", partitions);
        config.put("topic.creation.default.replication.factor", replicationFactor);
        return config;
    }

    private static String firstMatch(List<TopicCreationGroup> groups, String topic) {
        return groups.stream().filter(group -> group.matches(topic)).findFirst().orElseThrow().name();
    }
}
