package io.tributary.connect.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.Test;

/**
 * DistributedConfig against Kafka Connect 4.1.1: the definition table (printed once from the reference's
 * DistributedConfig by a scratch program, same columns as {@link ConfigDefinitionsMatchKafkaConnectTest})
 * and the errors the reference gives for bad values, observed by constructing its config.
 */
class DistributedConfigTest {

    @Test
    void keysMatchKafkaConnect() {
        assertThat(ConfigTable.of(DistributedConfig.configDef())).isEqualTo(ConfigTable.parse(DISTRIBUTED));
    }

    @Test
    void everyKeyHasADocString() {
        assertThat(DistributedConfig.configDef().configKeys().values())
            .allSatisfy(key -> assertThat(key.documentation).isNotBlank());
    }

    @Test
    void minimalFileParsesWithKafkaConnectDefaults() {
        DistributedConfig config = new DistributedConfig(minimal(Map.of()));
        assertThat(config.groupId()).isEqualTo("cluster");
        assertThat(config.offsetsTopic()).isEqualTo("offsets");
        assertThat(config.offsetsTopicPartitions()).isEqualTo(25);
        assertThat(config.statusTopicPartitions()).isEqualTo(5);
        assertThat(config.replicationFactor(DistributedConfig.CONFIG_STORAGE_PREFIX)).isEqualTo((short) 3);
        assertThat(config.rebalanceTimeout()).isEqualTo(60000);
        assertThat(config.exactlyOnceSourceEnabled()).isFalse();
        assertThat(config.transactionalLeaderEnabled()).isFalse();
        assertThat(config.transactionalProducerId()).isEqualTo("connect-cluster-cluster");
    }

    @Test
    void preparingExactlyOnceUsesTransactionalLeaderWithoutEnablingIt() {
        DistributedConfig config = new DistributedConfig(minimal(Map.of("exactly.once.source.support", "Preparing")));
        assertThat(config.transactionalLeaderEnabled()).isTrue();
        assertThat(config.exactlyOnceSourceEnabled()).isFalse();
    }

    @Test
    void enabledExactlyOnceIsEnabled() {
        DistributedConfig config = new DistributedConfig(minimal(Map.of("exactly.once.source.support", "enabled")));
        assertThat(config.exactlyOnceSourceEnabled()).isTrue();
        assertThat(config.transactionalLeaderEnabled()).isTrue();
    }

    @Test
    void missingGroupIdNamesTheKey() {
        Map<String, String> props = minimal(Map.of());
        props.remove("group.id");
        assertThatThrownBy(() -> new DistributedConfig(props)).isInstanceOf(ConfigException.class)
            .hasMessageContaining("group.id");
    }

    @Test
    void zeroPartitionsIsRejectedAsKafkaConnectDoes() {
        assertThatThrownBy(() -> new DistributedConfig(minimal(Map.of("offset.storage.partitions", "0"))))
            .hasMessage("Invalid value 0 for configuration offset.storage.partitions: Number of partitions must be "
                + "positive, or -1 to use the broker's default");
    }

    @Test
    void brokerDefaultPartitionsAreAccepted() {
        assertThat(new DistributedConfig(minimal(Map.of("status.storage.partitions", "-1"))).statusTopicPartitions())
            .isEqualTo(-1);
    }

    @Test
    void zeroReplicationFactorIsRejectedAsKafkaConnectDoes() {
        assertThatThrownBy(() -> new DistributedConfig(minimal(Map.of("config.storage.replication.factor", "0"))))
            .hasMessage("Invalid value 0 for configuration config.storage.replication.factor: Replication factor "
                + "must be positive and not larger than the number of brokers in the Kafka cluster, or -1 to use "
                + "the broker's default");
    }

    @Test
    void unknownProtocolIsRejectedAsKafkaConnectDoes() {
        assertThatThrownBy(() -> new DistributedConfig(minimal(Map.of("connect.protocol", "bogus"))))
            .hasMessage("Invalid value bogus for configuration connect.protocol: Invalid Connect protocol "
                + "compatibility");
    }

    @Test
    void protocolIsCaseInsensitive() {
        assertThat(new DistributedConfig(minimal(Map.of("connect.protocol", "EAGER")))).isNotNull();
    }

    @Test
    void signatureAlgorithmMustBeAmongVerificationAlgorithms() {
        assertThatThrownBy(() -> new DistributedConfig(minimal(Map.of("inter.worker.signature.algorithm",
                "HmacSHA512"))))
            .hasMessage("Invalid value HmacSHA512 for configuration inter.worker.signature.algorithm: Signature "
                + "algorithm must be present in inter.worker.verification.algorithms list");
    }

