package io.tributary.connect.herder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tributary.connect.ManualTime;
import io.tributary.connect.storage.KafkaConfigBackingStore;
import io.tributary.connect.storage.KafkaLogSettings;
import io.tributary.connect.storage.SessionKey;
import io.tributary.connect.testkit.KafkaBroker;
import io.tributary.connect.testkit.KafkaBrokerExtension;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.crypto.KeyGenerator;
import javax.crypto.SecretKey;
import org.apache.kafka.common.utils.Time;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Key rotation through a real config topic, on a clock the test moves: the leader writes a new key once
 * inter.worker.key.ttl.ms has passed on its clock, a follower reading the topic verifies with the new key as soon
 * as it has read it, and a request still signed with the old key is then refused with 403.
 */
@ExtendWith(KafkaBrokerExtension.class)
class SessionKeyRotationOverTopicTest {

    private static final long TTL_MS = 3_600_000;
    private static final byte[] BODY = "[{\"k\":\"v\"}]".getBytes(StandardCharsets.UTF_8);

    private final List<KafkaConfigBackingStore> stores = new ArrayList<>();

    @AfterEach
    void stopStores() {
        stores.forEach(KafkaConfigBackingStore::stop);
    }

    @Test
    void theLeaderRotatesOnItsClockAndAFollowerVerifiesWithTheNewKeyOnceItReadsIt(KafkaBroker kafka) throws Exception {
        String topic = "rotation-" + UUID.randomUUID();
        KafkaConfigBackingStore leaderTopic = start(kafka, topic);
        KafkaConfigBackingStore followerTopic = start(kafka, topic);
        ManualTime time = new ManualTime(1_700_000_000_000L);
        LeaderDuties leader = new LeaderDuties(leaderTopic, "group",
                new SessionKeyRotation(KeyGenerator.getInstance("HmacSHA256"), TTL_MS), () -> true, () -> { }, time);
        InternalRequestVerifier follower = new InternalRequestVerifier(List.of("HmacSHA256"), () -> true,
                () -> followerTopic.snapshot().sessionKey());

        leader.leadershipIs(true);
        SessionKey first = read(followerTopic);
        assertThat(first.creationTimestamp()).isEqualTo(time.milliseconds());
        assertThatCode(() -> follower.verify(signed(first.key()))).doesNotThrowAnyException();

        leaderTopic.refresh(Duration.ofSeconds(30));
        time.advance(TTL_MS - 1);
        leader.rotateSessionKeyIfDue(time.milliseconds());
        assertThat(read(followerTopic)).isEqualTo(first);

        time.advance(1);
        leader.rotateSessionKeyIfDue(time.milliseconds());
        SessionKey second = read(followerTopic);

        assertThat(second.creationTimestamp()).isEqualTo(first.creationTimestamp() + TTL_MS);
        assertThat(second.key()).isNotEqualTo(first.key());
        assertThatThrownBy(() -> follower.verify(signed(first.key()))).isInstanceOf(ForbiddenException.class)
                .hasMessage("Internal request contained invalid signature.");
        assertThatCode(() -> follower.verify(signed(second.key()))).doesNotThrowAnyException();
    }

    private static SessionKey read(KafkaConfigBackingStore store) throws Exception {
        store.refresh(Duration.ofSeconds(30));
        return store.snapshot().sessionKey();
    }

    private static InternalRequestSignature signed(SecretKey key) {
        Map<String, String> headers = InternalRequestSignature.headers(key, "HmacSHA256", BODY);
        return InternalRequestSignature.fromHeaders(headers.get(InternalRequestSignature.ALGORITHM_HEADER),
                headers.get(InternalRequestSignature.SIGNATURE_HEADER), BODY);
    }

    private KafkaConfigBackingStore start(KafkaBroker kafka, String topic) {
        KafkaConfigBackingStore store = new KafkaConfigBackingStore(new KafkaLogSettings(topic, "config.storage.topic",
                1, (short) 1, Map.of("bootstrap.servers", kafka.bootstrapServers()), Duration.ofSeconds(30)),
                Time.SYSTEM, null);
        store.start();
        stores.add(store);
        return store;
    }
}
