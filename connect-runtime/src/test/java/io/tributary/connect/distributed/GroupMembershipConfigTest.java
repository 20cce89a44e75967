package io.tributary.connect.distributed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** Our membership keys against Kafka Connect 4.1.1's distributed worker definitions. */
class GroupMembershipConfigTest {

    @ParameterizedTest
    @ValueSource(strings = {"group.id", "session.timeout.ms", "heartbeat.interval.ms", "rebalance.timeout.ms",
        "connect.protocol", "scheduled.rebalance.max.delay.ms", "bootstrap.servers", "client.dns.lookup", "client.id",
        "security.protocol", "request.timeout.ms", "reconnect.backoff.ms", "reconnect.backoff.max.ms",
        "retry.backoff.ms", "retry.backoff.max.ms", "metadata.max.age.ms", "connections.max.idle.ms",
        "send.buffer.bytes", "receive.buffer.bytes", "socket.connection.setup.timeout.ms",
        "socket.connection.setup.timeout.max.ms", "metadata.recovery.strategy",
        "metadata.recovery.rebootstrap.trigger.ms", "metrics.sample.window.ms", "metrics.num.samples",
        "metrics.recording.level", "metric.reporters", "sasl.mechanism", "ssl.protocol"})
    void keyMatchesApacheTypeDefaultAndValidator(String key) throws ReflectiveOperationException {
        ConfigDef.ConfigKey ours = GroupMembershipConfig.configDef().configKeys().get(key);
        ConfigDef.ConfigKey theirs = apacheDistributedConfig().configKeys().get(key);
        assertThat(ours).as("we define %s", key).isNotNull();
        assertThat(ours.type).isEqualTo(theirs.type);
        assertThat(ours.defaultValue).isEqualTo(theirs.defaultValue);
        assertThat(String.valueOf(ours.validator)).isEqualTo(String.valueOf(theirs.validator));
    }

    @Test
    void defaultsAreKafkaConnects() {
        GroupMembershipConfig config = new GroupMembershipConfig(Map.of("group.id", "g"));
        assertThat(config.sessionTimeoutMs()).isEqualTo(10000);
        assertThat(config.heartbeatIntervalMs()).isEqualTo(3000);
        assertThat(config.rebalanceTimeoutMs()).isEqualTo(60000);
        assertThat(config.scheduledRebalanceMaxDelayMs()).isEqualTo(300000);
        assertThat(config.protocol()).isEqualTo(ConnectProtocolVersion.SESSIONED);
    }

    @Test
    void groupIdIsRequired() {
        assertThatThrownBy(() -> new GroupMembershipConfig(Map.of())).isInstanceOf(ConfigException.class)
            .hasMessageContaining("group.id");
    }

    @Test
    void otherWorkerKeysAreIgnored() {
        GroupMembershipConfig config = new GroupMembershipConfig(Map.of("group.id", "g", "key.converter", "x",
            "connect.protocol", "eager"));
        assertThat(config.protocol()).isEqualTo(ConnectProtocolVersion.EAGER);
    }

    private static ConfigDef apacheDistributedConfig() throws ReflectiveOperationException {
        ReferenceRuntime apache = ReferenceRuntime.get();
        Object crypto = apache.type("Crypto").getField("SYSTEM").get(null);
        return (ConfigDef) apache.callStatic("DistributedConfig", "config", crypto);
    }
}
