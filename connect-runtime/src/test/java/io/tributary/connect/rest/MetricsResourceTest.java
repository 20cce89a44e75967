package io.tributary.connect.rest;

import io.tributary.connect.ManualTime;
import io.tributary.connect.metrics.ConnectMetrics;
import org.apache.kafka.common.metrics.KafkaMetricsContext;
import org.apache.kafka.common.metrics.Measurable;
import org.apache.kafka.common.metrics.MetricConfig;
import org.apache.kafka.common.metrics.Metrics;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** GET /metrics while the worker starts: 503 until it hands over its registries, then what they hold. */
class MetricsResourceTest {

    @Test
    void answers503UntilTheWorkerHandsOverItsMetricsThenRendersThemBeforeTheHerderIsReady() {
        try (RestTestServer rest = RestTestServer.starting(Map.of());
             Metrics registry = new Metrics(new MetricConfig(), List.of(), new ManualTime(),
                     new KafkaMetricsContext(ConnectMetrics.JMX_PREFIX))) {
            RestTestServer.Answer early = rest.get("/metrics");
            assertThat(early.status()).isEqualTo(503);
            assertThat(early.json().get("message").asText()).contains("still starting up");

            registry.addMetric(registry.metricName("connector-count", "connect-worker-metrics"),
                    (Measurable) (config, now) -> 3);
            rest.server.exposeMetrics(List.of(registry));
            RestTestServer.Answer answer = rest.get("/metrics");

            assertThat(answer.status()).isEqualTo(200);
            assertThat(answer.body().lines()).contains("kafka_connect_connect_worker_metrics_connector_count 3");
            assertThat(rest.get("/connectors").status()).as("the herder is still not there").isEqualTo(503);
        }
    }
}
