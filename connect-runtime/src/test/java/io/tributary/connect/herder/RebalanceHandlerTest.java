package io.tributary.connect.herder;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.connect.storage.ConfigBackingStore;

import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class RebalanceHandlerTest {

    private final CountingMembership membership = new CountingMembership();
    private final ConfigBackingStore unusedStore = (ConfigBackingStore) Proxy.newProxyInstance(
            getClass().getClassLoader(), new Class<?>[]{ConfigBackingStore.class}, (proxy, method, args) -> null);
    private final HerderLoop loop = new HerderLoop("unused");
    private final RebalanceHandler handler = new RebalanceHandler(unusedStore,
            new ClusterWork(null, () -> null, loop, null, null),
            new LeaderDuties(unusedStore, "group", null, 60_000, () -> { }),
            membership, loop, Duration.ofSeconds(1), 0, new AtomicInteger(-1));

    @Test
    void aNewAssignmentEndsTheGroupPollItArrivedIn() {
        handler.onAssigned(new WorkAssignment(1, "other", "http://other:8083/", -1, false, false, Set.of(), Set.of(), 0));

        assertThat(membership.wakeups).hasValue(1);
    }

    private static final class CountingMembership implements GroupMembership {

        final AtomicInteger wakeups = new AtomicInteger();

        @Override
        public void setListener(Listener listener) {
        }

        @Override
        public void poll(long timeoutMs) {
        }

        @Override
        public void wakeup() {
            wakeups.incrementAndGet();
        }

        @Override
        public void requestRejoin() {
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
