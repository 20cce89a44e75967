package io.tributary.connect.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(KafkaBrokerExtension.class)
class TopicCreationTest {

    @Test
    void topicConfigsGivenAtCreationAreVisibleToAdmin(KafkaBroker kafka) throws Exception {
        kafka.createTopic("compacted", 1, Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT));

        ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, "compacted");
        try (Admin admin = kafka.admin()) {
            Config config = admin.describeConfigs(List.of(resource)).all().get().get(resource);
            assertThat(config.get(TopicConfig.CLEANUP_POLICY_CONFIG).value())
                    .isEqualTo(TopicConfig.CLEANUP_POLICY_COMPACT);
        }
    }

    @Test
    void topicIsCreatedWithTheRequestedPartitionCount(KafkaBroker kafka) throws Exception {
        kafka.createTopic("three-partitions", 3);

        try (Admin admin = kafka.admin()) {
            TopicDescription description = admin.describeTopics(List.of("three-partitions"))
                    .allTopicNames().get().get("three-partitions");
            assertThat(description.partitions()).hasSize(3);
        }
    }
}
