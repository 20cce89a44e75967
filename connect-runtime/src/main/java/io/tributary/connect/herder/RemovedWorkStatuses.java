package io.tributary.connect.herder;

import io.tributary.connect.model.ConnectorTaskId;
import io.tributary.connect.status.StatusStore;
import io.tributary.connect.status.TaskStatus;
import io.tributary.connect.storage.ClusterConfigState;
import io.tributary.connect.worker.Worker;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A leader's duty after each rebalance, as in Kafka Connect: statuses of connectors that no longer exist and of
 * tasks their connector no longer has (a stopped connector, fewer tasks) are removed from the status topic. Their
 * owners may have left or may have stopped them through the rebalance rather than a config change, so nobody else
 * would; without this a stopped connector would go on listing its old tasks as UNASSIGNED.
 */
final class RemovedWorkStatuses {

    private static final Logger log = LoggerFactory.getLogger(RemovedWorkStatuses.class);

    private final Worker worker;

    RemovedWorkStatuses(Worker worker) {
        this.worker = worker;
    }

    void removeAbsentFrom(ClusterConfigState snapshot) {
        StatusStore statuses = worker.statusStore();
        for (String connector : Set.copyOf(statuses.connectors())) {
            List<ConnectorTaskId> reported = statuses.getAll(connector).stream().map(TaskStatus::id).toList();
            if (!snapshot.contains(connector)) {
                log.debug("Removing the statuses of deleted connector {}", connector);
                worker.reportDestroyed(connector, reported);
                continue;
            }
            Set<ConnectorTaskId> configured = new HashSet<>(snapshot.tasks(connector));
            List<ConnectorTaskId> gone = reported.stream().filter(id -> !configured.contains(id)).toList();
            if (!gone.isEmpty()) {
                log.debug("Removing the statuses of tasks {} that connector {} no longer has", gone, connector);
                worker.reportDestroyed(null, gone);
            }
        }
    }
}
