package io.tributary.connect.e2e;

import io.tributary.connect.testkit.KafkaBroker;
import io.tributary.connect.testkit.KafkaBrokerExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import javax.management.MBeanServerConnection;
import javax.management.ObjectName;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A worker started by bin/connect-standalone.sh with JMX_PORT, as Apache's scripts take it: its metrics are read
 * over remote JMX and, with the same values, from GET /metrics.
 */
@ExtendWith(KafkaBrokerExtension.class)
class MonitoringEndToEndIT {

    private static final Duration STARTUP = Duration.ofSeconds(90);

    @TempDir
    Path dir;

    @Test
    void jmxPortOpensRemoteJmxAndMetricsShowsTheSameValues(KafkaBroker broker) throws Exception {
        int jmxPort = WorkerProcess.freePort();
        Map<String, String> props = new LinkedHashMap<>();
        props.put("bootstrap.servers", broker.bootstrapServers());
        props.put("key.converter", "org.apache.kafka.connect.json.JsonConverter");
        props.put("value.converter", "org.apache.kafka.connect.json.JsonConverter");
        props.put("offset.storage.file.filename", dir.resolve("connect.offsets").toString());

        try (WorkerProcess worker = WorkerProcess.startStandalone(dir, props, List.of(),
                Map.of("JMX_PORT", Integer.toString(jmxPort))).awaitReady(STARTUP);
             JMXConnector jmx = JMXConnectorFactory.connect(
                     new JMXServiceURL("service:jmx:rmi:///jndi/rmi://localhost:" + jmxPort + "/jmxrmi"))) {
            MBeanServerConnection connection = jmx.getMBeanServerConnection();
            Object startTime = connection.getAttribute(new ObjectName("kafka.connect:type=app-info"), "start-time-ms");

            RestClient.Response metrics = new RestClient(worker.restUrl()).get("/metrics");

            assertThat(metrics.status()).isEqualTo(200);
            assertThat(metrics.body().lines()).contains("kafka_connect_app_info_start_time_ms " + startTime);
        }
    }
}
