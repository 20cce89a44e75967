package io.tributary.connect.rest;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import io.tributary.connect.cli.LocalWorkers;
import io.tributary.connect.cli.StartupException;
import io.tributary.connect.herder.ScriptedSourceConnector;
import io.tributary.connect.testkit.KafkaBroker;
import io.tributary.connect.testkit.KafkaBrokerExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.util.Map;

import static io.tributary.connect.rest.RestTestServer.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * rest.extension.classes on a real standalone worker: an extension from the class path (no ServiceLoader entry
 * needed there) filters every request, serves its own resource, asks the cluster state, and is closed on stop.
 */
@ExtendWith(KafkaBrokerExtension.class)
class RestExtensionsTest {

    private static final String TOKEN = "Bearer let-me-in";
    private static final String SCRIPTED = ScriptedSourceConnector.class.getName();

    @TempDir
    static Path dir;
    private static KafkaBroker kafka;
    private static LiveWorker worker;

    @BeforeAll
    static void start(KafkaBroker broker) {
        kafka = broker;
        worker = LiveWorker.start(kafka, dir, Map.of("rest.extension.classes", TokenRestExtension.class.getName(),
                TokenRestExtension.TOKEN_CONFIG, "let-me-in"));
    }

    @AfterAll
    static void stop() {
        worker.close();
    }

    @AfterEach
    void deleteConnectors() {
        worker.authorization(TOKEN);
        worker.deleteAllConnectors();
        worker.authorization(null);
    }

