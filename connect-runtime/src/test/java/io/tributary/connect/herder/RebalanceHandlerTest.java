package io.tributary.connect.herder;

import io.tributary.connect.distributed.GroupGeneration;
import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.connect.storage.ClusterConfigState;
import io.tributary.connect.storage.ConfigBackingStore;

import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.common.utils.Time;
import org.junit.jupiter.api.Test;

class RebalanceHandlerTest {

    private static final long READ_UP_TO = 5;

    private final CountingMembership membership = new CountingMembership();
    private final ConfigBackingStore store = (ConfigBackingStore) Proxy.newProxyInstance(
            getClass().getClassLoader(), new Class<?>[]{ConfigBackingStore.class},
            (proxy, method, args) -> method.getName().equals("snapshot") ? new ClusterConfigState(READ_UP_TO, null,
                    Map.of(), Map.of(), Map.of(), Map.of(), Map.of(), Set.of()) : null);
    private final HerderLoop loop = new HerderLoop("unused", Time.SYSTEM);
    private final RebalanceHandler handler = new RebalanceHandler(store,
            new ClusterWork(null, () -> null, loop, null, null, null, null, Time.SYSTEM),
            new LeaderDuties(store, "group", null, () -> false, () -> { }, Time.SYSTEM),
            membership, loop, Duration.ofSeconds(1), 0, new GroupGeneration());

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
