package io.tributary.connect.worker;

import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.tributary.connect.config.ConnectorClientOverrides;
import io.tributary.connect.config.WorkerClientConfigs;
import io.tributary.connect.config.WorkerConfig;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.connect.errors.ConnectException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Looks up the id of the Kafka cluster a worker talks to, once at startup. */
public final class KafkaClusterId {

    private static final Logger log = LoggerFactory.getLogger(KafkaClusterId.class);

    private KafkaClusterId() {
    }

    public static String lookup(WorkerConfig config, long timeoutMs) {
        Map<String, Object> props = new WorkerClientConfigs(config, null)
                .admin("connect-cluster-id-lookup", ConnectorClientOverrides.none());
        props.keySet().removeIf(key -> key.startsWith("metrics.context."));
        try (Admin admin = Admin.create(props)) {
            String id = admin.describeCluster().clusterId().get(timeoutMs, TimeUnit.MILLISECONDS);
            log.info("Kafka cluster id: {}", id);
            return id;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ConnectException("Interrupted while looking up the Kafka cluster id", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new ConnectException("Could not reach the Kafka cluster at " + config.bootstrapServers()
                    + " to look up its id; check bootstrap.servers and that the brokers are up", e);
        }
    }
}
