package io.tributary.connect.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * Our definitions against Kafka Connect 4.1.1's, one line per key in definition order:
 * name | type | default | importance | validator | group | order in group | width | display name | dependents.
 * The expected tables were printed once from the reference runtime's ConfigDefs by a scratch program and
 * reviewed; a validator whose text is only an object identity shows as {@code <identity>}. Documentation
 * strings are ours and deliberately not compared. Keys of our own live under {@code tributary.}, a prefix Kafka
 * Connect does not use, and are left out of the comparison.
 */
class ConfigDefinitionsMatchKafkaConnectTest {

    @Test
    void standaloneWorkerKeysMatchKafkaConnect() {
        assertThat(ConfigTable.of(StandaloneConfig.configDef())).isEqualTo(ConfigTable.parse(STANDALONE));
    }

    @Test
    void connectorKeysMatchKafkaConnect() {
        assertThat(ConfigTable.of(ConnectorConfig.configDef())).isEqualTo(ConfigTable.parse(CONNECTOR));
    }

    @Test
    void sourceConnectorKeysMatchKafkaConnect() {
        assertThat(ConfigTable.of(SourceConnectorConfig.configDef())).isEqualTo(ConfigTable.parse(SOURCE));
    }

    @Test
    void sinkConnectorKeysMatchKafkaConnect() {
        assertThat(ConfigTable.of(SinkConnectorConfig.configDef())).isEqualTo(ConfigTable.parse(SINK));
    }

    @Test
    void workersAddOnlyTheirOwnTributaryKeysToKafkaConnects() {
        List<String> ours = List.of(AutoRestartConfig.ENABLED_CONFIG, AutoRestartConfig.BACKOFF_INITIAL_MS_CONFIG,
            AutoRestartConfig.BACKOFF_MAX_MS_CONFIG, AutoRestartConfig.MAX_ATTEMPTS_CONFIG,
            RestServerConfigs.PROMETHEUS_METRICS_ENABLE_CONFIG, WorkerConfig.SHARED_PRODUCERS_ENABLE_CONFIG);
        assertThat(ConfigTable.tributaryKeys(StandaloneConfig.configDef())).containsExactlyInAnyOrderElementsOf(ours);
        assertThat(ConfigTable.tributaryKeys(DistributedConfig.configDef())).containsExactlyInAnyOrderElementsOf(ours);
        assertThat(ConfigTable.tributaryKeys(ConnectorConfig.configDef())).isEmpty();
    }

    @Test
    void everyDefinedKeyHasADocString() {
        assertThat(SinkConnectorConfig.configDef().configKeys().values())
            .allSatisfy(key -> assertThat(key.documentation).isNotBlank());
        assertThat(SourceConnectorConfig.configDef().configKeys().values())
            .allSatisfy(key -> assertThat(key.documentation).isNotBlank());
        assertThat(StandaloneConfig.configDef().configKeys().values())
            .allSatisfy(key -> assertThat(key.documentation).isNotBlank());
    }

    private static final String STANDALONE = """
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
        offset.storage.file.filename | STRING | <required> | HIGH | null | null | -1 | NONE | offset.storage.file.filename | []
        """;

