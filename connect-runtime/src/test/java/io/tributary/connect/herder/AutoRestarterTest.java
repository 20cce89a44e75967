package io.tributary.connect.herder;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.tributary.connect.ManualTime;
import io.tributary.connect.config.AutoRestartConfig;
import io.tributary.connect.model.ConnectorTaskId;
import io.tributary.connect.model.State;
import org.apache.kafka.common.MetricName;
import org.apache.kafka.common.metrics.Metrics;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The restarter's decisions, with the herder thread played by the test: work handed to the thread runs at once,
 * delayed work waits in a list until the test runs it.
 */
class AutoRestarterTest {

    private static final ConnectorTaskId TASK = new ConnectorTaskId("sink", 0);
    private static final AutoRestartConfig.Settings ON = new AutoRestartConfig.Settings(true, 1_000, 8_000, 3);

    private record Delayed(long delayMs, Runnable work) {
    }

    private final ManualTime time = new ManualTime();
    private final Metrics registry = new Metrics(time);
    private final List<Delayed> delayed = new ArrayList<>();
    private final List<Object> restarted = new ArrayList<>();
    private final Map<String, Map<String, String>> configs = new HashMap<>(Map.of("sink", Map.of()));
    private boolean stillFailed = true;

    private final AutoRestarter restarter = new AutoRestarter(ON, configs::get, new AutoRestarter.HerderThread() {
        @Override
        public void execute(Runnable work) {
            work.run();
        }

        @Override
        public void schedule(long delayMs, Runnable work) {
            delayed.add(new Delayed(delayMs, work));
        }
    }, new AutoRestarter.Restarts() {
        @Override
        public boolean restartFailedConnector(String connector) {
            restarted.add(connector);
            return stillFailed;
        }

        @Override
        public boolean restartFailedTask(ConnectorTaskId id) {
            restarted.add(id);
            return stillFailed;
        }
    }, registry, time);

    @AfterEach
    void close() {
        registry.close();
    }

    @Test
    void aFailedTaskIsRestartedAfterItsBackoffAndEachAttemptIsCounted() {
        failTask();
        assertThat(delays()).containsExactly(1_000L);
        assertThat(restarted).isEmpty();

        runDue();
        assertThat(restarted).containsExactly(TASK);
        assertThat(attempts(taskTags())).isEqualTo(1.0);

        failTask();
        runDue();
        assertThat(delays()).containsExactly(1_000L, 2_000L);
        assertThat(attempts(taskTags())).isEqualTo(2.0);
    }

    @Test
    void afterTheMaximumAttemptsNothingMoreIsScheduled() {
        for (int i = 0; i < 3; i++) {
            failTask();
            runDue();
        }
        failTask();

        assertThat(delays()).containsExactly(1_000L, 2_000L, 4_000L);
        assertThat(restarted).hasSize(3);
    }

    @Test
    void aTaskRunningForTheHealthyPeriodStartsOverAtTheInitialBackoff() {
        for (int i = 0; i < 3; i++) {
            failTask();
            runDue();
        }
        restarter.taskState(TASK, State.RUNNING, null);
        time.advance(ON.healthyPeriodMs());

        failTask();

        assertThat(delays()).containsExactly(1_000L, 2_000L, 4_000L, 1_000L);
    }

    @Test
    void aUserPauseOrStopCancelsThePendingRestartAndStartsTheCountOver() {
        failTask();
        runDue();
        failTask();

        restarter.userActedOn("sink");
        runDue();
        assertThat(restarted).containsExactly(TASK);

        failTask();
        assertThat(delays()).containsExactly(1_000L, 2_000L, 1_000L);
    }

    @Test
    void aUserRestartOfTheTaskCancelsItsPendingRestart() {
        failTask();

        restarter.userRestarted(TASK);
        runDue();

        assertThat(restarted).isEmpty();
    }

    @Test
    void aUserRestartOfTheConnectorAloneLeavesItsTasksPendingRestart() {
        failTask();
        restarter.connectorState("sink", State.FAILED, null, new IllegalStateException("boom"));

        restarter.userRestarted("sink");
        runDue();

        assertThat(restarted).containsExactly(TASK);
    }

    @Test
    void aDeletedConnectorsInstancesAreForgottenWithTheirMetrics() {
        failTask();
        runDue();
        assertThat(attempts(taskTags())).isEqualTo(1.0);
        failTask();

        restarter.taskState(TASK, State.DESTROYED, null);
        runDue();

        assertThat(restarted).containsExactly(TASK);
        assertThat(attempts(taskTags())).isNull();
    }

    @Test
    void aFailedConnectorIsRestartedAndCountedUnderItsOwnTags() {
        restarter.connectorState("sink", State.FAILED, null, new IllegalStateException("boom"));
        runDue();

        assertThat(restarted).containsExactly("sink");
        assertThat(attempts(Map.of("connector", "sink"))).isEqualTo(1.0);
    }

    @Test
    void aRestartTheHerderSkipsIsNotCounted() {
        stillFailed = false;
        failTask();
        runDue();

        assertThat(restarted).containsExactly(TASK);
        assertThat(attempts(taskTags())).isNull();
    }

    @Test
    void nothingHappensWhenTheConnectorHasTheFeatureOff() {
        configs.put("sink", Map.of(AutoRestartConfig.ENABLED_CONFIG, "false"));

        failTask();

        assertThat(delayed).isEmpty();
    }

    @Test
    void aBadConnectorSettingLeavesTheTaskFailed() {
        configs.put("sink", Map.of(AutoRestartConfig.BACKOFF_INITIAL_MS_CONFIG, "soon"));

        failTask();

        assertThat(delayed).isEmpty();
    }

    @Test
    void aTaskOfAConnectorWithNoConfigIsLeftAlone() {
        configs.remove("sink");

        failTask();

        assertThat(delayed).isEmpty();
    }

    private void failTask() {
        restarter.taskState(TASK, State.FAILED, new IllegalStateException("boom"));
    }

    /** Runs every delayed work handed over so far, in order; each is run once. */
    private void runDue() {
        for (Delayed entry : delayed) {
            if (entry.work() != null) {
                entry.work().run();
            }
        }
        List<Delayed> ran = delayed.stream().map(entry -> new Delayed(entry.delayMs(), null)).toList();
        delayed.clear();
        delayed.addAll(ran);
    }

    private List<Long> delays() {
        return delayed.stream().map(Delayed::delayMs).toList();
    }

    private static Map<String, String> taskTags() {
        return Map.of("connector", "sink", "task", "0");
    }

    private Double attempts(Map<String, String> tags) {
        MetricName name = registry.metricName(AutoRestarter.ATTEMPTS_METRIC, AutoRestarter.METRIC_GROUP, tags);
        return registry.metric(name) == null ? null : (Double) registry.metric(name).metricValue();
    }
}
