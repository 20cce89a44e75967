package io.tributary.connect.herder;

import io.tributary.connect.model.ConnectorTaskId;
import io.tributary.connect.storage.ClusterConfigState;
import io.tributary.connect.storage.ConfigBackingStore;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies config-topic changes on the herder thread: this worker's instances follow new configs, target
 * states and restart requests, and a change in what there is to assign (connectors added or deleted, task
 * counts changed) makes every worker that reads it want a rebalance, which it asks the group for as soon as
 * its {@link RebalanceCoalescer} lets it.
 */
final class ConfigChangeHandler {

    private static final Logger log = LoggerFactory.getLogger(ConfigChangeHandler.class);

    private final ConfigEvents events;
    private final ConfigBackingStore store;
    private final ClusterWork work;
    private final RebalanceHandler rebalance;
    private Set<Object> assignable;

    ConfigChangeHandler(ConfigEvents events, ConfigBackingStore store, ClusterWork work, RebalanceHandler rebalance) {
        this.events = events;
        this.store = store;
        this.work = work;
        this.rebalance = rebalance;
    }

    /** Remembers what there is to assign after the store read its history, before any change arrives. */
    void start() {
        assignable = assignable(store.snapshot());
    }

    void handlePending() {
        ConfigEvents.Changes changes = events.drain();
        if (changes.isEmpty()) {
            return;
        }
        log.debug("Applying config changes: {}", changes);
        changes.removedConnectors().forEach(work::connectorRemoved);
        changes.connectorConfigs().forEach(work::connectorConfigChanged);
        changes.targetStates().forEach(work::targetStateChanged);
        changes.taskConfigs().forEach(work::taskConfigsChanged);
        changes.restarts().forEach(work::restart);
        ClusterConfigState snapshot = store.snapshot();
        Set<Object> now = assignable(snapshot);
        if (!now.equals(assignable)) {
            List<String> created = changes.connectorConfigs().stream()
                    .filter(connector -> now.contains(connector) && !assignable.contains(connector))
                    .toList();
            rebalance.connectorsCreated(created, snapshot.offset());
            assignable = now;
            rebalance.wantRebalance("the connectors or tasks to assign changed");
        }
    }

    /** Connector names and task ids: what the leader hands out. */
    private static Set<Object> assignable(ClusterConfigState snapshot) {
        Set<Object> all = new HashSet<>(snapshot.connectors());
        for (String connector : snapshot.connectors()) {
            for (ConnectorTaskId id : snapshot.tasks(connector)) {
                all.add(id);
            }
        }
        return all;
    }
}
