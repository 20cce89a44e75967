package io.tributary.connect.herder;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.connect.storage.ClusterConfigState;
import io.tributary.connect.storage.ConfigBackingStore;
import io.tributary.connect.storage.SessionKey;

import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.crypto.KeyGenerator;
import org.apache.kafka.common.utils.Time;
import org.junit.jupiter.api.Test;

class LeaderDutiesTest {

    private static final long TTL_MS = 60_000;

    /** Session keys written so far; the snapshot shows {@code visible}, which lags like a topic being read. */
    private final List<SessionKey> written = new ArrayList<>();
    private SessionKey visible;

    private final ConfigBackingStore store = (ConfigBackingStore) Proxy.newProxyInstance(
            getClass().getClassLoader(), new Class<?>[]{ConfigBackingStore.class},
            (proxy, method, args) -> switch (method.getName()) {
                case "snapshot" -> new ClusterConfigState(0, visible, Map.of(), Map.of(), Map.of(), Map.of(),
                        Map.of(), Set.of());
                case "putSessionKey" -> written.add((SessionKey) args[0]);
                default -> null;
            });
    private final LeaderDuties duties = new LeaderDuties(store, "group", keyGenerator(), TTL_MS, () -> { }, Time.SYSTEM);

    @Test
    void aNewLeaderWritesOneKeyEvenBeforeTheTopicShowsIt() {
        duties.leadershipIs(true);
        duties.rotateSessionKeyIfDue(1_000);
        duties.rotateSessionKeyIfDue(2_000);

        assertThat(written).hasSize(1);
    }

    @Test
    void theKeyIsRotatedOnceItsTimeToLiveHasPassed() {
        duties.leadershipIs(true);
        long first = written.get(0).creationTimestamp();

        duties.rotateSessionKeyIfDue(first + TTL_MS - 1);
        assertThat(written).hasSize(1);

        duties.rotateSessionKeyIfDue(first + TTL_MS);
        assertThat(written).hasSize(2);
        assertThat(written.get(1).creationTimestamp()).isEqualTo(first + TTL_MS);
    }

    @Test
    void aFresherKeyFromAnotherLeaderIsKept() {
        duties.leadershipIs(true);
        long first = written.get(0).creationTimestamp();
        visible = new SessionKey(keyGenerator().generateKey(), first + TTL_MS);

        duties.rotateSessionKeyIfDue(first + TTL_MS + 1);

        assertThat(written).hasSize(1);
    }

    @Test
    void aFollowerWritesNoKey() {
        duties.leadershipIs(false);
        duties.rotateSessionKeyIfDue(System.currentTimeMillis());

        assertThat(written).isEmpty();
    }

    private static KeyGenerator keyGenerator() {
        try {
            return KeyGenerator.getInstance("HmacSHA256");
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }
}