    private static final String CONNECTOR = """
        name | STRING | <required> | HIGH | non-empty string without ISO control characters | Common | 1 | MEDIUM | Connector name | []
        connector.class | STRING | <required> | HIGH | null | Common | 2 | LONG | Connector class | []
        connector.plugin.version | STRING | <null> | MEDIUM | <identity> | Common | 3 | MEDIUM | Connector version | []
        tasks.max | INT | 1 | HIGH | [1,...] | Common | 4 | SHORT | Tasks max | []
        tasks.max.enforce | BOOLEAN | true | LOW | null | Common | 5 | SHORT | Enforce tasks max | []
        key.converter | CLASS | <null> | LOW | A concrete subclass of org.apache.kafka.connect.storage.Converter, A class with a public, no-argument constructor | Common | 6 | SHORT | Key converter class | []
        key.converter.plugin.version | STRING | <null> | LOW | <identity> | Common | 7 | SHORT | Key converter version | []
        value.converter | CLASS | <null> | LOW | A concrete subclass of org.apache.kafka.connect.storage.Converter, A class with a public, no-argument constructor | Common | 8 | SHORT | Value converter class | []
        value.converter.plugin.version | STRING | <null> | LOW | <identity> | Common | 9 | SHORT | Value converter version | []
        header.converter | CLASS | <null> | LOW | A concrete subclass of org.apache.kafka.connect.storage.HeaderConverter, A class with a public, no-argument constructor | Common | 10 | SHORT | Header converter class | []
        header.converter.plugin.version | STRING | <null> | LOW | <identity> | Common | 11 | SHORT | Header converter version | []
        transforms | LIST |  | LOW | non-null string, unique transformation aliases | Transforms | 12 | LONG | Transforms | []
        predicates | LIST |  | LOW | non-null string, unique predicate aliases | Predicates | 13 | LONG | Predicates | []
        config.action.reload | STRING | restart | LOW | [none, restart] | Common | 14 | MEDIUM | Reload Action | []
        errors.retry.timeout | LONG | 0 | MEDIUM | null | Error Handling | 1 | MEDIUM | Retry Timeout for Errors | []
        errors.retry.delay.max.ms | LONG | 60000 | MEDIUM | null | Error Handling | 2 | MEDIUM | Maximum Delay Between Retries for Errors | []
        errors.tolerance | STRING | none | MEDIUM | [none, all] | Error Handling | 3 | SHORT | Error Tolerance | []
        errors.log.enable | BOOLEAN | false | MEDIUM | null | Error Handling | 4 | SHORT | Log Errors | []
        errors.log.include.messages | BOOLEAN | false | MEDIUM | null | Error Handling | 5 | SHORT | Log Error Details | []
        """;

    private static final String SOURCE = """
        name | STRING | <required> | HIGH | non-empty string without ISO control characters | Common | 1 | MEDIUM | Connector name | []
        connector.class | STRING | <required> | HIGH | null | Common | 2 | LONG | Connector class | []
        connector.plugin.version | STRING | <null> | MEDIUM | <identity> | Common | 3 | MEDIUM | Connector version | []
        tasks.max | INT | 1 | HIGH | [1,...] | Common | 4 | SHORT | Tasks max | []
        tasks.max.enforce | BOOLEAN | true | LOW | null | Common | 5 | SHORT | Enforce tasks max | []
        key.converter | CLASS | <null> | LOW | A concrete subclass of org.apache.kafka.connect.storage.Converter, A class with a public, no-argument constructor | Common | 6 | SHORT | Key converter class | []
        key.converter.plugin.version | STRING | <null> | LOW | <identity> | Common | 7 | SHORT | Key converter version | []
        value.converter | CLASS | <null> | LOW | A concrete subclass of org.apache.kafka.connect.storage.Converter, A class with a public, no-argument constructor | Common | 8 | SHORT | Value converter class | []
        value.converter.plugin.version | STRING | <null> | LOW | <identity> | Common | 9 | SHORT | Value converter version | []
        header.converter | CLASS | <null> | LOW | A concrete subclass of org.apache.kafka.connect.storage.HeaderConverter, A class with a public, no-argument constructor | Common | 10 | SHORT | Header converter class | []
        header.converter.plugin.version | STRING | <null> | LOW | <identity> | Common | 11 | SHORT | Header converter version | []
        transforms | LIST |  | LOW | non-null string, unique transformation aliases | Transforms | 12 | LONG | Transforms | []
        predicates | LIST |  | LOW | non-null string, unique predicate aliases | Predicates | 13 | LONG | Predicates | []
        config.action.reload | STRING | restart | LOW | [none, restart] | Common | 14 | MEDIUM | Reload Action | []
        errors.retry.timeout | LONG | 0 | MEDIUM | null | Error Handling | 1 | MEDIUM | Retry Timeout for Errors | []
        errors.retry.delay.max.ms | LONG | 60000 | MEDIUM | null | Error Handling | 2 | MEDIUM | Maximum Delay Between Retries for Errors | []
        errors.tolerance | STRING | none | MEDIUM | [none, all] | Error Handling | 3 | SHORT | Error Tolerance | []
        errors.log.enable | BOOLEAN | false | MEDIUM | null | Error Handling | 4 | SHORT | Log Errors | []
        errors.log.include.messages | BOOLEAN | false | MEDIUM | null | Error Handling | 5 | SHORT | Log Error Details | []
        topic.creation.groups | LIST |  | LOW | non-null string, unique topic creation groups | Topic Creation | 1 | LONG | Topic Creation Groups | []
        exactly.once.support | STRING | requested | MEDIUM | (case insensitive) [REQUIRED, REQUESTED] | Exactly Once Support | 2 | SHORT | Exactly once support | []
        transaction.boundary | STRING | poll | MEDIUM | (case insensitive) [INTERVAL, POLL, CONNECTOR] | Exactly Once Support | 3 | SHORT | Transaction Boundary | []
        transaction.boundary.interval.ms | LONG | <null> | LOW | [0,...] | Exactly Once Support | 4 | SHORT | Transaction boundary interval | []
        offsets.storage.topic | STRING | <null> | LOW | non-empty string | offsets.topic | 1 | LONG | Offsets topic | []
        """;

