package io.tributary.connect.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.tributary.connect.model.TaskInfo;
import io.tributary.connect.testkit.KafkaBroker;
import io.tributary.connect.testkit.KafkaBrokerExtension;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.common.errors.GroupIdNotFoundException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** Client overrides under the worker's policy, and config provider references, on a real broker. */
@ExtendWith(KafkaBrokerExtension.class)
class ClientOverridesAndProvidersTest {

    @TempDir
    Path dir;

    @Test
    void anOverrideThePolicyForbidsIsRefusedNamingTheKeyAndThePolicy(KafkaBroker kafka) throws Exception {
        Map<String, String> config = sink("ov-refused", "ov-refused");
        config.put("consumer.override.max.poll.records", "10");

        try (PipelineWorker worker = PipelineWorker.start(kafka, dir,
                Map.of("connector.client.config.override.policy", "None"))) {
            assertThatThrownBy(() -> worker.put("ov-refused", config))
                    .hasMessageContaining("The 'None' policy does not allow 'max.poll.records' to be overridden in "
                            + "the connector configuration.");
        }
    }

    @Test
    void validationReportsAForbiddenOverrideUnderItsPrefixedNameWithThePolicysMessage(KafkaBroker kafka)
            throws Exception {
        Map<String, String> config = sink("ov-validate", "ov-validate");
        config.put("name", "ov-validate");
        config.put("consumer.override.max.poll.records", "10");

        try (PipelineWorker worker = PipelineWorker.start(kafka, dir,
                Map.of("connector.client.config.override.policy", "None"))) {
            var answer = worker.herder.validateConnectorConfig(config).get(60, java.util.concurrent.TimeUnit.SECONDS);

            assertThat(answer.errorCount()).isEqualTo(1);
            var refused = answer.configs().stream()
                    .filter(info -> info.definition().name().equals("consumer.override.max.poll.records"))
                    .findFirst().orElseThrow();
            assertThat(refused.definition().type()).isEqualTo("INT");
            assertThat(refused.value().value()).isEqualTo("10");
            assertThat(refused.value().errors()).containsExactly("The 'None' policy does not allow "
                    + "'max.poll.records' to be overridden in the connector configuration.");
        }
    }

    @Test
    void allowedOverridesReachTheClientsTheWorkerBuilds(KafkaBroker kafka) throws Exception {
        kafka.createTopic("ov-applied");
        Map<String, String> config = sink("ov-applied", "ov-applied");
        config.put("consumer.override.client.id", "overridden-consumer");

        try (PipelineWorker worker = PipelineWorker.start(kafka, dir,
                Map.of("connector.client.config.override.policy", "All")); Admin admin = kafka.admin()) {
            worker.put("ov-applied", config);

            // The broker does not know the group until the sink's consumer first joined it.
            await().atMost(PipelineWorker.WAIT).ignoreExceptionsMatching(
                    e -> e.getCause() instanceof GroupIdNotFoundException).until(() -> {
                ConsumerGroupDescription group = admin.describeConsumerGroups(List.of("connect-ov-applied"))
                        .describedGroups().get("connect-ov-applied").get();
                return group.members().stream().map(MemberDescription::clientId).toList()
                        .contains("overridden-consumer");
            });
        }
    }

    @Test
    void aConnectorRunsWithTheSecretButItsConfigAndTaskConfigsShowTheReference(KafkaBroker kafka) throws Exception {
        kafka.createTopic("cp-secret");
        Path secrets = dir.resolve("secrets.properties");
        Files.writeString(secrets, "collector=resolved-collector\n");
        String reference = "${file:" + secrets + ":collector}";
        Map<String, String> workerProps = Map.of("config.providers", "file",
                "config.providers.file.class", "org.apache.kafka.common.config.provider.FileConfigProvider");
        Records.produce(kafka, "cp-secret", "hello");

        try (PipelineWorker worker = PipelineWorker.start(kafka, dir, workerProps)) {
            worker.put("secretive", sink("cp-secret", reference));

            await().atMost(PipelineWorker.WAIT)
                    .until(() -> !CollectingSinkConnector.collected("resolved-collector").isEmpty());
            assertThat(worker.herder.connectorConfig("secretive").get(30, TimeUnit.SECONDS))
                    .containsEntry("collector", reference);
            List<TaskInfo> tasks = worker.herder.taskConfigs("secretive").get(30, TimeUnit.SECONDS);
            assertThat(tasks).singleElement()
                    .satisfies(task -> assertThat(task.config()).containsEntry("collector", reference));
            assertThat(CollectingSinkConnector.collected(reference)).isEmpty();
        }
    }

    private static Map<String, String> sink(String topic, String collector) {
        Map<String, String> config = new HashMap<>();
        config.put("connector.class", CollectingSinkConnector.class.getName());
        config.put("topics", topic);
        config.put("collector", collector);
        return config;
    }
}