    @Test
    void theExtensionsFilterAnswersEveryRequestWithoutItsToken() {
        assertThat(worker.get("/connectors").status()).isEqualTo(401);
        assertThat(worker.get("/").status()).isEqualTo(401);
        assertThat(worker.post("/connectors", "{\"name\":\"x\",\"config\":{}}").status()).isEqualTo(401);
        worker.authorization("Bearer wrong");
        assertThat(worker.get("/connectors").status()).isEqualTo(401);

        worker.authorization(TOKEN);
        RestTestServer.Answer answer = worker.get("/connectors");
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.json()).isEqualTo(json("[]"));
    }

    @Test
    void aComponentRegisteredAlreadyIsSkippedWithAWarningAndTakesPartOnce() {
        ListAppender<ILoggingEvent> logs = new ListAppender<>();
        logs.start();
        Logger logger = (Logger) LoggerFactory.getLogger("io.tributary.connect.rest.extensions.ExtensionConfigurable");
        logger.addAppender(logs);
        try (LiveWorker another = LiveWorker.start(kafka, dir.resolve("twice"), Map.of("rest.extension.classes",
                TokenRestExtension.class.getName(), TokenRestExtension.TOKEN_CONFIG, "t"))) {
            another.authorization("Bearer t");

            RestTestServer.Answer answer = another.get("/connectors");

            assertThat(answer.headers().allValues(TokenRestExtension.MARKER_HEADER)).containsExactly("seen");
            assertThat(logs.list).singleElement().satisfies(event -> {
                assertThat(event.getLevel()).isEqualTo(Level.WARN);
                assertThat(event.getFormattedMessage()).contains(TokenRestExtension.MarkerFilter.class.getName())
                        .contains("registered already");
            });
        } finally {
            logger.detachAppender(logs);
        }
    }

    @Test
    void configureReceivesTheWorkerSettingsAsGivenIncludingKeysTheWorkerDoesNotDefine() {
        assertThat(TokenRestExtension.lastSettings)
                .containsEntry(TokenRestExtension.TOKEN_CONFIG, "let-me-in")
                .containsEntry("rest.extension.classes", TokenRestExtension.class.getName())
                .containsEntry("bootstrap.servers", kafka.bootstrapServers())
                .doesNotContainKey("rest.advertised.host.name");
    }

    @Test
    void theExtensionsResourceAnswersTheKafkaClusterId() {
        worker.authorization(TOKEN);

        RestTestServer.Answer answer = worker.get("/extension/cluster");

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.json().get("kafka_cluster_id").asText()).isEqualTo(worker.herder.kafkaClusterId());
    }

    @Test
    void clusterStateListsConnectorsAndAnswersTheirHealthAndConfig() {
        worker.authorization(TOKEN);
        worker.create("src", Map.of("connector.class", SCRIPTED, "topic", "t"));

        assertThat(worker.get("/extension/connectors").json()).isEqualTo(json("[\"src\"]"));
        JsonNode health = worker.get("/extension/connectors/src/health").json();
        String workerId = worker.herder.workerId();
        assertThat(health).isEqualTo(json("{\"name\":\"src\",\"state\":\"RUNNING\",\"worker_id\":\"" + workerId + "\","
                + "\"type\":\"source\",\"tasks\":{\"0\":{\"id\":0,\"state\":\"RUNNING\",\"worker_id\":\"" + workerId
                + "\"}}}"));
        assertThat(worker.get("/extension/connectors/src/config").json()).isEqualTo(json(
                "{\"connector.class\":\"" + SCRIPTED + "\",\"name\":\"src\",\"topic\":\"t\"}"));
    }

    @Test
    void clusterStateAnswersAnUnknownConnectorWithKafkaConnectsExceptions() {
        worker.authorization(TOKEN);

        JsonNode health = worker.get("/extension/connectors/nope/health").json();
        JsonNode config = worker.get("/extension/connectors/nope/config").json();

        assertThat(health.get("exception").asText()).isEqualTo("org.apache.kafka.connect.errors.NotFoundException");
        assertThat(health.get("message").asText()).isEqualTo("No status found for connector nope");
        assertThat(config.get("exception").asText()).isEqualTo("org.apache.kafka.connect.errors.ConnectException");
        assertThat(config.get("message").asText()).isEqualTo("Failed to retrieve configuration for connector 'nope'");
        assertThat(config.get("cause").asText()).isEqualTo("java.util.concurrent.ExecutionException");
        assertThat(config.get("root_cause").asText()).isEqualTo("org.apache.kafka.connect.errors.NotFoundException");
    }

    @Test
    void connectorPluginsDoesNotListRestExtensions() {
        worker.authorization(TOKEN);

        JsonNode plugins = worker.get("/connector-plugins?connectorsOnly=false").json();

        assertThat(plugins.findValuesAsText("class")).isNotEmpty().noneMatch(name -> name.contains("RestExtension"));
    }

    @Test
    void extensionsAreClosedWhenTheWorkerStops() {
        int closedBefore = TokenRestExtension.CLOSED.get();
        LiveWorker another = LiveWorker.start(kafka, dir.resolve("closing"), Map.of("rest.extension.classes",
                TokenRestExtension.class.getName(), TokenRestExtension.TOKEN_CONFIG, "t"));
        assertThat(TokenRestExtension.CLOSED.get()).isEqualTo(closedBefore);

        another.close();

        assertThat(TokenRestExtension.CLOSED.get()).isEqualTo(closedBefore + 1);
    }

    @Test
    void anUnknownClassStopsStartupNamingTheKeyAndTheValue() {
        assertThatThrownBy(() -> LocalWorkers.standalone(kafka, dir.resolve("unknown.offsets"),
                Map.of("rest.extension.classes", "com.example.NoSuchExtension")))
                .isInstanceOf(StartupException.class)
                .hasMessageContaining("rest.extension.classes")
                .hasMessageContaining("com.example.NoSuchExtension")
                .hasMessageContaining("no such class");
    }

    @Test
    void aClassThatIsNoRestExtensionStopsStartupNamingTheKeyAndTheValue() {
        assertThatThrownBy(() -> LocalWorkers.standalone(kafka, dir.resolve("wrong.offsets"),
                Map.of("rest.extension.classes", SCRIPTED)))
                .isInstanceOf(StartupException.class)
                .hasMessageContaining("Invalid value " + SCRIPTED + " for configuration rest.extension.classes")
                .hasMessageContaining("does not implement org.apache.kafka.connect.rest.ConnectRestExtension");
    }
}
