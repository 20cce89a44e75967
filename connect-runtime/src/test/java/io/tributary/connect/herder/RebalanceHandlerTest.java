package io.tributary.connect.herder;

import io.tributary.connect.distributed.GroupGeneration;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.tributary.connect.ManualTime;

import io.tributary.connect.storage.ClusterConfigState;
import io.tributary.connect.storage.ConfigBackingStore;

import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.common.utils.Time;
import org.junit.jupiter.api.Test;

class RebalanceHandlerTest {

    private static final long READ_UP_TO = 5;

    private final CountingMembership membership = new CountingMembership();
    private final ConfigBackingStore store = (ConfigBackingStore) Proxy.newProxyInstance(
            getClass().getClassLoader(), new Class<?>[]{ConfigBackingStore.class},
            (proxy, method, args) -> method.getName().equals("snapshot") ? new ClusterConfigState(READ_UP_TO, null,
                    Map.of(), Map.of(), Map.of(), Map.of(), Map.of(), Set.of(), Map.of()) : null);
    private final HerderLoop loop = new HerderLoop("unused", Time.SYSTEM);
    private final RebalanceHandler handler = new RebalanceHandler(store,
            new ClusterWork(null, () -> null, loop, null, null, null, null, Time.SYSTEM),
            new LeaderDuties(store, "group", null, () -> false, () -> { }, Time.SYSTEM),
            membership, loop, Duration.ofSeconds(1), 0, new GroupGeneration(), new RemovedWorkStatuses(null));

    @Test
    void aRebalanceAskedForWhileTheLeaderAssignedFromOlderConfigsIsAskedForAgain() {
        handler.requestRebalance("a connector was created");

        handler.onAssigned(assignmentAt(READ_UP_TO - 1));

        assertThat(membership.rejoins).hasValue(2);
        assertThat(handler.inSync()).isFalse();
    }

    @Test
    void anAssignmentFromConfigsAsNewAsTheRequestAnswersIt() {
        handler.requestRebalance("a connector was created");

        handler.onAssigned(assignmentAt(READ_UP_TO));

        assertThat(membership.rejoins).hasValue(1);
    }

    @Test
    void failedRoundsInARowRejoinAfterAGrowingDelayAndTheWorkerWaitsMeanwhile() {
        ManualTime clock = new ManualTime();
        HerderLoop running = new HerderLoop("rebalance-handler-test", clock);
        RebalanceHandler handler = new RebalanceHandler(store,
                new ClusterWork(null, () -> null, running, null, null, null, null, clock),
                new LeaderDuties(store, "group", null, () -> false, () -> { }, clock),
                membership, running, Duration.ofSeconds(1), 0, new GroupGeneration(), new RemovedWorkStatuses(null));
        // Stands in for the group poll: hands the handler the assignments the test "receives".
        Queue<WorkAssignment> received = new ConcurrentLinkedQueue<>();
        AtomicInteger applied = new AtomicInteger();
        AtomicBoolean inSync = new AtomicBoolean(true);
        Semaphore poll = new Semaphore(0);
        running.start(new HerderLoop.Tick() {
            @Override
            public boolean tick(long pollTimeoutMs) {
                WorkAssignment assignment = received.poll();
                if (assignment != null) {
                    handler.onAssigned(assignment);
                    handler.applyPending();
                    applied.incrementAndGet();
                }
                inSync.set(handler.inSync());
                try {
                    poll.tryAcquire(Math.min(pollTimeoutMs, 10), TimeUnit.MILLISECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return inSync.get();
            }

            @Override
            public void wakeup() {
                poll.release();
            }

            @Override
            public void halt() {
            }
        });
        try {
            received.add(failedAt(READ_UP_TO + 1));
            await().atMost(Duration.ofSeconds(10)).until(() -> membership.rejoins.get() == 1);

            // The second failure in a row waits 100 ms of the worker's clock before rejoining, and out of sync.
            received.add(failedAt(READ_UP_TO + 1));
            await().atMost(Duration.ofSeconds(10)).until(() -> applied.get() == 2 && received.isEmpty());
            await().atMost(Duration.ofSeconds(10)).until(() -> !inSync.get());
            clock.sleep(99);
            poll.release();
            assertThat(membership.rejoins).hasValue(1);
            clock.sleep(1);
            await().atMost(Duration.ofSeconds(10)).until(() -> membership.rejoins.get() == 2);

            // The third waits twice as long.
            received.add(failedAt(READ_UP_TO + 1));
            await().atMost(Duration.ofSeconds(10)).until(() -> applied.get() == 3);
            clock.sleep(100);
            poll.release();
            assertThat(membership.rejoins).hasValue(2);
            clock.sleep(100);
            await().atMost(Duration.ofSeconds(10)).until(() -> membership.rejoins.get() == 3);
        } finally {
            running.stop(10_000);
        }
    }

    private static WorkAssignment failedAt(long configOffset) {
        return new WorkAssignment(2, "other", "http://other:8083/", configOffset, true, false, Set.of(), Set.of(), 0);
    }

    private static WorkAssignment assignmentAt(long configOffset) {
        return new WorkAssignment(1, "other", "http://other:8083/", configOffset, false, false, Set.of(), Set.of(), 0);
    }

    private static final class CountingMembership implements GroupMembership {

        final AtomicInteger rejoins = new AtomicInteger();

        @Override
        public void setListener(Listener listener) {
        }

        @Override
        public void poll(long timeoutMs) {
        }

        @Override
        public void wakeup() {
        }

        @Override
        public void requestRejoin() {
            rejoins.incrementAndGet();
        }

        @Override
        public String memberId() {
            return "self";
        }

        @Override
        public void close() {
        }
    }
}
