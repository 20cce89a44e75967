package io.tributary.connect.mirror;

import io.tributary.connect.cli.HeadlessDistributedWorker;
import io.tributary.connect.herder.DistributedHerder;
import io.tributary.connect.plugins.Plugins;
import io.tributary.connect.rest.InternalRestServer;
import io.tributary.connect.rest.ListenerUrl;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.utils.Time;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One node of a dedicated MirrorMaker 2 cluster: for every flow whose target this node drives, a member of that
 * flow's Connect group (a herder with its worker and stores, on the target cluster), whose leader writes the
 * flow's three connector configs. With {@code dedicated.mode.enable.internal.rest=true} one internal REST server
 * lets the members of each group reach their leader, so that several nodes can share the work.
 */
public final class MirrorMaker {

    private static final Logger log = LoggerFactory.getLogger(MirrorMaker.class);
    /** The connectors of every flow, in the order MirrorMaker 2 configures them. */
    static final List<String> CONNECTOR_CLASSES = List.of(
            "org.apache.kafka.connect.mirror.MirrorSourceConnector",
            "org.apache.kafka.connect.mirror.MirrorHeartbeatConnector",
            "org.apache.kafka.connect.mirror.MirrorCheckpointConnector");
    /** What a member without an internal REST server advertises: nothing can reach it. */
    private static final String NO_URL = "NOTUSED";

    private final Plugins plugins;
    private final InternalRestServer rest;
    private final Map<Flow, HeadlessDistributedWorker> workers;
    private final AtomicBoolean stopped = new AtomicBoolean();
    private final CountDownLatch stopCompleted = new CountDownLatch(1);

    private MirrorMaker(Plugins plugins, InternalRestServer rest, Map<Flow, HeadlessDistributedWorker> workers) {
        this.plugins = plugins;
        this.rest = rest;
        this.workers = workers;
    }

    /**
     * Starts this node's herders, one per flow into the {@code targets} clusters (every flow when empty).
     *
     * @throws org.apache.kafka.common.config.ConfigException for a mistake in the settings or the targets
     * @throws io.tributary.connect.cli.StartupException       when a herder cannot start
     */
    public static MirrorMaker start(Map<String, String> props, List<String> targets) {
        MirrorMakerSettings settings = new MirrorMakerSettings(props);
        List<Flow> flows = settings.flowsTargeting(targets);
        settings.requireBootstrapServers(flows);
        log.info("Targeting clusters {}: flows {}", targets.isEmpty() ? settings.clusters() : targets, flows);
        FlowConfigs configs = new FlowConfigs(settings);
        Plugins plugins = new Plugins(configs.workerConfig(flows.get(0)), Time.SYSTEM);
        InternalRestServer rest = null;
        Map<Flow, HeadlessDistributedWorker> workers = new LinkedHashMap<>();
        try {
            Set<String> mirrorSettings = mirrorSettingNames(plugins);
            if (settings.internalRestEnabled()) {
                rest = internalRest(props, flows);
                rest.start();
            }
            for (Flow flow : flows) {
                log.info("Creating the herder for {}", flow);
                FlowConnectors connectors = new FlowConnectors(flow, CONNECTOR_CLASSES.stream()
                        .map(connector -> configs.connectorConfig(flow, connector, mirrorSettings)).toList());
                String advertised = rest == null ? NO_URL : rest.advertisedUrl() + flow.restPath();
                HeadlessDistributedWorker worker = HeadlessDistributedWorker.start(configs.workerConfig(flow), plugins,
                        workerId(rest, flow), advertised, rest != null, registries -> { },
                        herder -> herder.onBecomingLeader(() -> connectors.writeAsLeader(herder)));
                workers.put(flow, worker);
                if (rest != null) {
                    rest.serve(flow.restPath(), worker.herder());
                }
            }
        } catch (RuntimeException e) {
            new MirrorMaker(plugins, rest, workers).stop();
            throw e;
        }
        log.info("MirrorMaker 2 started with {} herder(s){}", workers.size(),
                rest == null ? "" : "; internal REST server at " + rest.advertisedUrl());
        return new MirrorMaker(plugins, rest, workers);
    }

    /** The herder of a flow this node drives. */
    public DistributedHerder herder(Flow flow) {
        HeadlessDistributedWorker worker = workers.get(flow);
        if (worker == null) {
            throw new IllegalArgumentException("This node runs no herder for " + flow);
        }
        return worker.herder();
    }

    /** Where the other nodes reach this node's internal REST server; empty without one. */
    public Optional<URI> internalRestUrl() {
        return Optional.ofNullable(rest).map(InternalRestServer::advertisedUrl);
    }

    public List<Flow> flows() {
        return new ArrayList<>(workers.keySet());
    }

    /** Stops every herder (tasks commit their offsets), then the internal REST server; safe twice. */
    public void stop() {
        if (!stopped.compareAndSet(false, true)) {
            return;
        }
        log.info("MirrorMaker 2 stopping");
        List<HeadlessDistributedWorker> running = new ArrayList<>(workers.values());
        // Each herder waits for its tasks to stop: stop them side by side so that shutdown takes one wait, not n.
        List<Thread> stopping = running.stream().map(worker -> {
            Thread thread = new Thread(worker::stop, "mirror-herder-stop");
            thread.start();
            return thread;
        }).toList();
        for (Thread thread : stopping) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (rest != null) {
            rest.stop();
        }
        plugins.close();
        log.info("MirrorMaker 2 stopped");
        stopCompleted.countDown();
    }

    /**
     * Returns once {@link #stop()} finished. The herders' threads do not keep the JVM alive, so the command line
     * waits here until the shutdown hook stopped the node.
     */
    public void awaitStop() throws InterruptedException {
        stopCompleted.await();
    }

    /** Every setting a MirrorMaker 2 connector defines, as the connectors themselves declare them. */
    private static Set<String> mirrorSettingNames(Plugins plugins) {
        Set<String> names = new HashSet<>();
        for (String connectorClass : CONNECTOR_CLASSES) {
            names.addAll(plugins.newConnector(connectorClass).config().names());
        }
        return names;
    }

    private static InternalRestServer internalRest(Map<String, String> props, List<Flow> flows) {
        String listeners = props.getOrDefault("listeners", "http://:8083");
        ListenerUrl listener = ListenerUrl.parse("listeners", listeners.split(",")[0]);
        return new InternalRestServer(listener, props.get("rest.advertised.host.name"), advertisedPort(props),
                flows.stream().map(Flow::restPath).toList());
    }

    private static Integer advertisedPort(Map<String, String> props) {
        String port = props.get("rest.advertised.port");
        if (port == null || port.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(port.trim());
        } catch (NumberFormatException e) {
            throw new ConfigException("rest.advertised.port", port, "must be a port number");
        }
    }

    /** {@code host:port/A->B} behind the internal REST server; else unique per start, as MirrorMaker 2 does. */
    private static String workerId(InternalRestServer rest, Flow flow) {
        if (rest != null) {
            return rest.advertisedUrl().getHost() + ":" + rest.advertisedUrl().getPort() + "/" + flow;
        }
        try {
            return InetAddress.getLocalHost().getCanonicalHostName() + "/" + flow + "/" + UUID.randomUUID();
        } catch (UnknownHostException e) {
            return flow + "/" + UUID.randomUUID();
        }
    }
}
