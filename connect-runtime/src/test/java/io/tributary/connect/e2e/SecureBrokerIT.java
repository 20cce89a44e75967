package io.tributary.connect.e2e;

import io.tributary.connect.e2e.FilePipeline.Delivery;
import io.tributary.connect.testkit.KafkaBrokerProcess;
import io.tributary.connect.testkit.TestCertificates;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.ScramCredentialInfo;
import org.apache.kafka.clients.admin.ScramMechanism;
import org.apache.kafka.clients.admin.UserScramCredentialUpsertion;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static io.tributary.connect.e2e.FilePipeline.appendLines;
import static io.tributary.connect.e2e.FilePipeline.createConnector;
import static io.tributary.connect.e2e.FilePipeline.pollUntil;
import static io.tributary.connect.e2e.FilePipeline.statuses;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A distributed worker on a broker that only talks SASL_SSL, set up as Kafka Connect users set it up: the
 * worker's own clients (internal topics, group membership) authenticate with SCRAM-SHA-512, the tasks' clients
 * with Apache's prefixes ({@code producer.}, {@code consumer.}, {@code admin.}, PLAIN here) and a connector
 * overrides its producer ({@code producer.override.}, SCRAM-SHA-256) and its consumer (OAUTHBEARER). Lines go
 * file to topic to file; the broker's certificate comes from a test authority the worker trusts.
 */
class SecureBrokerIT {

    private static final int LINES = 2_000;
    private static final Duration STARTUP = Duration.ofSeconds(120);
    private static final Duration DELIVERY = Duration.ofSeconds(120);
    private static final String SCRAM_LOGIN = "org.apache.kafka.common.security.scram.ScramLoginModule required";
    private static final String PLAIN_LOGIN = "org.apache.kafka.common.security.plain.PlainLoginModule required";
    private static final String OAUTH_LOGIN =
            "org.apache.kafka.common.security.oauthbearer.OAuthBearerLoginModule required";

    @TempDir(cleanup = CleanupMode.ON_SUCCESS)
    Path dir;

    private KafkaBrokerProcess broker;
    private WorkerProcess worker;

    @AfterEach
    void stop() {
        if (worker != null) {
            worker.close();
        }
        if (broker != null) {
            broker.close();
        }
    }

    @Test
    void workerAndTasksMoveDataOverSaslSslWithScramPlainAndOauthbearer() throws Exception {
        TestCertificates authority = TestCertificates.create(dir.resolve("tls"));
        TestCertificates.Identity brokerIdentity = authority.issue("broker", "dns:localhost", "ip:127.0.0.1");
        Path truststore = authority.truststore("PKCS12");
        broker = new KafkaBrokerProcess(dir.resolve("broker"), "SASL_SSL", brokerSettings(brokerIdentity));
        broker.start();
        createUsers();
        String topic = "secure-lines";
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all().get(30, TimeUnit.SECONDS);
        }

        worker = WorkerProcess.startDistributed(Files.createDirectories(dir.resolve("worker")),
                workerSettings(truststore)).awaitReady(STARTUP);
        RestClient rest = new RestClient(worker.restUrl());
        Path input = dir.resolve("input.txt");
        Path output = dir.resolve("output.txt");
        appendLines(input, 1, LINES);
        Map<String, String> source = new LinkedHashMap<>(Map.of("connector.class", "FileStreamSource",
                "tasks.max", "1", "file", input.toString(), "topic", topic));
        source.put("producer.override.sasl.mechanism", "SCRAM-SHA-256");
        source.put("producer.override.sasl.jaas.config", SCRAM_LOGIN + " username=\"source\" password=\"source-pw\";");
        createConnector(rest, "secure-source", source);
        Map<String, String> sink = new LinkedHashMap<>(Map.of("connector.class", "FileStreamSink",
                "tasks.max", "1", "file", output.toString(), "topics", topic));
        sink.put("consumer.override.sasl.mechanism", "OAUTHBEARER");
        sink.put("consumer.override.sasl.jaas.config", OAUTH_LOGIN + " unsecuredLoginStringClaim_sub=\"sink\";");
        createConnector(rest, "secure-sink", sink);

