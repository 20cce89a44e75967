package io.tributary.connect.distributed;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.kafka.clients.ApiVersions;
import org.apache.kafka.clients.ClientUtils;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.DefaultHostResolver;
import org.apache.kafka.clients.GroupRebalanceConfig;
import org.apache.kafka.clients.Metadata;
import org.apache.kafka.clients.NetworkClient;
import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.internals.ConsumerNetworkClient;
import org.apache.kafka.common.internals.ClusterResourceListeners;
import org.apache.kafka.common.metrics.KafkaMetricsContext;
import org.apache.kafka.common.metrics.MetricConfig;
import org.apache.kafka.common.metrics.Metrics;
import org.apache.kafka.common.metrics.MetricsReporter;
import org.apache.kafka.common.metrics.Sensor;
import org.apache.kafka.common.utils.AppInfoParser;
import org.apache.kafka.common.utils.LogContext;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.common.utils.Utils;
import org.slf4j.Logger;

/**
 * A worker's membership in its Connect group: owns the connection to the group coordinator and takes part
 * in rebalances. The herder's single thread drives it by calling {@link #poll} in its loop (all listener
 * callbacks run inside {@code poll}); other threads may only call {@link #wakeup}.
 *
 * <pre>{@code
 * member = new WorkerGroupMember(config, restUrl, configSnapshots, rebalanceListener, time);
 * while (running) {
 *     try { member.poll(timeUntilNextHerderTask); } catch (WakeupException e) { }  // a request arrived
 *     runHerderRequests();
 * }
 * member.close();  // leaves the group
 * }</pre>
 */
public final class WorkerGroupMember implements AutoCloseable {

    private static final AtomicInteger CLIENT_IDS = new AtomicInteger(1);
    private static final String METRIC_PREFIX = "connect";
    private static final String METRICS_NAMESPACE = "kafka.connect";

    private final Logger log;
    private final String clientId;
    private final Time time;
    private final Metrics metrics;
    private final ConsumerNetworkClient client;
    private final WorkerCoordinator coordinator;
    private boolean closed;

    public WorkerGroupMember(GroupMembershipConfig config, String restUrl, ConfigSnapshots configs,
                             WorkerRebalanceListener listener, Time time) {
        this.time = time;
        String configuredId = config.getString(CommonClientConfigs.CLIENT_ID_CONFIG);
        this.clientId = configuredId.isEmpty() ? defaultClientId(restUrl) : configuredId;
        LogContext logContext = new LogContext("[Worker clientId=" + clientId + ", groupId=" + config.groupId() + "] ");
        this.log = logContext.logger(WorkerGroupMember.class);
        Metrics createdMetrics = null;
        ConsumerNetworkClient createdClient = null;
        try {
            createdMetrics = metrics(config, time);
            long retryBackoffMs = config.getLong(CommonClientConfigs.RETRY_BACKOFF_MS_CONFIG);
            long retryBackoffMaxMs = config.getLong(CommonClientConfigs.RETRY_BACKOFF_MAX_MS_CONFIG);
            Metadata metadata = new Metadata(retryBackoffMs, retryBackoffMaxMs,
                config.getLong(CommonClientConfigs.METADATA_MAX_AGE_CONFIG), logContext, new ClusterResourceListeners());
            metadata.bootstrap(ClientUtils.parseAndValidateAddresses(
                config.getList(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG),
                config.getString(CommonClientConfigs.CLIENT_DNS_LOOKUP_CONFIG)));
            // The client id goes into every request: the coordinator builds member ids from it
            // ("connect-<host>:<port>-<uuid>", as Kafka Connect's) and admin tools show it per member.
            NetworkClient network = ClientUtils.createNetworkClient(config, clientId, createdMetrics, METRIC_PREFIX,
                logContext, new ApiVersions(), time, 100, config.getInt(CommonClientConfigs.REQUEST_TIMEOUT_MS_CONFIG),
                metadata, null, new DefaultHostResolver(), null, null);
            createdClient = new ConsumerNetworkClient(logContext, network, metadata, time, retryBackoffMs,
                config.getInt(CommonClientConfigs.REQUEST_TIMEOUT_MS_CONFIG), Integer.MAX_VALUE);
            GroupRebalanceConfig rebalance = new GroupRebalanceConfig(config.sessionTimeoutMs(),
                config.rebalanceTimeoutMs(), config.heartbeatIntervalMs(), config.groupId(), Optional.empty(), null,
                retryBackoffMs, retryBackoffMaxMs, true);
            this.coordinator = new WorkerCoordinator(rebalance, logContext, createdClient, createdMetrics, time,
                restUrl, configs, listener, config.protocol(), config.scheduledRebalanceMaxDelayMs());
            this.metrics = createdMetrics;
            this.client = createdClient;
            AppInfoParser.registerAppInfo(METRICS_NAMESPACE, clientId, createdMetrics, time.milliseconds());
            log.debug("Group member created, advertising {}", restUrl);
        } catch (RuntimeException e) {
            Utils.closeQuietly(createdClient, "consumer network client");
            Utils.closeQuietly(createdMetrics, "metrics");
            throw e;
        }
    }

