package io.tributary.connect.mirror;

import io.tributary.connect.herder.ConflictException;
import io.tributary.connect.herder.DistributedHerder;
import io.tributary.connect.herder.RequestContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;

/**
 * The leader's duty in a flow's Connect group: when a node becomes the leader it writes the configs of the flow's
 * three connectors to the config topic, those that differ from what is there, as MirrorMaker 2 does. The other
 * nodes run the connectors from the config topic.
 */
final class FlowConnectors {

    private static final Logger log = LoggerFactory.getLogger(FlowConnectors.class);
    /** Served here or refused, never forwarded: a node that no longer leads keeps the configs already written. */
    private static final RequestContext ON_THIS_NODE = new RequestContext(RequestContext.Origin.FORWARDED_TWICE);

    private final Flow flow;
    private final List<Map<String, String>> configs;

    /** @param configs the config of each connector, named by its {@code name} key */
    FlowConnectors(Flow flow, List<Map<String, String>> configs) {
        this.flow = flow;
        this.configs = List.copyOf(configs);
    }

    /** Called on the herder thread: only queues the writes, which the herder serves after this returns. */
    void writeAsLeader(DistributedHerder herder) {
        log.info("This node {} is now the leader for {}; configuring its connectors", herder.workerId(), flow);
        for (Map<String, String> config : configs) {
            String name = config.get("name");
            if (config.equals(current(herder, name))) {
                log.info("The config of connector {} for {} is up to date", name, flow);
                continue;
            }
            herder.putConnectorConfig(ON_THIS_NODE, name, config, null, true).whenComplete((created, error) -> {
                Throwable cause = error instanceof CompletionException && error.getCause() != null
                        ? error.getCause() : error;
                if (cause == null) {
                    log.info("Connector {} configured for {}", name, flow);
                } else if (cause instanceof ConflictException) {
                    log.info("This node lost the leadership of {} while configuring connector {}; the config "
                            + "already written stays in use", flow, name);
                } else {
                    log.error("Could not configure connector {} for {}: {}", name, flow, cause.getMessage(), cause);
                }
            });
        }
    }

    /** The connector's config as this node last read it, or null when it has none. */
    private static Map<String, String> current(DistributedHerder herder, String name) {
        try {
            return herder.connectorConfig(name).join();
        } catch (CompletionException e) {
            return null;
        }
    }
}
