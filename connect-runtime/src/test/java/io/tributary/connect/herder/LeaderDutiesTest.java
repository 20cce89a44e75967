package io.tributary.connect.herder;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.connect.ManualTime;
import io.tributary.connect.model.ConnectorTaskId;
import io.tributary.connect.storage.ClusterConfigState;
import io.tributary.connect.storage.ConfigBackingStore;
import io.tributary.connect.storage.SessionKey;

import java.lang.reflect.Proxy;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.crypto.KeyGenerator;
import org.junit.jupiter.api.Test;

/** The leader's session keys on a clock the test moves: when they are written, and when they are not. */
class LeaderDutiesTest {

    private static final long TTL_MS = 60_000;

    private final ManualTime time = new ManualTime(5_000_000);
    /** Session keys written so far; the snapshot shows {@code visible}, which lags like a topic being read. */
    private final List<SessionKey> written = new ArrayList<>();
    private SessionKey visible;
    /** When set, what the store shows instead: a connector with committed tasks. */
    private ClusterConfigState tasksSnapshot;
    private final List<String> taskWrites = new ArrayList<>();
    private boolean sessioned = true;

    private final ConfigBackingStore store = (ConfigBackingStore) Proxy.newProxyInstance(
            getClass().getClassLoader(), new Class<?>[]{ConfigBackingStore.class},
            (proxy, method, args) -> switch (method.getName()) {
                case "snapshot" -> tasksSnapshot != null ? tasksSnapshot : new ClusterConfigState(0, visible,
                        Map.of(), Map.of(), Map.of(), Map.of(), Map.of(), Set.of(), Map.of());
                case "putSessionKey" -> written.add((SessionKey) args[0]);
                case "putTaskConfigs" -> taskWrites.add((String) args[0]);
                default -> null;
            });

    private LeaderDuties duties(long ttlMs) {
        return new LeaderDuties(store, "group", new SessionKeyRotation(generator("HmacSHA256", 256), ttlMs),
                () -> sessioned, () -> { }, time);
    }

    private final LeaderDuties duties = duties(TTL_MS);

    @Test
    void aNewLeaderWritesOneKeyEvenBeforeTheTopicShowsIt() {
        duties.leadershipIs(true);
        time.advance(1_000);
        duties.rotateSessionKeyIfDue(time.milliseconds());

        assertThat(written).hasSize(1);
        assertThat(written.get(0).creationTimestamp()).isEqualTo(5_000_000);
    }

    @Test
    void theKeyIsRotatedOnceItsTimeToLiveHasPassedOnTheClock() {
        duties.leadershipIs(true);
        visible = written.get(0);

        time.advance(TTL_MS - 1);
        duties.rotateSessionKeyIfDue(time.milliseconds());
        assertThat(written).hasSize(1);

        time.advance(1);
        duties.rotateSessionKeyIfDue(time.milliseconds());
        assertThat(written).hasSize(2);
        assertThat(written.get(1).creationTimestamp()).isEqualTo(5_000_000 + TTL_MS);
        assertThat(written.get(1).key()).isNotEqualTo(written.get(0).key());
    }

    @Test
    void aRotatedKeyIsNotRotatedAgainBeforeTheTopicShowsIt() {
        duties.leadershipIs(true);
        visible = written.get(0);
        time.advance(TTL_MS);
        duties.rotateSessionKeyIfDue(time.milliseconds());

        time.advance(TTL_MS);
        duties.rotateSessionKeyIfDue(time.milliseconds());

        assertThat(written).hasSize(2);
    }

    @Test
    void aKeyFoundInTheTopicExpiresByItsCreationTime() {
        visible = new SessionKey(generator("HmacSHA256", 256).generateKey(), time.milliseconds() - TTL_MS + 10);

        duties.leadershipIs(true);
        assertThat(written).isEmpty();

        time.advance(10);
        duties.rotateSessionKeyIfDue(time.milliseconds());
        assertThat(written).hasSize(1);
    }

    @Test
    void aFresherKeyFromAnotherLeaderIsKept() {
        duties.leadershipIs(true);
        time.advance(TTL_MS);
        visible = new SessionKey(generator("HmacSHA256", 256).generateKey(), time.milliseconds());

        time.advance(1);
        duties.rotateSessionKeyIfDue(time.milliseconds());

        assertThat(written).hasSize(1);
    }

    @Test
    void aKeyOfAnotherAlgorithmIsReplacedAtOnce() {
        visible = new SessionKey(generator("HmacSHA1", 160).generateKey(), time.milliseconds());

        duties.leadershipIs(true);

        assertThat(written).hasSize(1);
        assertThat(written.get(0).key().getAlgorithm()).isEqualTo("HmacSHA256");
    }

    @Test
    void aKeyOfAnotherSizeIsReplacedAtOnce() {
        visible = new SessionKey(generator("HmacSHA256", 512).generateKey(), time.milliseconds());

        duties.leadershipIs(true);

        assertThat(written).hasSize(1);
        assertThat(written.get(0).key().getEncoded()).hasSize(32);
    }

    @Test
    void noKeyIsWrittenUnlessTheGroupElectedTheSessionedProtocol() {
        sessioned = false;
        duties.leadershipIs(true);
        time.advance(10 * TTL_MS);
        duties.rotateSessionKeyIfDue(time.milliseconds());

        assertThat(written).isEmpty();
    }

    @Test
    void aFollowerWritesNoKey() {
        duties.leadershipIs(false);
        duties.rotateSessionKeyIfDue(time.milliseconds());

        assertThat(written).isEmpty();
    }

    @Test
    void withATimeToLiveOfZeroAKeyFoundAtStartIsReplacedOnceAndThenKept() {
        LeaderDuties noExpiry = duties(0);
        visible = new SessionKey(generator("HmacSHA256", 256).generateKey(), time.milliseconds());

        noExpiry.leadershipIs(true);
        visible = written.get(0);
        time.advance(100 * TTL_MS);
        noExpiry.rotateSessionKeyIfDue(time.milliseconds());

        assertThat(written).hasSize(1);
    }

    private static KeyGenerator generator(String algorithm, int size) {
        try {
            KeyGenerator generator = KeyGenerator.getInstance(algorithm);
            generator.init(size);
            return generator;
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void unchangedTaskConfigsGeneratedFromTheCurrentConnectorConfigAreNotWrittenAgain() {
        Map<String, String> config = Map.of("connector.class", "X", "transforms", "a");
        tasksSnapshot = withTask(config, config);

        duties.writeTaskConfigs("c", List.of(TASK_CONFIG));

        assertThat(taskWrites).isEmpty();
    }

    @Test
    void unchangedTaskConfigsAreWrittenAgainWhenTheConnectorConfigChangedSinceTheirCommit() {
        tasksSnapshot = withTask(Map.of("connector.class", "X", "transforms", "b"),
                Map.of("connector.class", "X", "transforms", "a"));

        duties.writeTaskConfigs("c", List.of(TASK_CONFIG));

        assertThat(taskWrites).containsExactly("c");
    }

    private static final Map<String, String> TASK_CONFIG = Map.of("task.class", "XTask");

    private static ClusterConfigState withTask(Map<String, String> config, Map<String, String> applied) {
        return new ClusterConfigState(4, null, Map.of("c", config), Map.of(), Map.of("c", 1),
                Map.of(new ConnectorTaskId("c", 0), TASK_CONFIG), Map.of(), Set.of(), Map.of("c", applied));
    }
}
