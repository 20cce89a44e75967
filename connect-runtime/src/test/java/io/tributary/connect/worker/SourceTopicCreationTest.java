package io.tributary.connect.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.tributary.connect.testkit.KafkaBroker;
import io.tributary.connect.testkit.KafkaBrokerExtension;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.common.config.ConfigResource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** A source connector's topics created by the worker from topic.creation groups, on a real broker. */
@ExtendWith(KafkaBrokerExtension.class)
class SourceTopicCreationTest {

    @TempDir
    Path dir;

    @Test
    void theTopicIsCreatedWithTheFirstMatchingGroupsPartitionsAndTopicConfigs(KafkaBroker kafka) throws Exception {
        Map<String, String> config = fileSource("tc-made-here", "made");
        config.put("topic.creation.groups", "narrow,wide");
        config.put("topic.creation.narrow.include", "tc-other");
        config.put("topic.creation.narrow.partitions", "7");
        config.put("topic.creation.wide.include", "tc-made.*");
        config.put("topic.creation.wide.partitions", "3");
        config.put("topic.creation.wide.retention.ms", "3600000");
        config.put("topic.creation.wide.compression.type", "lz4");

        try (PipelineWorker worker = PipelineWorker.start(kafka, dir); Admin admin = kafka.admin()) {
            worker.put("made", config);

            assertThat(Records.consume(kafka, "tc-made-here", 2)).hasSize(2);
            assertThat(partitions(admin, "tc-made-here")).isEqualTo(3);
            Config topicConfig = topicConfig(admin, "tc-made-here");
            assertThat(topicConfig.get("retention.ms").value()).isEqualTo("3600000");
            assertThat(topicConfig.get("compression.type").value()).isEqualTo("lz4");
        }
    }

    @Test
    void anExistingTopicIsLeftAsItIs(KafkaBroker kafka) throws Exception {
        kafka.createTopic("tc-existing", 2);
        Map<String, String> config = fileSource("tc-existing", "existing");
        config.put("topic.creation.default.partitions", "5");

        try (PipelineWorker worker = PipelineWorker.start(kafka, dir); Admin admin = kafka.admin()) {
            worker.put("existing", config);

            assertThat(Records.consume(kafka, "tc-existing", 2)).hasSize(2);
            assertThat(partitions(admin, "tc-existing")).isEqualTo(2);
        }
    }

    @Test
    void invalidTopicCreationSettingsAreRefusedWhenTheConnectorIsCreated(KafkaBroker kafka) throws Exception {
        Map<String, String> config = fileSource("tc-refused", "refused");
        config.put("topic.creation.default.partitions", "0");

        try (PipelineWorker worker = PipelineWorker.start(kafka, dir)) {
            assertThatThrownBy(() -> worker.put("refused", config))
                    .hasMessageContaining("Invalid value 0 for configuration partitions: Number of partitions must be "
                            + "positive, or -1 to use the broker's default");
        }
    }

    private Map<String, String> fileSource(String topic, String name) throws Exception {
        Path file = dir.resolve(name + ".txt");
        Files.write(file, List.of("line one", "line two"));
        Map<String, String> config = new HashMap<>();
        config.put("connector.class", "FileStreamSource");
        config.put("file", file.toString());
        config.put("topic", topic);
        config.put("topic.creation.default.replication.factor", "1");
        config.put("topic.creation.default.partitions", "1");
        return config;
    }

    private static int partitions(Admin admin, String topic) throws Exception {
        return admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions().size();
    }

    private static Config topicConfig(Admin admin, String topic) throws Exception {
        ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
        return admin.describeConfigs(List.of(resource)).all().get().get(resource);
    }
}
