package io.tributary.connect.testkit;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import kafka.server.BrokerServer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;
import org.apache.kafka.server.common.MetadataVersion;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real Apache Kafka cluster in KRaft mode running inside this JVM on free ports, built on
 * Apache's {@link KafkaClusterTestKit}. Tests that need their own cluster (for instance to stop
 * brokers) start one with {@link #start(int)} and close it; everyone else shares the one from
 * {@link KafkaBrokerExtension}.
 */
public final class KafkaCluster implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(KafkaCluster.class);
    private static final Duration ADMIN_TIMEOUT = Duration.ofSeconds(30);

    private final KafkaClusterTestKit testKit;
    private final int brokerCount;
    private final KafkaBroker handle = new Handle();

    private KafkaCluster(KafkaClusterTestKit testKit, int brokerCount) {
        this.testKit = testKit;
        this.brokerCount = brokerCount;
    }

    /** A single node acting as both broker and controller: the quickest cluster to start. */
    public static KafkaCluster startSingleNode() {
        return start(1);
    }

    /**
     * Starts {@code brokers} brokers with one controller (combined with the first broker) and
     * returns once every broker is ready for clients.
     */
    public static KafkaCluster start(int brokers) {
        if (brokers < 1) {
            throw new IllegalArgumentException("a cluster needs at least one broker, got " + brokers);
        }
        long startedAt = System.nanoTime();
        KafkaClusterTestKit testKit = null;
        try {
            TestKitNodes nodes = new TestKitNodes.Builder()
                    // The released feature level, not the unstable one the harness would pick.
                    .setBootstrapMetadataVersion(MetadataVersion.LATEST_PRODUCTION)
                    .setCombined(true)
                    .setNumControllerNodes(1)
                    .setNumBrokerNodes(brokers)
                    .build();
            KafkaClusterTestKit.Builder builder = new KafkaClusterTestKit.Builder(nodes);
            BrokerDefaults.forClusterOf(brokers).forEach(builder::setConfigProp);
            testKit = builder.build();
            testKit.format();
            testKit.startup();
            testKit.waitForReadyBrokers();
        } catch (Exception e) {
            closeQuietly(testKit);
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            throw new IllegalStateException("could not start a Kafka cluster of " + brokers + " broker(s)", e);
        }
        KafkaCluster cluster = new KafkaCluster(testKit, brokers);
        log.info("Kafka cluster of {} broker(s) at {} started in {} ms", brokers, cluster.handle.bootstrapServers(),
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startedAt));
        return cluster;
    }

    public KafkaBroker broker() {
        return handle;
    }

    public String bootstrapServers() {
        return handle.bootstrapServers();
    }

    public int brokerCount() {
        return brokerCount;
    }

    /** The node ids of the brokers, for {@link #stopBroker(int)}. */
    public List<Integer> brokerIds() {
        return List.copyOf(testKit.brokers().keySet());
    }

    /** Shuts one broker down and waits until it has stopped; the rest of the cluster keeps running. */
    public void stopBroker(int brokerId) {
        BrokerServer broker = testKit.brokers().get(brokerId);
        if (broker == null) {
            throw new IllegalArgumentException("no broker with id " + brokerId + "; ids are " + brokerIds());
        }
        broker.shutdown();
        broker.awaitShutdown();
    }

    /**
     * Starts a broker stopped by {@link #stopBroker(int)} again on its data, and returns once it serves
     * clients; its replicas then catch up with the others in the background.
     */
    public void startBroker(int brokerId) {
        BrokerServer broker = testKit.brokers().get(brokerId);
        if (broker == null) {
            throw new IllegalArgumentException("no broker with id " + brokerId + "; ids are " + brokerIds());
        }
        broker.startup();
        try {
            broker.lifecycleManager().initialUnfenceFuture().get(ADMIN_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while broker " + brokerId + " started", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("broker " + brokerId + " did not rejoin the cluster", e);
        }
    }

    /** Stops every node and deletes the cluster's data directories. */
    @Override
    public void close() throws Exception {
        String servers = handle.bootstrapServers();
        testKit.close();
        log.info("Kafka cluster at {} stopped", servers);
    }

    private static void closeQuietly(KafkaClusterTestKit testKit) {
        if (testKit == null) {
            return;
        }
        try {
            testKit.close();
        } catch (Exception e) {
            log.warn("could not close a Kafka cluster that failed to start", e);
        }
    }

    private final class Handle implements KafkaBroker {

        @Override
        public String bootstrapServers() {
            return testKit.bootstrapServers();
        }

        @Override
        public void createTopic(String name, int partitions, Map<String, String> configs) {
            short replication = (short) Math.min(brokerCount, 3);
            NewTopic topic = new NewTopic(name, partitions, replication).configs(configs);
            try (Admin admin = admin()) {
                admin.createTopics(List.of(topic)).all()
                        .get(ADMIN_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while creating topic " + name, e);
            } catch (ExecutionException | TimeoutException e) {
                throw new IllegalStateException("could not create topic " + name, e);
            }
        }

        @Override
        public String toString() {
            return "KafkaBroker[" + bootstrapServers() + "]";
        }
    }
}