    @Test
    void emptyVerificationAlgorithmsAreRejected() {
        assertThatThrownBy(() -> new DistributedConfig(minimal(Map.of("inter.worker.verification.algorithms", ""))))
            .hasMessage("Invalid value [] for configuration inter.worker.verification.algorithms: At least one "
                + "signature verification algorithm must be provided");
    }

    @Test
    void unknownKeyAlgorithmListsTheSupportedOnes() {
        assertThatThrownBy(() -> new DistributedConfig(minimal(Map.of("inter.worker.key.generation.algorithm",
                "Nope"))))
            .hasMessageStartingWith("Invalid value Nope for configuration inter.worker.key.generation.algorithm: "
                + "the algorithm is not supported by this JVM; the supported algorithms are: [")
            .hasMessageContaining("HmacSHA256");
    }

    @Test
    void tooSmallKeySizeIsRejectedAsKafkaConnectDoes() {
        assertThatThrownBy(() -> new DistributedConfig(minimal(Map.of("inter.worker.key.size", "7"))))
            .hasMessage("Unable to create key generator with algorithm HmacSHA256 and key size 7: Key length must "
                + "be at least 40 bits");
    }

    private static Map<String, String> minimal(Map<String, String> overrides) {
        Map<String, String> props = new HashMap<>();
        props.put("group.id", "cluster");
        props.put("config.storage.topic", "configs");
        props.put("offset.storage.topic", "offsets");
        props.put("status.storage.topic", "statuses");
        props.put("key.converter", "org.apache.kafka.connect.json.JsonConverter");
        props.put("value.converter", "org.apache.kafka.connect.json.JsonConverter");
        props.putAll(overrides);
        return props;
    }

