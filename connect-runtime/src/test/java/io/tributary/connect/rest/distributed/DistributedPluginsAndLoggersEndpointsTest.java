package io.tributary.connect.rest.distributed;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.connect.e2e.RestClient;
import io.tributary.connect.testkit.KafkaBroker;
import io.tributary.connect.testkit.KafkaBrokerExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/** Plugin, validation and worker-scope logger endpoints, which every distributed worker answers itself. */
@ExtendWith(KafkaBrokerExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DistributedPluginsAndLoggersEndpointsTest {

    private TwoWorkerCluster cluster;

    @BeforeAll
    void startCluster(KafkaBroker broker) {
        cluster = TwoWorkerCluster.start(broker);
    }

    @AfterAll
    void stopCluster() {
        cluster.close();
    }

    @Test
    void connectorPluginsAreListedOnBothWorkersWithAndWithoutConnectorsOnly() {
        for (RestClient client : cluster.both()) {
            RestClient.Response connectors = client.get("/connector-plugins");
            RestClient.Response all = client.get("/connector-plugins?connectorsOnly=false");

            assertThat(connectors.status()).isEqualTo(200);
            assertThat(connectors.body()).contains("FileStreamSourceConnector").doesNotContain("\"converter\"");
            assertThat(all.status()).isEqualTo(200);
            assertThat(all.body()).contains("\"converter\"").contains("\"transformation\"");
        }
    }

    @Test
    void pluginConfigIsDescribedOnBothWorkersAnd404ForAnUnknownPlugin() {
        for (RestClient client : cluster.both()) {
            RestClient.Response config = client.get("/connector-plugins/FileStreamSource/config");

            assertThat(config.status()).isEqualTo(200);
            assertThat(config.body()).contains("\"name\":\"file\"");
            assertThat(client.get("/connector-plugins/NoSuchPlugin/config").status()).isEqualTo(404);
        }
    }

    @Test
    void configValidationAnswersOnBothWorkers() {
        for (RestClient client : cluster.both()) {
            RestClient.Response answer = client.put("/connector-plugins/FileStreamSource/config/validate",
                    "{\"connector.class\":\"FileStreamSource\",\"name\":\"v\",\"topic\":\"t\",\"tasks.max\":\"x\"}");

            assertThat(answer.status()).as(answer.body()).isEqualTo(200);
            // Kafka Connect names the report after the connector.class as given, alias included.
            assertThat(answer.json().get("name").asText()).isEqualTo("FileStreamSource");
            assertThat(answer.json().get("error_count").asInt()).isPositive();
        }
    }

    @Test
    void workerScopeLoggerLevelsAreReadAndSetOnEachWorker() {
        for (RestClient client : cluster.both()) {
            RestClient.Response set = client.put("/admin/loggers/io.tributary.test.worker", "{\"level\":\"DEBUG\"}");

            assertThat(set.status()).isEqualTo(200);
            assertThat(client.get("/admin/loggers/io.tributary.test.worker").json().get("level").asText())
                    .isEqualTo("DEBUG");
            assertThat(client.get("/admin/loggers").json().has("root")).isTrue();
            assertThat(client.get("/admin/loggers/does.not.exist").status()).isEqualTo(404);
        }
    }
}
