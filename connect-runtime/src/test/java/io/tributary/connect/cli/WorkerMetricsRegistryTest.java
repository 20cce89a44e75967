package io.tributary.connect.cli;

import io.tributary.connect.testkit.KafkaBroker;
import io.tributary.connect.testkit.KafkaBrokerExtension;
import org.apache.kafka.common.utils.Sanitizer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import javax.management.MBeanServer;
import javax.management.ObjectName;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(KafkaBrokerExtension.class)
class WorkerMetricsRegistryTest {

    private final MBeanServer server = ManagementFactory.getPlatformMBeanServer();

    @TempDir
    Path dir;

    @Test
    void aWorkerRegistersItsAppInfoUnderKafkaConnectUntilItStops(KafkaBroker kafka) throws Exception {
        StandaloneWorker worker = LocalWorkers.standalone(kafka, dir.resolve("offsets"), Map.of());
        String id = Sanitizer.jmxSanitize(worker.rest().workerId());
        ObjectName appInfo = new ObjectName("kafka.connect:type=app-info,id=" + id);
        // The registry's own app-info metrics carry no tags, as the worker's metric config has none.
        ObjectName appInfoMetrics = new ObjectName("kafka.connect:type=app-info");
        try {
            assertThat(server.getAttribute(appInfo, "Version")).isNotNull();
            assertThat(server.getAttribute(appInfoMetrics, "version")).isEqualTo(server.getAttribute(appInfo, "Version"));
            assertThat((Long) server.getAttribute(appInfoMetrics, "start-time-ms")).isPositive();
        } finally {
            worker.stop();
        }
        assertThat(server.isRegistered(appInfo)).isFalse();
        assertThat(server.isRegistered(appInfoMetrics)).isFalse();
    }
}
