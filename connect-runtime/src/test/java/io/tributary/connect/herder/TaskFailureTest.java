package io.tributary.connect.herder;

import static io.tributary.connect.herder.StandaloneHerderLifecycleTest.scripted;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import io.tributary.connect.model.ConnectorStateInfo;
import io.tributary.connect.model.ConnectorTaskId;
import io.tributary.connect.testkit.KafkaBroker;
import io.tributary.connect.testkit.KafkaBrokerExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(KafkaBrokerExtension.class)
class TaskFailureTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @TempDir
    static Path dir;
    private static StandaloneRuntime runtime;

    @BeforeAll
    static void startRuntime(KafkaBroker kafka) throws Exception {
        runtime = StandaloneRuntime.start(kafka, dir.resolve("connect.offsets"));
        runtime.put("bystander", scripted());
    }

    @AfterAll
    static void stopRuntime() {
        runtime.close();
    }

    @Test
    void taskThrowingInStartIsFailedWithItsTraceAndRecoversOnRestart() throws Exception {
        ScriptedSourceConnector.armFailure("fails-in-start");
        runtime.put("fails-in-start", scripted("fail", "start"));

        ConnectorStateInfo.TaskState failed = awaitTaskState("fails-in-start", "FAILED");
        assertThat(failed.trace()).contains("IllegalStateException: scripted failure in start of fails-in-start")
                .contains("\tat ");
        assertBystanderStillRuns();

        ScriptedSourceConnector.disarmFailure("fails-in-start");
        runtime.herder.restartTask(RequestContext.CLIENT, new ConnectorTaskId("fails-in-start", 0)).get(30, TimeUnit.SECONDS);
        assertThat(awaitTaskState("fails-in-start", "RUNNING").trace()).isNull();
    }

    @Test
    void taskThrowingInPollIsFailedWithItsTraceAndRecoversOnRestart() throws Exception {
        runtime.put("fails-in-poll", scripted("fail", "poll"));
        awaitTaskState("fails-in-poll", "RUNNING");

        ScriptedSourceConnector.armFailure("fails-in-poll");
        ConnectorStateInfo.TaskState failed = awaitTaskState("fails-in-poll", "FAILED");
        assertThat(failed.trace()).contains("scripted failure in poll of fails-in-poll");
        assertThat(runtime.herder.connectorStatus("fails-in-poll").connector().state()).isEqualTo("RUNNING");
        assertBystanderStillRuns();

        ScriptedSourceConnector.disarmFailure("fails-in-poll");
        runtime.herder.restartTask(RequestContext.CLIENT, new ConnectorTaskId("fails-in-poll", 0)).get(30, TimeUnit.SECONDS);
        awaitTaskState("fails-in-poll", "RUNNING");
    }

    @Test
    void recordTheBrokerRefusesFailsTheTaskInsteadOfBeingLost(KafkaBroker kafka) throws Exception {
        kafka.createTopic("refused-records");
        runtime.put("too-large", scripted("topic", "refused-records", "emit.bytes", "5000",
                "producer.override.max.request.size", "1000"));

        ConnectorStateInfo.TaskState failed = awaitTaskState("too-large", "FAILED");

        assertThat(failed.trace()).contains("Unrecoverable exception from producer send callback")
                .contains("RecordTooLargeException");
        assertBystanderStillRuns();
    }

    private static void assertBystanderStillRuns() {
        ConnectorStateInfo bystander = runtime.herder.connectorStatus("bystander");
        assertThat(bystander.connector().state()).isEqualTo("RUNNING");
        assertThat(bystander.tasks()).extracting(ConnectorStateInfo.TaskState::state).containsExactly("RUNNING");
    }

    private static ConnectorStateInfo.TaskState awaitTaskState(String connector, String state) {
        return await().atMost(WAIT).until(() -> runtime.herder.taskStatus(new ConnectorTaskId(connector, 0)),
                task -> task.state().equals(state));
    }
}