    private static final String SINK = """
        name | STRING | <required> | HIGH | non-empty string without ISO control characters | Common | 1 | MEDIUM | Connector name | []
        connector.class | STRING | <required> | HIGH | null | Common | 2 | LONG | Connector class | []
        connector.plugin.version | STRING | <null> | MEDIUM | <identity> | Common | 3 | MEDIUM | Connector version | []
        tasks.max | INT | 1 | HIGH | [1,...] | Common | 4 | SHORT | Tasks max | []
        tasks.max.enforce | BOOLEAN | true | LOW | null | Common | 5 | SHORT | Enforce tasks max | []
        key.converter | CLASS | <null> | LOW | A concrete subclass of org.apache.kafka.connect.storage.Converter, A class with a public, no-argument constructor | Common | 6 | SHORT | Key converter class | []
        key.converter.plugin.version | STRING | <null> | LOW | <identity> | Common | 7 | SHORT | Key converter version | []
        value.converter | CLASS | <null> | LOW | A concrete subclass of org.apache.kafka.connect.storage.Converter, A class with a public, no-argument constructor | Common | 8 | SHORT | Value converter class | []
        value.converter.plugin.version | STRING | <null> | LOW | <identity> | Common | 9 | SHORT | Value converter version | []
        header.converter | CLASS | <null> | LOW | A concrete subclass of org.apache.kafka.connect.storage.HeaderConverter, A class with a public, no-argument constructor | Common | 10 | SHORT | Header converter class | []
        header.converter.plugin.version | STRING | <null> | LOW | <identity> | Common | 11 | SHORT | Header converter version | []
        transforms | LIST |  | LOW | non-null string, unique transformation aliases | Transforms | 12 | LONG | Transforms | []
        predicates | LIST |  | LOW | non-null string, unique predicate aliases | Predicates | 13 | LONG | Predicates | []
        config.action.reload | STRING | restart | LOW | [none, restart] | Common | 14 | MEDIUM | Reload Action | []
        errors.retry.timeout | LONG | 0 | MEDIUM | null | Error Handling | 1 | MEDIUM | Retry Timeout for Errors | []
        errors.retry.delay.max.ms | LONG | 60000 | MEDIUM | null | Error Handling | 2 | MEDIUM | Maximum Delay Between Retries for Errors | []
        errors.tolerance | STRING | none | MEDIUM | [none, all] | Error Handling | 3 | SHORT | Error Tolerance | []
        errors.log.enable | BOOLEAN | false | MEDIUM | null | Error Handling | 4 | SHORT | Log Errors | []
        errors.log.include.messages | BOOLEAN | false | MEDIUM | null | Error Handling | 5 | SHORT | Log Error Details | []
        topics | LIST |  | HIGH | null | Common | 4 | LONG | Topics | []
        topics.regex | STRING |  | HIGH | valid regex | Common | 4 | LONG | Topics regex | []
        errors.deadletterqueue.topic.name | STRING |  | MEDIUM | null | Error Handling | 6 | MEDIUM | Dead Letter Queue Topic Name | []
        errors.deadletterqueue.topic.replication.factor | SHORT | 3 | MEDIUM | null | Error Handling | 7 | MEDIUM | Dead Letter Queue Topic Replication Factor | []
        errors.deadletterqueue.context.headers.enable | BOOLEAN | false | MEDIUM | null | Error Handling | 8 | MEDIUM | Enable Error Context Headers | []
        """;
}
