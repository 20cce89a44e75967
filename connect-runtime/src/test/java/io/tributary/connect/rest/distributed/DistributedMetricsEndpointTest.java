package io.tributary.connect.rest.distributed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.tributary.connect.e2e.RestClient;
import io.tributary.connect.testkit.KafkaBroker;
import io.tributary.connect.testkit.KafkaBrokerExtension;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/** GET /metrics of a distributed worker renders its group member's registry beside the worker's. */
@ExtendWith(KafkaBrokerExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DistributedMetricsEndpointTest {

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
    void eachWorkerShowsItsCoordinatorMetricsTaggedWithItsClientId() {
        for (RestClient client : new RestClient[] {cluster.leader(), cluster.follower()}) {
            await().atMost(Duration.ofSeconds(TwoWorkerCluster.TIMEOUT_S)).untilAsserted(() -> {
                RestClient.Response answer = client.get("/metrics");
                assertThat(answer.status()).isEqualTo(200);
                // The group client is connect-<host:port>, as in Apache; Kafka quotes a tag value with a ':'.
                assertThat(answer.body().lines()).anySatisfy(line -> assertThat(line)
                        .startsWith("kafka_connect_connect_coordinator_metrics_join_total{client_id=\"\\\"connect-")
                        .matches(".*\\} [1-9]\\d*"));
                assertThat(answer.body()).contains("\nkafka_connect_kafka_metrics_count_count ");
            });
        }
    }
}
