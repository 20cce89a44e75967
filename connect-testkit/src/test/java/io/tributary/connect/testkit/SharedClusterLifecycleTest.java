package io.tributary.connect.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.platform.testkit.engine.EngineTestKit;

/**
 * Runs test classes in a separate JUnit launch (its own root context) to watch the shared cluster
 * being started once and closed when that launch ends.
 */
class SharedClusterLifecycleTest {

    @Test
    void sharedClusterIsClosedWhenTheTestRunEnds() {
        EngineTestKit.engine("junit-jupiter")
                .selectors(selectClass(FirstUser.class), selectClass(SecondUser.class))
                .execute()
                .testEvents()
                .assertStatistics(stats -> stats.succeeded(2).failed(0));

        assertThat(FirstUser.servers).isNotNull().isEqualTo(SecondUser.servers);
        assertThat(Ports.of(FirstUser.servers)).allMatch(Ports::isFree);
    }

    @ExtendWith(KafkaBrokerExtension.class)
    static class FirstUser {
        static volatile String servers;

        @Test
        void recordsItsBroker(KafkaBroker kafka) {
            servers = kafka.bootstrapServers();
            assertThat(Ports.of(servers)).noneMatch(Ports::isFree);
        }
    }

    @ExtendWith(KafkaBrokerExtension.class)
    static class SecondUser {
        static volatile String servers;

        @Test
        void recordsItsBroker(KafkaBroker kafka) {
            servers = kafka.bootstrapServers();
            assertThat(Ports.of(servers)).noneMatch(Ports::isFree);
        }
    }
}
