package io.tributary.connect.rest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;

import io.tributary.connect.testkit.KafkaBroker;
import io.tributary.connect.testkit.KafkaBrokerExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** topic.tracking.enable and topic.tracking.allow.reset turn the topics endpoints into 403s. */
@ExtendWith(KafkaBrokerExtension.class)
class TopicTrackingSettingsTest {

    @TempDir
    Path dir;

    @Test
    void disabledTrackingForbidsReadingTopics(KafkaBroker kafka) {
        try (LiveWorker worker = LiveWorker.start(kafka, dir, Map.of("topic.tracking.enable", "false"))) {
            RestTestServer.Answer answer = worker.get("/connectors/any/topics");

            assertThat(answer.status()).isEqualTo(403);
            assertThat(answer.json().get("message").asText()).isEqualTo("Topic tracking is disabled.");
        }
    }

    @Test
    void disallowedResetForbidsResettingTopics(KafkaBroker kafka) {
        try (LiveWorker worker = LiveWorker.start(kafka, dir, Map.of("topic.tracking.allow.reset", "false"))) {
            RestTestServer.Answer answer = worker.put("/connectors/any/topics/reset", null);

            assertThat(answer.status()).isEqualTo(403);
            assertThat(answer.json().get("message").asText()).isEqualTo("Topic tracking reset is disabled.");
        }
    }
}
