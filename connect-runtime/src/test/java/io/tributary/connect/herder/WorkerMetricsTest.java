package io.tributary.connect.herder;

import io.tributary.connect.testkit.KafkaBroker;
import io.tributary.connect.testkit.KafkaBrokerExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import javax.management.MBeanServer;
import javax.management.ObjectName;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import static io.tributary.connect.herder.StandaloneHerderLifecycleTest.scripted;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The worker's {@code connect-worker-metrics} and {@code connector-metrics} MBeans, read over the platform
 * MBean server as JMX tools read them, follow connectors and tasks as they start, fail, pause and go away.
 */
@ExtendWith(KafkaBrokerExtension.class)
class WorkerMetricsTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private final MBeanServer server = ManagementFactory.getPlatformMBeanServer();

    @TempDir
    Path dir;
    private StandaloneRuntime runtime;

    @BeforeEach
    void start(KafkaBroker kafka) {
        runtime = StandaloneRuntime.start(kafka, dir.resolve("connect.offsets"));
    }

    @AfterEach
    void stop() {
        runtime.close();
    }

    @Test
    void aRunningConnectorAndItsTasksAreCountedAndDescribed() throws Exception {
        runtime.put("metered", scripted("tasks.max", "2"));

        await().atMost(WAIT).untilAsserted(() ->
                assertThat(attribute(tasksOf("metered"), "connector-running-task-count")).isEqualTo(2L));
        assertThat(attribute(worker(), "connector-count")).isEqualTo(1.0);
        assertThat(attribute(worker(), "task-count")).isEqualTo(2.0);
        assertThat(attribute(worker(), "connector-startup-attempts-total")).isEqualTo(1.0);
        assertThat(attribute(worker(), "connector-startup-success-total")).isEqualTo(1.0);
        assertThat(attribute(worker(), "connector-startup-success-percentage")).isEqualTo(1.0);
        assertThat(attribute(worker(), "task-startup-success-total")).isEqualTo(2.0);
        assertThat(attribute(worker(), "task-startup-failure-total")).isEqualTo(0.0);
        assertThat(attribute(tasksOf("metered"), "connector-total-task-count")).isEqualTo(2L);
        assertThat(attribute(tasksOf("metered"), "connector-failed-task-count")).isEqualTo(0L);
        await().atMost(WAIT).untilAsserted(() ->
                assertThat(attribute(connector("metered"), "status")).isEqualTo("running"));
        assertThat(attribute(connector("metered"), "connector-type")).isEqualTo("source");
        assertThat(attribute(connector("metered"), "connector-class")).isEqualTo(ScriptedSourceConnector.class.getName());
        assertThat(attribute(connector("metered"), "connector-version")).isEqualTo(ScriptedSourceConnector.VERSION);
    }

    @Test
    void aTaskThatFailsIsCountedAsFailedNotRunning() throws Exception {
        ScriptedSourceConnector.armFailure("failing");
        try {
            runtime.put("failing", scripted("fail", "start"));

            await().atMost(WAIT).untilAsserted(() ->
                    assertThat(attribute(tasksOf("failing"), "connector-failed-task-count")).isEqualTo(1L));
            assertThat(attribute(tasksOf("failing"), "connector-running-task-count")).isEqualTo(0L);
            assertThat(attribute(tasksOf("failing"), "connector-total-task-count")).isEqualTo(1L);
            assertThat(attribute(connector("failing"), "status")).isEqualTo("running");
            // A task whose start() threw did not start: its attempt counts as a failure, as in Kafka Connect.
            assertThat(attribute(worker(), "task-startup-attempts-total")).isEqualTo(1.0);
            assertThat(attribute(worker(), "task-startup-failure-total")).isEqualTo(1.0);
            assertThat(attribute(worker(), "task-startup-success-total")).isEqualTo(0.0);
            assertThat(attribute(worker(), "connector-startup-success-total")).isEqualTo(1.0);
        } finally {
            ScriptedSourceConnector.disarmFailure("failing");
        }
    }

    @Test
    void aConnectorThatFailsToStartStillReportsItsStatusAndCountsTheFailedStartup() throws Exception {
        ScriptedSourceConnector.armFailure("broken");
        try {
            runtime.put("broken", scripted("fail", "connector"));

            await().atMost(WAIT).untilAsserted(() ->
                    assertThat(attribute(connector("broken"), "status")).isEqualTo("failed"));
            assertThat(attribute(connector("broken"), "connector-class"))
                    .isEqualTo(ScriptedSourceConnector.class.getName());
            assertThat(attribute(worker(), "connector-startup-failure-total")).isEqualTo(1.0);
            assertThat(attribute(worker(), "connector-startup-success-total")).isEqualTo(0.0);
            assertThat(attribute(worker(), "connector-startup-failure-percentage")).isEqualTo(1.0);
        } finally {
            ScriptedSourceConnector.disarmFailure("broken");
        }
    }

    @Test
    void aPausedConnectorAndItsTasksReportPaused() throws Exception {
        runtime.put("pausing", scripted());
        await().atMost(WAIT).untilAsserted(() ->
                assertThat(attribute(tasksOf("pausing"), "connector-running-task-count")).isEqualTo(1L));

        runtime.herder.pauseConnector("pausing").get(30, TimeUnit.SECONDS);

        await().atMost(WAIT).untilAsserted(() -> {
            assertThat(attribute(tasksOf("pausing"), "connector-paused-task-count")).isEqualTo(1L);
            assertThat(attribute(connector("pausing"), "status")).isEqualTo("paused");
        });
        assertThat(attribute(tasksOf("pausing"), "connector-running-task-count")).isEqualTo(0L);
    }

    @Test
    void aDeletedConnectorTakesItsMetricsWithIt() throws Exception {
        runtime.put("deleted", scripted());
        await().atMost(WAIT).untilAsserted(() ->
                assertThat(attribute(tasksOf("deleted"), "connector-running-task-count")).isEqualTo(1L));

        runtime.herder.deleteConnectorConfig(RequestContext.CLIENT, "deleted").get(30, TimeUnit.SECONDS);

        await().atMost(WAIT).untilAsserted(() -> {
            assertThat(server.isRegistered(connector("deleted"))).isFalse();
            assertThat(server.isRegistered(tasksOf("deleted"))).isFalse();
        });
        assertThat(attribute(worker(), "connector-count")).isEqualTo(0.0);
        assertThat(attribute(worker(), "task-count")).isEqualTo(0.0);
    }

    private Object attribute(ObjectName name, String attribute) throws Exception {
        return server.getAttribute(name, attribute);
    }

    private static ObjectName worker() throws Exception {
        return new ObjectName("kafka.connect:type=connect-worker-metrics");
    }

    private static ObjectName tasksOf(String connector) throws Exception {
        return new ObjectName("kafka.connect:type=connect-worker-metrics,connector=" + connector);
    }

    private static ObjectName connector(String connector) throws Exception {
        return new ObjectName("kafka.connect:type=connector-metrics,connector=" + connector);
    }
}
