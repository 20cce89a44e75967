package io.tributary.connect.worker;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.read.ListAppender;
import io.tributary.connect.model.ConnectorStateInfo;
import io.tributary.connect.testkit.KafkaBroker;
import io.tributary.connect.testkit.KafkaBrokerExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Secrets a worker is given stay secret: values of PASSWORD settings (the worker's, its clients', a connector's
 * client overrides) never reach the log, even with every Connect and Kafka client logger at INFO or finer, and
 * a login module Kafka disallows by default (JNDI) cannot be smuggled in through a connector's client overrides.
 */
@ExtendWith(KafkaBrokerExtension.class)
class SecretsTest {

    private static final String WORKER_SECRET = "worker-secret-5f1c";
    private static final String CLIENT_SECRET = "client-secret-9a7e";
    private static final String CONNECTOR_SECRET = "connector-secret-c3d2";

    private final ListAppender<ILoggingEvent> lines = new ListAppender<>();
    private final Map<Logger, Level> levels = new HashMap<>();

    @TempDir
    Path dir;

    @BeforeEach
    void captureEverything() {
        lines.start();
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        root.addAppender(lines);
        lower("org.apache.kafka", Level.INFO);
        lower("io.tributary", Level.DEBUG);
    }

    @AfterEach
    void restore() {
        ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).detachAppender(lines);
        levels.forEach(Logger::setLevel);
    }

    @Test
    void passwordValuesNeverAppearInTheLog(KafkaBroker kafka) throws Exception {
        String topic = "secrets-" + System.nanoTime();
        kafka.createTopic(topic);
        Path input = Files.writeString(dir.resolve("input.txt"), "one\ntwo\n");
        try (PipelineWorker worker = PipelineWorker.start(kafka, dir, Map.of(
                "ssl.key.password", WORKER_SECRET,
                "ssl.truststore.password", WORKER_SECRET,
                "producer.ssl.keystore.password", CLIENT_SECRET,
                "consumer.sasl.jaas.config", jaas(CLIENT_SECRET),
                "admin.ssl.key.password", CLIENT_SECRET))) {
            Map<String, String> config = new HashMap<>(Map.of(
                    "connector.class", "org.apache.kafka.connect.file.FileStreamSourceConnector",
                    "file", input.toString(), "topic", topic,
                    "producer.override.ssl.key.password", CONNECTOR_SECRET,
                    "producer.override.sasl.jaas.config", jaas(CONNECTOR_SECRET)));
            worker.put("secretive", config);
            assertThat(worker.awaitTaskState("secretive", "RUNNING").state()).isEqualTo("RUNNING");
        }

        assertThat(lines.list).as("the log was captured").isNotEmpty();
        assertThat(lines.list).as("the clients' configs were logged, with their passwords hidden")
                .anyMatch(line -> line.getFormattedMessage().contains("ssl.key.password = [hidden]"));
        for (ILoggingEvent line : lines.list) {
            String text = line.getFormattedMessage() + throwableText(line.getThrowableProxy());
            assertThat(text).as("log line of %s", line.getLoggerName())
                    .doesNotContain(WORKER_SECRET, CLIENT_SECRET, CONNECTOR_SECRET);
        }
    }

    @Test
    void aConnectorCannotUseTheJndiLoginModuleThroughItsClientOverrides(KafkaBroker kafka) throws Exception {
        String topic = "jndi-" + System.nanoTime();
        kafka.createTopic(topic);
        Path input = Files.writeString(dir.resolve("input.txt"), "one\n");
        try (PipelineWorker worker = PipelineWorker.start(kafka, dir)) {
            worker.put("jndi", Map.of(
                    "connector.class", "org.apache.kafka.connect.file.FileStreamSourceConnector",
                    "file", input.toString(), "topic", topic,
                    "producer.override.security.protocol", "SASL_PLAINTEXT",
                    "producer.override.sasl.mechanism", "PLAIN",
                    "producer.override.sasl.jaas.config",
                    "com.sun.security.auth.module.JndiLoginModule required user.provider.url=\"ldap://localhost\";"));

            ConnectorStateInfo.TaskState task = worker.awaitTaskState("jndi", "FAILED");
            assertThat(task.trace()).contains("com.sun.security.auth.module.JndiLoginModule is not allowed");
        }
    }

    private static String jaas(String password) {
        return "org.apache.kafka.common.security.plain.PlainLoginModule required username=\"connect\" password=\""
                + password + "\";";
    }

    private void lower(String name, Level level) {
        Logger logger = (Logger) LoggerFactory.getLogger(name);
        levels.put(logger, logger.getLevel());
        logger.setLevel(level);
    }

    private static String throwableText(IThrowableProxy proxy) {
        StringBuilder text = new StringBuilder();
        for (IThrowableProxy cause = proxy; cause != null; cause = cause.getCause()) {
            text.append(' ').append(cause.getClassName()).append(": ").append(cause.getMessage());
        }
        return text.toString();
    }

}
