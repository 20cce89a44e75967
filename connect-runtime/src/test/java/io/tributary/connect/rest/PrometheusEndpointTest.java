package io.tributary.connect.rest;

import io.tributary.connect.config.RestServerConfigs;
import io.tributary.connect.testkit.KafkaBroker;
import io.tributary.connect.testkit.KafkaBrokerExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** GET /metrics of a real standalone worker: its registry in the Prometheus text format, unless turned off. */
@ExtendWith(KafkaBrokerExtension.class)
class PrometheusEndpointTest {

    @TempDir
    static Path dir;
    private static LiveWorker worker;

    @BeforeAll
    static void start(KafkaBroker kafka) {
        worker = LiveWorker.start(kafka, dir);
    }

    @AfterAll
    static void stop() {
        worker.close();
    }

    @Test
    void answersTheTextFormatWithItsContentType() {
        RestTestServer.Answer answer = worker.get("/metrics");

        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        List<String> contentType = Arrays.stream(answer.header("Content-Type").split(";"))
                .map(part -> part.strip().toLowerCase(Locale.ROOT)).toList();
        assertThat(contentType).containsExactlyInAnyOrder("text/plain", "version=0.0.4", "charset=utf-8");
    }

    @Test
    void answersTheAcceptHeaderPrometheusSendsWithTheTextFormat() throws Exception {
        HttpRequest scrape = HttpRequest.newBuilder(worker.server.serverUrl().resolve("/metrics"))
                .header("Accept", "application/openmetrics-text;version=1.0.0,application/openmetrics-text;"
                        + "version=0.0.1;q=0.75,text/plain;version=0.0.4;q=0.5,*/*;q=0.1")
                .timeout(Duration.ofSeconds(30)).build();

        HttpResponse<String> answer = HttpClient.newHttpClient().send(scrape, HttpResponse.BodyHandlers.ofString());

        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        assertThat(answer.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type)
                .startsWith("text/plain"));
        assertThat(answer.body()).contains("# TYPE kafka_connect_kafka_metrics_count_count untyped");
    }

    @Test
    void rendersTheWorkersRegistryUnderTheJmxExporterNames() {
        List<String> lines = worker.get("/metrics").body().lines().toList();

        // The registry's own count and the worker's app-info, both registered when the worker builds its metrics.
        assertThat(lines).contains("# TYPE kafka_connect_kafka_metrics_count_count untyped");
        assertThat(lines).anySatisfy(line -> assertThat(line).matches("kafka_connect_kafka_metrics_count_count \\d+"));
        assertThat(lines).anySatisfy(line -> assertThat(line).matches("kafka_connect_app_info_start_time_ms \\d{13}"));
        assertThat(lines).as("string attributes are skipped, as the JMX exporter skips them")
                .noneMatch(line -> line.startsWith("kafka_connect_app_info_version"));
    }

    @Test
    void theSettingTurnsTheEndpointOff(KafkaBroker kafka) {
        try (LiveWorker off = LiveWorker.start(kafka, dir.resolve("off"),
                Map.of(RestServerConfigs.PROMETHEUS_METRICS_ENABLE_CONFIG, "false"))) {
            assertThat(off.get("/metrics").status()).isEqualTo(404);
            assertThat(off.get("/connectors").status()).isEqualTo(200);
        }
    }
}