        Delivery delivered = pollUntil(DELIVERY, () -> Delivery.read(output, LINES), Delivery::complete);
        assertThat(delivered.complete()).as("%s; statuses: %s", delivered,
                statuses(rest, List.of("secure-source", "secure-sink"))).isTrue();
        assertThat(delivered.foreignCount()).isZero();
        assertThat(statuses(rest, List.of("secure-source", "secure-sink"))).isEqualTo(
                "secure-source: connector RUNNING, tasks [RUNNING]; secure-sink: connector RUNNING, tasks [RUNNING]");
        assertThat(worker.output()).as("the worker's log").isNotEmpty().doesNotContain("connect-pw", "source-pw", "tasks-pw", TestCertificates.PASSWORD);
    }

    private Map<String, String> brokerSettings(TestCertificates.Identity identity) {
        Map<String, String> settings = new HashMap<>();
        settings.put("sasl.enabled.mechanisms", "SCRAM-SHA-512,SCRAM-SHA-256,PLAIN,OAUTHBEARER");
        settings.put("listener.name.sasl_ssl.ssl.keystore.location", identity.keystore("PKCS12").toString());
        settings.put("listener.name.sasl_ssl.ssl.keystore.password", TestCertificates.PASSWORD);
        settings.put("listener.name.sasl_ssl.ssl.keystore.type", "PKCS12");
        settings.put("listener.name.sasl_ssl.ssl.key.password", TestCertificates.PASSWORD);
        settings.put("listener.name.sasl_ssl.scram-sha-512.sasl.jaas.config", SCRAM_LOGIN + ";");
        settings.put("listener.name.sasl_ssl.scram-sha-256.sasl.jaas.config", SCRAM_LOGIN + ";");
        settings.put("listener.name.sasl_ssl.plain.sasl.jaas.config", PLAIN_LOGIN + " user_tasks=\"tasks-pw\";");
        settings.put("listener.name.sasl_ssl.oauthbearer.sasl.jaas.config", OAUTH_LOGIN + ";");
        return settings;
    }

    /** SCRAM users live in the cluster's metadata: made over the PLAINTEXT listener, as an operator would. */
    private void createUsers() throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()))) {
            admin.alterUserScramCredentials(List.of(
                    new UserScramCredentialUpsertion("connect",
                            new ScramCredentialInfo(ScramMechanism.SCRAM_SHA_512, 4096), "connect-pw"),
                    new UserScramCredentialUpsertion("source",
                            new ScramCredentialInfo(ScramMechanism.SCRAM_SHA_256, 4096), "source-pw")))
                    .all().get(30, TimeUnit.SECONDS);
        }
    }

    private Map<String, String> workerSettings(Path truststore) {
        Map<String, String> props = new LinkedHashMap<>();
        props.put("bootstrap.servers", broker.extraListenerBootstrapServers());
        props.put("group.id", "secure-connect");
        props.put("config.storage.topic", "secure-configs");
        props.put("offset.storage.topic", "secure-offsets");
        props.put("status.storage.topic", "secure-status");
        props.put("config.storage.replication.factor", "1");
        props.put("offset.storage.replication.factor", "1");
        props.put("status.storage.replication.factor", "1");
        props.put("key.converter", "org.apache.kafka.connect.storage.StringConverter");
        props.put("value.converter", "org.apache.kafka.connect.storage.StringConverter");
        props.put("offset.flush.interval.ms", "1000");
        // The worker's own clients.
        security(props, "", "SCRAM-SHA-512", SCRAM_LOGIN + " username=\"connect\" password=\"connect-pw\";", truststore);
        // The tasks' clients, as Kafka Connect configures them: by prefix, never from the worker's own settings.
        for (String prefix : List.of("producer.", "consumer.", "admin.")) {
            security(props, prefix, "PLAIN", PLAIN_LOGIN + " username=\"tasks\" password=\"tasks-pw\";", truststore);
        }
        return props;
    }

    private static void security(Map<String, String> props, String prefix, String mechanism, String jaas,
                                 Path truststore) {
        props.put(prefix + "security.protocol", "SASL_SSL");
        props.put(prefix + "sasl.mechanism", mechanism);
        props.put(prefix + "sasl.jaas.config", jaas);
        props.put(prefix + "ssl.truststore.location", truststore.toString());
        props.put(prefix + "ssl.truststore.password", TestCertificates.PASSWORD);
        props.put(prefix + "ssl.truststore.type", "PKCS12");
    }
}