    private static final String DISTRIBUTED = """
        bootstrap.servers | LIST | localhost:9092 | HIGH | null | null | -1 | NONE | bootstrap.servers | []
        client.dns.lookup | STRING | use_all_dns_ips | MEDIUM | [use_all_dns_ips, resolve_canonical_bootstrap_servers_only] | null | -1 | NONE | client.dns.lookup | []
        key.converter | CLASS | <required> | HIGH | null | null | -1 | NONE | key.converter | []
        key.converter.plugin.version | STRING | <null> | LOW | null | null | -1 | NONE | key.converter.plugin.version | []
        value.converter | CLASS | <required> | HIGH | null | null | -1 | NONE | value.converter | []
        value.converter.plugin.version | STRING | <null> | LOW | null | null | -1 | NONE | value.converter.plugin.version | []
        task.shutdown.graceful.timeout.ms | LONG | 5000 | LOW | null | null | -1 | NONE | task.shutdown.graceful.timeout.ms | []
        offset.flush.interval.ms | LONG | 60000 | LOW | null | null | -1 | NONE | offset.flush.interval.ms | []
        offset.flush.timeout.ms | LONG | 5000 | LOW | null | null | -1 | NONE | offset.flush.timeout.ms | []
        plugin.path | LIST | <null> | LOW | null | null | -1 | NONE | plugin.path | []
        plugin.discovery | STRING | hybrid_warn | LOW | (case insensitive) [ONLY_SCAN, SERVICE_LOAD, HYBRID_WARN, HYBRID_FAIL] | null | -1 | NONE | plugin.discovery | []
        metrics.sample.window.ms | LONG | 30000 | LOW | [0,...] | null | -1 | NONE | metrics.sample.window.ms | []
        metrics.num.samples | INT | 2 | LOW | [1,...] | null | -1 | NONE | metrics.num.samples | []
        metrics.recording.level | STRING | INFO | LOW | [INFO, DEBUG] | null | -1 | NONE | metrics.recording.level | []
        metric.reporters | LIST | org.apache.kafka.common.metrics.JmxReporter | LOW | null | null | -1 | NONE | metric.reporters | []
        header.converter | CLASS | org.apache.kafka.connect.storage.SimpleHeaderConverter | LOW | null | null | -1 | NONE | header.converter | []
        header.converter.plugin.version | STRING | <null> | LOW | null | null | -1 | NONE | header.converter.plugin.version | []
        config.providers | LIST |  | LOW | null | null | -1 | NONE | config.providers | []
        connector.client.config.override.policy | STRING | All | MEDIUM | null | null | -1 | NONE | connector.client.config.override.policy | []
        topic.creation.enable | BOOLEAN | true | LOW | null | null | -1 | NONE | topic.creation.enable | []
        ssl.protocol | STRING | TLSv1.3 | MEDIUM | null | null | -1 | NONE | ssl.protocol | []
        ssl.provider | STRING | <null> | MEDIUM | null | null | -1 | NONE | ssl.provider | []
        ssl.cipher.suites | LIST | <null> | LOW | null | null | -1 | NONE | ssl.cipher.suites | []
        ssl.enabled.protocols | LIST | TLSv1.2,TLSv1.3 | MEDIUM | null | null | -1 | NONE | ssl.enabled.protocols | []
        ssl.keystore.type | STRING | JKS | MEDIUM | null | null | -1 | NONE | ssl.keystore.type | []
        ssl.keystore.location | STRING | <null> | HIGH | null | null | -1 | NONE | ssl.keystore.location | []
        ssl.keystore.password | PASSWORD | <null> | HIGH | null | null | -1 | NONE | ssl.keystore.password | []
        ssl.key.password | PASSWORD | <null> | HIGH | null | null | -1 | NONE | ssl.key.password | []
        ssl.keystore.key | PASSWORD | <null> | HIGH | null | null | -1 | NONE | ssl.keystore.key | []
        ssl.keystore.certificate.chain | PASSWORD | <null> | HIGH | null | null | -1 | NONE | ssl.keystore.certificate.chain | []
        ssl.truststore.certificates | PASSWORD | <null> | HIGH | null | null | -1 | NONE | ssl.truststore.certificates | []
        ssl.truststore.type | STRING | JKS | MEDIUM | null | null | -1 | NONE | ssl.truststore.type | []
        ssl.truststore.location | STRING | <null> | HIGH | null | null | -1 | NONE | ssl.truststore.location | []
        ssl.truststore.password | PASSWORD | <null> | HIGH | null | null | -1 | NONE | ssl.truststore.password | []
        ssl.keymanager.algorithm | STRING | SunX509 | LOW | null | null | -1 | NONE | ssl.keymanager.algorithm | []
        ssl.trustmanager.algorithm | STRING | PKIX | LOW | null | null | -1 | NONE | ssl.trustmanager.algorithm | []
        ssl.endpoint.identification.algorithm | STRING | https | LOW | null | null | -1 | NONE | ssl.endpoint.identification.algorithm | []
        ssl.secure.random.implementation | STRING | <null> | LOW | null | null | -1 | NONE | ssl.secure.random.implementation | []
        ssl.engine.factory.class | CLASS | <null> | LOW | null | null | -1 | NONE | ssl.engine.factory.class | []
        topic.tracking.enable | BOOLEAN | true | LOW | null | null | -1 | NONE | topic.tracking.enable | []
        topic.tracking.allow.reset | BOOLEAN | true | LOW | null | null | -1 | NONE | topic.tracking.allow.reset | []
        listeners | LIST | http://:8083 | LOW | List of comma-separated URLs, ex: http://localhost:8080,https://localhost:8443. | null | -1 | NONE | listeners | []
        rest.advertised.host.name | STRING | <null> | LOW | null | null | -1 | NONE | rest.advertised.host.name | []
        rest.advertised.port | INT | <null> | LOW | null | null | -1 | NONE | rest.advertised.port | []
        rest.advertised.listener | STRING | <null> | LOW | null | null | -1 | NONE | rest.advertised.listener | []
        access.control.allow.origin | STRING |  | LOW | null | null | -1 | NONE | access.control.allow.origin | []
        access.control.allow.methods | STRING |  | LOW | null | null | -1 | NONE | access.control.allow.methods | []
        response.http.headers.config | STRING |  | LOW | Comma-separated header rules, where each header rule is of the form '[action] [header name]:[header value]' and optionally surrounded by double quotes if any part of a header rule contains a comma | null | -1 | NONE | response.http.headers.config | []
        ssl.client.auth | STRING | none | LOW | [required, requested, none] | null | -1 | NONE | ssl.client.auth | []
        rest.extension.classes | LIST |  | LOW | null | null | -1 | NONE | rest.extension.classes | []
        admin.listeners | LIST | <null> | LOW | List of comma-separated URLs, ex: http://localhost:8080,https://localhost:8443. | null | -1 | NONE | admin.listeners | []
        group.id | STRING | <required> | HIGH | null | null | -1 | NONE | group.id | []
        session.timeout.ms | INT | 10000 | HIGH | null | null | -1 | NONE | session.timeout.ms | []
        rebalance.timeout.ms | INT | 60000 | HIGH | null | null | -1 | NONE | rebalance.timeout.ms | []
        heartbeat.interval.ms | INT | 3000 | HIGH | null | null | -1 | NONE | heartbeat.interval.ms | []
        exactly.once.source.support | STRING | disabled | HIGH | (case insensitive) [DISABLED, ENABLED, PREPARING] | null | -1 | NONE | exactly.once.source.support | []
        metadata.max.age.ms | LONG | 300000 | LOW | [0,...] | null | -1 | NONE | metadata.max.age.ms | []
        client.id | STRING |  | LOW | null | null | -1 | NONE | client.id | []
        send.buffer.bytes | INT | 131072 | MEDIUM | [-1,...] | null | -1 | NONE | send.buffer.bytes | []
        receive.buffer.bytes | INT | 32768 | MEDIUM | [-1,...] | null | -1 | NONE | receive.buffer.bytes | []
        reconnect.backoff.ms | LONG | 50 | LOW | [0,...] | null | -1 | NONE | reconnect.backoff.ms | []
        reconnect.backoff.max.ms | LONG | 1000 | LOW | [0,...] | null | -1 | NONE | reconnect.backoff.max.ms | []
        socket.connection.setup.timeout.ms | LONG | 10000 | LOW | [0,...] | null | -1 | NONE | socket.connection.setup.timeout.ms | []
        socket.connection.setup.timeout.max.ms | LONG | 30000 | LOW | [0,...] | null | -1 | NONE | socket.connection.setup.timeout.max.ms | []
        retry.backoff.ms | LONG | 100 | LOW | [0,...] | null | -1 | NONE | retry.backoff.ms | []
        retry.backoff.max.ms | LONG | 1000 | LOW | [0,...] | null | -1 | NONE | retry.backoff.max.ms | []
        request.timeout.ms | INT | 40000 | MEDIUM | [0,...] | null | -1 | NONE | request.timeout.ms | []
        connections.max.idle.ms | LONG | 540000 | MEDIUM | null | null | -1 | NONE | connections.max.idle.ms | []
        security.protocol | STRING | PLAINTEXT | MEDIUM | (case insensitive) [SASL_SSL, PLAINTEXT, SSL, SASL_PLAINTEXT] | null | -1 | NONE | security.protocol | []
        sasl.kerberos.service.name | STRING | <null> | MEDIUM | null | null | -1 | NONE | sasl.kerberos.service.name | []
        sasl.kerberos.kinit.cmd | STRING | /usr/bin/kinit | LOW | null | null | -1 | NONE | sasl.kerberos.kinit.cmd | []
        sasl.kerberos.ticket.renew.window.factor | DOUBLE | 0.8 | LOW | null | null | -1 | NONE | sasl.kerberos.ticket.renew.window.factor | []
        sasl.kerberos.ticket.renew.jitter | DOUBLE | 0.05 | LOW | null | null | -1 | NONE | sasl.kerberos.ticket.renew.jitter | []
        sasl.kerberos.min.time.before.relogin | LONG | 60000 | LOW | null | null | -1 | NONE | sasl.kerberos.min.time.before.relogin | []
        sasl.login.refresh.window.factor | DOUBLE | 0.8 | LOW | [0.5,...,1.0] | null | -1 | NONE | sasl.login.refresh.window.factor | []
        sasl.login.refresh.window.jitter | DOUBLE | 0.05 | LOW | [0.0,...,0.25] | null | -1 | NONE | sasl.login.refresh.window.jitter | []
        sasl.login.refresh.min.period.seconds | SHORT | 60 | LOW | [0,...,900] | null | -1 | NONE | sasl.login.refresh.min.period.seconds | []
        sasl.login.refresh.buffer.seconds | SHORT | 300 | LOW | [0,...,3600] | null | -1 | NONE | sasl.login.refresh.buffer.seconds | []
        sasl.mechanism | STRING | GSSAPI | MEDIUM | null | null | -1 | NONE | sasl.mechanism | []
        sasl.jaas.config | PASSWORD | <null> | MEDIUM | null | null | -1 | NONE | sasl.jaas.config | []
        sasl.client.callback.handler.class | CLASS | <null> | MEDIUM | null | null | -1 | NONE | sasl.client.callback.handler.class | []
        sasl.login.callback.handler.class | CLASS | <null> | MEDIUM | null | null | -1 | NONE | sasl.login.callback.handler.class | []
        sasl.login.class | CLASS | <null> | MEDIUM | null | null | -1 | NONE | sasl.login.class | []
        sasl.login.connect.timeout.ms | INT | <null> | LOW | null | null | -1 | NONE | sasl.login.connect.timeout.ms | []
        sasl.login.read.timeout.ms | INT | <null> | LOW | null | null | -1 | NONE | sasl.login.read.timeout.ms | []
        sasl.login.retry.backoff.max.ms | LONG | 10000 | LOW | null | null | -1 | NONE | sasl.login.retry.backoff.max.ms | []
        sasl.login.retry.backoff.ms | LONG | 100 | LOW | null | null | -1 | NONE | sasl.login.retry.backoff.ms | []
        sasl.oauthbearer.jwt.retriever.class | CLASS | org.apache.kafka.common.security.oauthbearer.DefaultJwtRetriever | MEDIUM | null | null | -1 | NONE | sasl.oauthbearer.jwt.retriever.class | []
        sasl.oauthbearer.jwt.validator.class | CLASS | org.apache.kafka.common.security.oauthbearer.DefaultJwtValidator | MEDIUM | null | null | -1 | NONE | sasl.oauthbearer.jwt.validator.class | []
        sasl.oauthbearer.scope | STRING | <null> | MEDIUM | null | null | -1 | NONE | sasl.oauthbearer.scope | []
        sasl.oauthbearer.client.credentials.client.id | STRING | <null> | MEDIUM | null | null | -1 | NONE | sasl.oauthbearer.client.credentials.client.id | []
        sasl.oauthbearer.client.credentials.client.secret | PASSWORD | <null> | MEDIUM | null | null | -1 | NONE | sasl.oauthbearer.client.credentials.client.secret | []
        sasl.oauthbearer.assertion.algorithm | STRING | RS256 | MEDIUM | (case insensitive) [ES256, RS256] | null | -1 | NONE | sasl.oauthbearer.assertion.algorithm | []
        sasl.oauthbearer.assertion.claim.aud | STRING | <null> | MEDIUM | null | null | -1 | NONE | sasl.oauthbearer.assertion.claim.aud | []
        sasl.oauthbearer.assertion.claim.exp.seconds | INT | 300 | LOW | [0,...,86400] | null | -1 | NONE | sasl.oauthbearer.assertion.claim.exp.seconds | []
        sasl.oauthbearer.assertion.claim.iss | STRING | <null> | MEDIUM | null | null | -1 | NONE | sasl.oauthbearer.assertion.claim.iss | []
        sasl.oauthbearer.assertion.claim.jti.include | BOOLEAN | false | MEDIUM | null | null | -1 | NONE | sasl.oauthbearer.assertion.claim.jti.include | []
        sasl.oauthbearer.assertion.claim.nbf.seconds | INT | 60 | LOW | [0,...,3600] | null | -1 | NONE | sasl.oauthbearer.assertion.claim.nbf.seconds | []
        sasl.oauthbearer.assertion.claim.sub | STRING | <null> | MEDIUM | null | null | -1 | NONE | sasl.oauthbearer.assertion.claim.sub | []
        sasl.oauthbearer.assertion.file | STRING | <null> | MEDIUM | null | null | -1 | NONE | sasl.oauthbearer.assertion.file | []
        sasl.oauthbearer.assertion.private.key.file | STRING | <null> | MEDIUM | null | null | -1 | NONE | sasl.oauthbearer.assertion.private.key.file | []
        sasl.oauthbearer.assertion.private.key.passphrase | PASSWORD | <null> | MEDIUM | null | null | -1 | NONE | sasl.oauthbearer.assertion.private.key.passphrase | []
        sasl.oauthbearer.assertion.template.file | STRING | <null> | MEDIUM | null | null | -1 | NONE | sasl.oauthbearer.assertion.template.file | []
        sasl.oauthbearer.scope.claim.name | STRING | scope | LOW | null | null | -1 | NONE | sasl.oauthbearer.scope.claim.name | []
        sasl.oauthbearer.sub.claim.name | STRING | sub | LOW | null | null | -1 | NONE | sasl.oauthbearer.sub.claim.name | []
        sasl.oauthbearer.token.endpoint.url | STRING | <null> | MEDIUM | null | null | -1 | NONE | sasl.oauthbearer.token.endpoint.url | []
        sasl.oauthbearer.jwks.endpoint.url | STRING | <null> | MEDIUM | null | null | -1 | NONE | sasl.oauthbearer.jwks.endpoint.url | []
        sasl.oauthbearer.jwks.endpoint.refresh.ms | LONG | 3600000 | LOW | null | null | -1 | NONE | sasl.oauthbearer.jwks.endpoint.refresh.ms | []
        sasl.oauthbearer.jwks.endpoint.retry.backoff.max.ms | LONG | 10000 | LOW | null | null | -1 | NONE | sasl.oauthbearer.jwks.endpoint.retry.backoff.max.ms | []
        sasl.oauthbearer.jwks.endpoint.retry.backoff.ms | LONG | 100 | LOW | null | null | -1 | NONE | sasl.oauthbearer.jwks.endpoint.retry.backoff.ms | []
        sasl.oauthbearer.clock.skew.seconds | INT | 30 | LOW | null | null | -1 | NONE | sasl.oauthbearer.clock.skew.seconds | []
        sasl.oauthbearer.expected.audience | LIST | <null> | LOW | null | null | -1 | NONE | sasl.oauthbearer.expected.audience | []
        sasl.oauthbearer.expected.issuer | STRING | <null> | LOW | null | null | -1 | NONE | sasl.oauthbearer.expected.issuer | []
        sasl.oauthbearer.header.urlencode | BOOLEAN | false | LOW | null | null | -1 | NONE | sasl.oauthbearer.header.urlencode | []
        worker.sync.timeout.ms | INT | 3000 | MEDIUM | null | null | -1 | NONE | worker.sync.timeout.ms | []
        worker.unsync.backoff.ms | INT | 300000 | MEDIUM | null | null | -1 | NONE | worker.unsync.backoff.ms | []
        offset.storage.topic | STRING | <required> | HIGH | null | null | -1 | NONE | offset.storage.topic | []
        offset.storage.partitions | INT | 25 | LOW | Positive number, or -1 to use the broker's default | null | -1 | NONE | offset.storage.partitions | []
        offset.storage.replication.factor | SHORT | 3 | LOW | Positive number not larger than the number of brokers in the Kafka cluster, or -1 to use the broker's default | null | -1 | NONE | offset.storage.replication.factor | []
        config.storage.topic | STRING | <required> | HIGH | null | null | -1 | NONE | config.storage.topic | []
        config.storage.replication.factor | SHORT | 3 | LOW | Positive number not larger than the number of brokers in the Kafka cluster, or -1 to use the broker's default | null | -1 | NONE | config.storage.replication.factor | []
        status.storage.topic | STRING | <required> | HIGH | null | null | -1 | NONE | status.storage.topic | []
        status.storage.partitions | INT | 5 | LOW | Positive number, or -1 to use the broker's default | null | -1 | NONE | status.storage.partitions | []
        status.storage.replication.factor | SHORT | 3 | LOW | Positive number not larger than the number of brokers in the Kafka cluster, or -1 to use the broker's default | null | -1 | NONE | status.storage.replication.factor | []
        connect.protocol | STRING | sessioned | LOW | [eager, compatible, sessioned] | null | -1 | NONE | connect.protocol | []
        scheduled.rebalance.max.delay.ms | INT | 300000 | LOW | [0,...,2147483647] | null | -1 | NONE | scheduled.rebalance.max.delay.ms | []
        inter.worker.key.ttl.ms | INT | 3600000 | LOW | [0,...,2147483647] | null | -1 | NONE | inter.worker.key.ttl.ms | []
        inter.worker.key.generation.algorithm | STRING | HmacSHA256 | LOW | Any KeyGenerator algorithm supported by the worker JVM | null | -1 | NONE | inter.worker.key.generation.algorithm | []
        inter.worker.key.size | INT | <null> | LOW | null | null | -1 | NONE | inter.worker.key.size | []
        inter.worker.signature.algorithm | STRING | HmacSHA256 | LOW | Any MAC algorithm supported by the worker JVM | null | -1 | NONE | inter.worker.signature.algorithm | []
        inter.worker.verification.algorithms | LIST | HmacSHA256 | LOW | A list of one or more MAC algorithms, each supported by the worker JVM | null | -1 | NONE | inter.worker.verification.algorithms | []
        metadata.recovery.strategy | STRING | rebootstrap | LOW | (case insensitive) [REBOOTSTRAP, NONE] | null | -1 | NONE | metadata.recovery.strategy | []
        metadata.recovery.rebootstrap.trigger.ms | LONG | 300000 | LOW | [0,...] | null | -1 | NONE | metadata.recovery.rebootstrap.trigger.ms | []
        """;
}