    /** The member's own registry (coordinator and network metrics under kafka.connect, tagged with its client id). */
    public Metrics metrics() {
        return metrics;
    }

    /**
     * Takes part in the group for up to {@code timeoutMs}: joins, heartbeats, rebalances, calling the
     * listener as assignments change. May block longer while a rebalance completes; {@link #wakeup} ends
     * it early with a {@link org.apache.kafka.common.errors.WakeupException}.
     */
    public void poll(long timeoutMs) {
        if (timeoutMs < 0) {
            throw new IllegalArgumentException("Timeout must not be negative");
        }
        coordinator.poll(timeoutMs);
    }

    /** Interrupts a blocked {@link #poll}; safe from any thread. */
    public void wakeup() {
        client.wakeup();
    }

    /** Asks for a rebalance at the next poll (e.g. after connectors or task counts changed). */
    public void requestRejoin() {
        coordinator.requestRejoin("the worker asked for a rebalance");
    }

    /** Leaves the group now (the next poll joins again), so the others rebalance without waiting for a timeout. */
    public void maybeLeaveGroup(String reason) {
        coordinator.maybeLeaveGroup(CloseOptions.GroupMembershipOperation.LEAVE_GROUP, reason);
    }

    /** This member's id in the current generation; empty before the first join. */
    public String memberId() {
        String id = coordinator.memberId();
        return id == null ? "" : id;
    }

    /** Who runs each connector and task while this worker leads the group (see {@link WorkOwners}). */
    public WorkOwners owners() {
        return coordinator.owners();
    }

    /** The protocol the group last elected, or the configured one before the first join. */
    public ConnectProtocolVersion currentProtocol() {
        return coordinator.currentProtocol();
    }

    public short currentProtocolVersion() {
        return coordinator.currentProtocolVersion();
    }

    /**
     * "connect-" and this worker's advertised REST host:port, as Kafka Connect names its group client, so the
     * client's MBeans and log lines name the worker; a sequence number when the URL has no host.
     */
    static String defaultClientId(String restUrl) {
        try {
            URI url = URI.create(restUrl);
            if (url.getHost() != null && url.getPort() > 0) {
                return "connect-" + url.getHost() + ":" + url.getPort();
            }
        } catch (IllegalArgumentException | NullPointerException e) {
            // fall back below
        }
        return "connect-" + CLIENT_IDS.getAndIncrement();
    }

    public String clientId() {
        return clientId;
    }

    /** Leaves the group and releases the connection. */
    @Override
    public void close() {
        close(Duration.ofSeconds(30), true);
    }

    /**
     * Stops taking part; with {@code leaveGroup} false the others only notice once the session times out
     * (what a crashed worker looks like to the group).
     */
    public void close(Duration timeout, boolean leaveGroup) {
        if (closed) {
            return;
        }
        closed = true;
        try {
            coordinator.close(time.timer(timeout.toMillis()), leaveGroup);
        } finally {
            Utils.closeQuietly(client, "consumer network client");
            AppInfoParser.unregisterAppInfo(METRICS_NAMESPACE, clientId, metrics);
            Utils.closeQuietly(metrics, "metrics");
            log.debug("Group member closed");
        }
    }

    private Metrics metrics(GroupMembershipConfig config, Time time) {
        MetricConfig metricConfig = new MetricConfig()
            .samples(config.getInt(CommonClientConfigs.METRICS_NUM_SAMPLES_CONFIG))
            .timeWindow(config.getLong(CommonClientConfigs.METRICS_SAMPLE_WINDOW_MS_CONFIG), TimeUnit.MILLISECONDS)
            .recordLevel(Sensor.RecordingLevel.forName(config.getString(
                CommonClientConfigs.METRICS_RECORDING_LEVEL_CONFIG)))
            .tags(Map.of("client-id", clientId));
        List<MetricsReporter> reporters = CommonClientConfigs.metricsReporters(clientId, config);
        return new Metrics(metricConfig, reporters, time, new KafkaMetricsContext(METRICS_NAMESPACE,
            Map.of("group.id", config.groupId())));
    }
}
