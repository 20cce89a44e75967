package io.tributary.connect.herder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.tributary.connect.model.ConnectorInfo;
import io.tributary.connect.model.ConnectorStateInfo;
import io.tributary.connect.model.ConnectorTaskId;
import io.tributary.connect.model.ConnectorType;
import io.tributary.connect.model.RestartRequest;
import io.tributary.connect.model.TargetState;
import io.tributary.connect.model.TaskInfo;
import io.tributary.connect.testkit.KafkaBroker;
import io.tributary.connect.testkit.KafkaBrokerExtension;
import org.apache.kafka.connect.errors.AlreadyExistsException;
import org.apache.kafka.connect.errors.NotFoundException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(KafkaBrokerExtension.class)
class StandaloneHerderLifecycleTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @TempDir
    static Path dir;
    private static StandaloneRuntime runtime;
    private static StandaloneHerder herder;

    @BeforeAll
    static void startRuntime(KafkaBroker kafka) {
        runtime = StandaloneRuntime.start(kafka, dir.resolve("connect.offsets"));
        herder = runtime.herder;
    }

    @AfterAll
    static void stopRuntime() {
        runtime.close();
    }

    @Test
    void createdConnectorRunsItsTasksAndReportsThemWithWorkerIdAndVersion() throws Exception {
        ConnectorInfo info = runtime.put("running", scripted("tasks.max", "2"));

        assertThat(info.tasks()).containsExactly(new ConnectorTaskId("running", 0), new ConnectorTaskId("running", 1));
        assertThat(info.type()).isEqualTo(ConnectorType.SOURCE);
        awaitStates("running", "RUNNING", "RUNNING", "RUNNING");
        ConnectorStateInfo status = herder.connectorStatus("running");
        assertThat(status.connector().workerId()).isEqualTo(runtime.workerId());
        assertThat(status.connector().version()).isEqualTo(ScriptedSourceConnector.VERSION);
        assertThat(status.tasks().get(0).version()).isEqualTo(ScriptedSourceConnector.VERSION);
    }

    @Test
    void taskConfigsAreTheConnectorsAnswerPlusTaskClass() throws Exception {
        runtime.put("configs", scripted());

        List<TaskInfo> tasks = herder.taskConfigs("configs").get(10, TimeUnit.SECONDS);

        assertThat(tasks).hasSize(1);
        assertThat(tasks.get(0).config())
                .containsEntry("task.class", ScriptedSourceConnector.ScriptedTask.class.getName())
                .containsEntry("name", "configs");
    }

    @Test
    void creatingAnExistingConnectorIsAConflict() throws Exception {
        runtime.put("twice", scripted());

        assertThatThrownBy(() -> runtime.put("twice", scripted()))
                .cause().isInstanceOf(AlreadyExistsException.class).hasMessage("Connector twice already exists");
    }

    @Test
    void invalidConfigurationListsEveryErrorAsApacheDoes() {
        assertThatThrownBy(() -> runtime.put("invalid", scripted("tasks.max", "abc")))
                .cause().isInstanceOf(BadRequestException.class)
                .hasMessage("Connector configuration is invalid and contains the following 2 error(s):\n"
                        + "Invalid value abc for configuration tasks.max: Not a number of type INT\n"
                        + "Invalid value null for configuration tasks.max: Value must be non-null\n"
                        + "You can also find the above list of errors at the endpoint "
                        + "`/connector-plugins/{connectorType}/config/validate`");
    }

    @Test
    void connectorsOwnValidationErrorsAreReported() {
        assertThatThrownBy(() -> runtime.put("own-errors", scripted("fail", "sometimes")))
                .cause().isInstanceOf(BadRequestException.class)
                .hasMessageContaining("1 error(s)")
                .hasMessageContaining("configuration fail");
    }

    @Test
    void configurationWithoutConnectorClassIsRejected() {
        Map<String, String> config = new HashMap<>();
        config.put("name", "typeless");
        config.put("file", "/tmp/x");

        assertThatThrownBy(() -> herder.putConnectorConfig(RequestContext.CLIENT, "typeless", config, null, false).get())
                .cause().isInstanceOf(BadRequestException.class)
                .hasMessageStartingWith("Connector config " + config + " contains no connector type")
                .hasMessageContaining("connector.class");
    }

    @Test
    void unknownConnectorClassIsABadRequest() {
        assertThatThrownBy(() -> runtime.put("unknown-class", Map.of("connector.class", "Nope")))
                .cause().isInstanceOf(BadRequestException.class)
                .hasMessageContaining("Nope").hasMessageContaining("connector.class");
    }

    @Test
    void pausedConnectorReportsPausedTasksAndResumes() throws Exception {
        runtime.put("pausing", scripted());
        awaitStates("pausing", "RUNNING", "RUNNING");

        herder.pauseConnector("pausing").get(10, TimeUnit.SECONDS);
        awaitStates("pausing", "PAUSED", "PAUSED");

        herder.resumeConnector("pausing").get(10, TimeUnit.SECONDS);
        awaitStates("pausing", "RUNNING", "RUNNING");
    }

    @Test
    void stoppedConnectorHasNoTasksUntilResumed() throws Exception {
        runtime.put("stopping", scripted());
        awaitStates("stopping", "RUNNING", "RUNNING");

        herder.stopConnector(RequestContext.CLIENT, "stopping").get(10, TimeUnit.SECONDS);
        awaitStates("stopping", "STOPPED");
        assertThat(herder.taskConfigs("stopping").get(10, TimeUnit.SECONDS)).isEmpty();

        herder.resumeConnector("stopping").get(10, TimeUnit.SECONDS);
        awaitStates("stopping", "RUNNING", "RUNNING");
    }

    @Test
    void initialStatePausedCreatesNoTasksUntilResumed() throws Exception {
        ConnectorInfo info = runtime.put("born-paused", scripted(), TargetState.PAUSED);

        assertThat(info.tasks()).isEmpty();
        awaitStates("born-paused", "PAUSED");

        herder.resumeConnector("born-paused").get(10, TimeUnit.SECONDS);
        awaitStates("born-paused", "RUNNING", "RUNNING");
    }

    @Test
    void initialStateStoppedReportsStopped() throws Exception {
        runtime.put("born-stopped", scripted(), TargetState.STOPPED);

        awaitStates("born-stopped", "STOPPED");
    }

    @Test
    void deletedConnectorIsForgottenWithItsStatuses() throws Exception {
        runtime.put("deleted", scripted());
        awaitStates("deleted", "RUNNING", "RUNNING");

        herder.deleteConnectorConfig(RequestContext.CLIENT, "deleted").get(10, TimeUnit.SECONDS);

        assertThat(herder.connectors().get(10, TimeUnit.SECONDS)).doesNotContain("deleted");
        assertThatThrownBy(() -> herder.connectorStatus("deleted"))
                .isInstanceOf(NotFoundException.class).hasMessage("No status found for connector deleted");
        assertThatThrownBy(() -> herder.connectorInfo("deleted").get())
                .cause().isInstanceOf(NotFoundException.class).hasMessage("Connector deleted not found");
    }

    @Test
    void patchMergesKeysAndNullRemovesOne() throws Exception {
        runtime.put("patched", scripted("extra", "1", "other", "x"));

        Map<String, String> patch = new HashMap<>();
        patch.put("extra", "2");
        patch.put("other", null);
        ConnectorInfo info = herder.patchConnectorConfig(RequestContext.CLIENT, "patched", patch).get(30, TimeUnit.SECONDS).result();

        assertThat(info.config()).containsEntry("extra", "2").doesNotContainKey("other");
        await().atMost(WAIT).until(() -> herder.taskConfigs("patched").get().get(0).config().get("extra"),
                "2"::equals);
    }

    @Test
    void requestsForUnknownConnectorsAnswerAsApacheDoes() {
        assertThatThrownBy(() -> herder.pauseConnector("nope").get())
                .cause().isInstanceOf(NotFoundException.class).hasMessage("Unknown connector nope");
        assertThatThrownBy(() -> herder.deleteConnectorConfig(RequestContext.CLIENT, "nope").get())
                .cause().isInstanceOf(NotFoundException.class).hasMessage("Connector nope not found");
        assertThatThrownBy(() -> herder.patchConnectorConfig(RequestContext.CLIENT, "nope", Map.of("topic", "x")).get())
                .cause().isInstanceOf(NotFoundException.class).hasMessage("Connector nope not found");
        assertThatThrownBy(() -> herder.taskStatus(new ConnectorTaskId("nope", 5)))
                .isInstanceOf(NotFoundException.class).hasMessage("No status found for task nope-5");
    }

    @Test
    void restartingAnUnknownConnectorIsNotFound() {
        assertThatThrownBy(() -> herder.restartConnector(RequestContext.CLIENT, "nope").get())
                .cause().isInstanceOf(NotFoundException.class).hasMessage("Connector nope not found");
    }

    @Test
    void restartingAnUnknownTaskIsNotFound() throws Exception {
        runtime.put("few-tasks", scripted());

        assertThatThrownBy(() -> herder.restartTask(RequestContext.CLIENT, new ConnectorTaskId("few-tasks", 9)).get())
                .cause().isInstanceOf(NotFoundException.class).hasMessage("Task few-tasks-9 not found");
    }

    @Test
    void restartWithTasksAnswersRestartingAndRunsAgain() throws Exception {
        runtime.put("restarted", scripted());
        awaitStates("restarted", "RUNNING", "RUNNING");

        ConnectorStateInfo answer = herder.restartConnectorAndTasks(RequestContext.CLIENT, new RestartRequest("restarted", false, true))
                .get(30, TimeUnit.SECONDS);

        assertThat(answer.connector().state()).isEqualTo("RESTARTING");
        assertThat(answer.tasks()).extracting(ConnectorStateInfo.TaskState::state).containsExactly("RESTARTING");
        awaitStates("restarted", "RUNNING", "RUNNING");
    }

    @Test
    void onlyFailedRestartOfAHealthyConnectorAnswersItsCurrentStates() throws Exception {
        runtime.put("healthy", scripted());
        awaitStates("healthy", "RUNNING", "RUNNING");

        ConnectorStateInfo answer = herder.restartConnectorAndTasks(RequestContext.CLIENT, new RestartRequest("healthy", true, true))
                .get(30, TimeUnit.SECONDS);

        assertThat(answer.connector().state()).isEqualTo("RUNNING");
        assertThat(answer.tasks()).extracting(ConnectorStateInfo.TaskState::state).containsExactly("RUNNING");
    }

    private static void awaitStates(String connector, String connectorState, String... taskStates) {
        await().atMost(WAIT).untilAsserted(() -> {
            ConnectorStateInfo status = herder.connectorStatus(connector);
            assertThat(status.connector().state()).isEqualTo(connectorState);
            assertThat(status.tasks()).extracting(ConnectorStateInfo.TaskState::state).containsExactly(taskStates);
        });
    }

    static Map<String, String> scripted(String... keyValues) {
        Map<String, String> config = new HashMap<>();
        config.put("connector.class", ScriptedSourceConnector.class.getName());
        config.put("topic", "unused");
        for (int i = 0; i < keyValues.length; i += 2) {
            config.put(keyValues[i], keyValues[i + 1]);
        }
        return config;
    }

}
