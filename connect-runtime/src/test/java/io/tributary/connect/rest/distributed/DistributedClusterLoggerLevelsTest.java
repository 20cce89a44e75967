package io.tributary.connect.rest.distributed;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.tributary.connect.e2e.RestClient;
import io.tributary.connect.testkit.KafkaBroker;
import io.tributary.connect.testkit.KafkaBrokerExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.LoggerFactory;

/**
 * KIP-976 cluster scope: a PUT with scope=cluster on one worker goes through the config topic and every
 * worker applies it. Both workers share this JVM's Logback, so each worker's applying is seen in its log line.
 */
@ExtendWith(KafkaBrokerExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DistributedClusterLoggerLevelsTest {

    private TwoWorkerCluster cluster;

    @BeforeAll
    void startCluster(KafkaBroker broker) {
        cluster = TwoWorkerCluster.start(broker);
    }

    @AfterAll
    void stopCluster() {
        cluster.close();
    }

    @Test
    void aClusterScopePutOnOneWorkerIsAnswered204AndAppliedByEveryWorker() {
        String namespace = DistributedRestFixture.uniqueName("io.tributary.test.cluster");
        ListAppender<ILoggingEvent> applied = capture("io.tributary.connect.herder.ClusterLoggerLevels");

        RestClient.Response answer = cluster.follower()
                .put("/admin/loggers/" + namespace + "?scope=cluster", "{\"level\":\"TRACE\"}");

        assertThat(answer.status()).isEqualTo(204);
        TwoWorkerCluster.await("both workers to apply the level", () -> applied.list.stream()
                .filter(event -> event.getFormattedMessage().contains(namespace + " set to TRACE")).count() == 2);
        assertThat(cluster.leader().get("/admin/loggers/" + namespace).json().get("level").asText())
                .isEqualTo("TRACE");
    }

    @Test
    void anInvalidClusterScopeLevelIsRefusedBeforeAnythingIsWritten() {
        RestClient.Response answer = cluster.leader()
                .put("/admin/loggers/io.tributary.test.bad?scope=cluster", "{\"level\":\"LOUD\"}");

        assertThat(answer.status()).isEqualTo(404);
        assertThat(answer.json().get("message").asText()).isEqualTo("invalid log level 'LOUD'.");
    }

    private static ListAppender<ILoggingEvent> capture(String logger) {
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.start();
        ((Logger) LoggerFactory.getLogger(logger)).addAppender(appender);
        return appender;
    }
}
