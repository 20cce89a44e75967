package org.apache.kafka.connect.util;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.tributary.connect.testkit.KafkaBroker;
import io.tributary.connect.testkit.KafkaBrokerExtension;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The topic definitions MirrorMaker 2 creates its internal topics from, and the admin it hands its logs. */
@ExtendWith(KafkaBrokerExtension.class)
class TopicAdminTest {

    @Test
    void aCompactedTopicWithPartitionsAndReplicationIsDefinedAsAsked() {
        NewTopic topic = TopicAdmin.defineTopic("syncs").compacted().partitions(1).replicationFactor((short) 3).build();

        assertThat(topic.name()).isEqualTo("syncs");
        assertThat(topic.numPartitions()).isEqualTo(1);
        assertThat(topic.replicationFactor()).isEqualTo((short) 3);
        assertThat(topic.configs()).containsExactly(Map.entry("cleanup.policy", "compact"));
    }

    @Test
    void partitionsAndReplicationLeftUnsetAreTheBrokersDefaults() {
        NewTopic topic = TopicAdmin.defineTopic("plain").build();

        assertThat(topic.numPartitions()).isEqualTo(-1);
        assertThat(topic.replicationFactor()).isEqualTo((short) -1);
        assertThat(topic.configs()).isEmpty();
    }

    @Test
    void aDefinitionCreatesTheTopicOnARealBroker(KafkaBroker broker) throws Exception {
        String name = "defined-" + UUID.randomUUID();
        try (Admin admin = broker.admin()) {
            admin.createTopics(List.of(TopicAdmin.defineTopic(name).compacted().partitions(2)
                    .replicationFactor((short) 1).build())).all().get(30, TimeUnit.SECONDS);

            TopicDescription description = admin.describeTopics(List.of(name)).allTopicNames()
                    .get(30, TimeUnit.SECONDS).get(name);
            assertThat(description.partitions()).hasSize(2);
        }
    }

    @Test
    void endOffsetsAreTheLogEndsAndCloseClosesTheAdmin(KafkaBroker broker) throws Exception {
        String name = "ends-" + UUID.randomUUID();
        broker.createTopic(name, 1);
        Admin admin = broker.admin();
        TopicAdmin topicAdmin = new TopicAdmin(broker.adminProperties(), admin);
        TopicPartition partition = new TopicPartition(name, 0);

        // Right after creation the broker may not know the partition's metadata yet (UnknownTopicOrPartition).
        await().atMost(Duration.ofSeconds(30)).ignoreExceptions().untilAsserted(() ->
                assertThat(topicAdmin.endOffsets(Set.of(partition))).containsExactly(Map.entry(partition, 0L)));

        topicAdmin.close();
        assertThatThrownBy(() -> admin.listTopics().names().get(5, TimeUnit.SECONDS))
                .hasMessageContaining("AdminClient is closing");
    }
}
