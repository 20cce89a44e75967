package io.tributary.connect.distributed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.tributary.connect.testkit.KafkaBroker;
import io.tributary.connect.testkit.KafkaBrokerExtension;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** One of our members and one of Apache Kafka Connect 4.1.1's in the same group, agreeing on the protocol. */
@ExtendWith(KafkaBrokerExtension.class)
class MixedGroupTest {

    private final String groupId = "mixed-" + UUID.randomUUID();
    private final FixedConfigSnapshots configs = new FixedConfigSnapshots().put("a", 3).put("b", 2);
    private final Map<String, Integer> sameConfig = Map.of("a", 3, "b", 2);

    @Test
    void apacheMemberFollowsOurLeader(KafkaBroker broker) throws InterruptedException {
        try (TestMember ours = new TestMember("ours", broker.bootstrapServers(), groupId, configs, Map.of())) {
            await().atMost(Duration.ofSeconds(60)).until(() -> !ours.work().isEmpty());
            try (ApacheGroupMember apache = new ApacheGroupMember("apache", broker.bootstrapServers(), groupId,
                    sameConfig)) {
                awaitShared(ours, apache);
                assertThat(ours.assignment().leader()).isEqualTo(ours.memberId());
            }
        }
    }

    @Test
    void ourMemberFollowsAnApacheLeader(KafkaBroker broker) throws InterruptedException {
        try (ApacheGroupMember apache = new ApacheGroupMember("apache", broker.bootstrapServers(), groupId, sameConfig)) {
            await().atMost(Duration.ofSeconds(60)).until(() -> !apache.work().isEmpty());
            try (TestMember ours = new TestMember("ours", broker.bootstrapServers(), groupId, configs, Map.of())) {
                awaitShared(ours, apache);
                assertThat(ours.assignment().leader()).isNotEqualTo(ours.memberId());
                assertThat(ours.assignment().leaderUrl()).isEqualTo("http://apache:8083/");
            }
        }
    }

    /**
     * The group coordinator makes member ids from the client id of the JoinGroup request: Kafka Connect's workers
     * send "connect-<host>:<port>" when client.id is not set, so admin tools and the leader's tie-breaks see
     * members of both runtimes named alike.
     */
    @Test
    void ourMemberIdStartsWithTheClientIdKafkaConnectWouldUse(KafkaBroker broker) throws InterruptedException {
        try (TestMember ours = new TestMember("ours", broker.bootstrapServers(), groupId, configs,
                Map.of("client.id", ""))) {
            await().atMost(Duration.ofSeconds(60)).until(() -> !ours.work().isEmpty());
            assertThat(ours.memberId()).startsWith("connect-ours:8083-");
        }
    }

    private void awaitShared(TestMember ours, ApacheGroupMember apache) {
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            assertThat(ours.work()).isNotEmpty();
            assertThat(apache.work()).isNotEmpty();
            assertThat(apache.generation()).isEqualTo(ours.generation());
            List<String> all = new ArrayList<>(ours.work());
            all.addAll(apache.work());
            assertThat(all).containsExactlyInAnyOrderElementsOf(configs.allWork());
        });
        assertThat(ours.protocolVersion()).isEqualTo(ConnectProtocolVersion.SESSIONED.version());
        assertThat(apache.protocolVersion()).isEqualTo(ConnectProtocolVersion.SESSIONED.version());
    }
}
