package io.tributary.connect.herder;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tributary.connect.model.ConnectorTaskId;
import io.tributary.connect.storage.ClusterConfigState;
import io.tributary.connect.storage.ConfigBackingStore;
import io.tributary.connect.worker.ExactlyOncePreflight;

import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;

import org.apache.kafka.common.utils.Time;
import org.apache.kafka.connect.errors.ConnectException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The checks around an exactly-once task's producer: the leader's fencing must succeed first, and afterwards the
 * task must still be of the newest generation of its connector's task configs and still assigned here.
 */
class ExactlyOnceTaskChecksTest {

    private static final ConnectorTaskId TASK = new ConnectorTaskId("eos", 0);

    private final AtomicReference<Integer> generation = new AtomicReference<>(3);
    private final AtomicReference<Set<ConnectorTaskId>> assigned = new AtomicReference<>(Set.of(TASK));
    private final AtomicReference<CompletableFuture<Void>> fencing =
            new AtomicReference<>(CompletableFuture.completedFuture(null));
    private final ConfigBackingStore store = (ConfigBackingStore) Proxy.newProxyInstance(getClass().getClassLoader(),
            new Class<?>[]{ConfigBackingStore.class},
            (proxy, method, args) -> method.getName().equals("snapshot") ? snapshot() : null);
    private final HerderLoop loop = new HerderLoop("eos-checks-test", Time.SYSTEM);
    private ExactlyOncePreflight checks;

    @BeforeEach
    void startLoop() {
        loop.start(new HerderLoop.Tick() {
            @Override
            public boolean tick(long pollTimeoutMs) {
                return true;
            }

            @Override
            public void wakeup() {
            }

            @Override
            public void halt() {
            }
        });
        checks = new ExactlyOnceTaskChecks(connector -> fencing.get(), store, loop, assigned::get,
                Duration.ofSeconds(10)).forTask(TASK, snapshot());
    }

    @AfterEach
    void stopLoop() {
        loop.stop(10_000);
    }

    @Test
    void aTaskStillCurrentAndAssignedPassesBothChecks() {
        assertThatCode(checks::beforeProducer).doesNotThrowAnyException();
        assertThatCode(checks::afterProducer).doesNotThrowAnyException();
    }

    @Test
    void aFencingTheLeaderRefusedFailsTheTaskWithTheLeadersMessage() {
        fencing.set(CompletableFuture.failedFuture(new ConflictException(
                "Fencing failed because new task configurations were generated for the connector")));

        assertThatThrownBy(checks::beforeProducer).isInstanceOf(ConflictException.class)
                .hasMessage("Fencing failed because new task configurations were generated for the connector");
    }

    @Test
    void aTaskWhoseConnectorGeneratedNewTaskConfigsMeanwhileMayNotStart() {
        generation.set(4);

        assertThatThrownBy(checks::afterProducer).isInstanceOf(ConnectException.class)
                .hasMessage("Cannot start source task eos-0 with exactly-once support as the connector has already "
                        + "generated a new set of task configs");
    }

    @Test
    void aTaskRevokedMeanwhileMayNotStart() {
        assigned.set(Set.of());

        assertThatThrownBy(checks::afterProducer).isInstanceOf(ConnectException.class)
                .hasMessage("Cannot start source task eos-0 as it has already been revoked from this worker");
    }

    private ClusterConfigState snapshot() {
        return new ClusterConfigState(0, null, Map.of(), Map.of(), Map.of(), Map.of(), Map.of(), Set.of(), Map.of(),
                Map.of(TASK.connector(), generation.get()), Set.of());
    }
}
