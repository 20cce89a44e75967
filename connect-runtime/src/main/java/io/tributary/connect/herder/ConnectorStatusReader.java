package io.tributary.connect.herder;

import io.tributary.connect.model.ConnectorStateInfo;
import io.tributary.connect.model.ConnectorTaskId;
import io.tributary.connect.model.ConnectorType;
import io.tributary.connect.status.ConnectorStatus;
import io.tributary.connect.status.StatusStore;
import io.tributary.connect.status.TaskStatus;
import org.apache.kafka.connect.errors.NotFoundException;

import java.util.List;
import java.util.function.Function;

/**
 * The status answers of every herder: read straight from the status store on the caller's thread (statuses
 * are written by many threads and workers and need no herder state), with the connector's type.
 */
final class ConnectorStatusReader {

    private final StatusStore statusStore;
    private final Function<String, ConnectorType> types;

    ConnectorStatusReader(StatusStore statusStore, Function<String, ConnectorType> types) {
        this.statusStore = statusStore;
        this.types = types;
    }

    ConnectorStateInfo connectorStatus(String connector) {
        ConnectorStatus status = statusStore.get(connector);
        if (status == null) {
            throw new NotFoundException("No status found for connector " + connector);
        }
        List<ConnectorStateInfo.TaskState> tasks = statusStore.getAll(connector).stream()
                .map(ConnectorStatusReader::taskState)
                .sorted()
                .toList();
        return new ConnectorStateInfo(connector,
                new ConnectorStateInfo.ConnectorState(status.state().name(), status.trace(), status.workerId(),
                        status.version()),
                tasks, types.apply(connector));
    }

    ConnectorStateInfo.TaskState taskStatus(ConnectorTaskId id) {
        TaskStatus status = statusStore.get(id);
        if (status == null) {
            throw new NotFoundException("No status found for task " + id);
        }
        return taskState(status);
    }

    static ConnectorStateInfo.TaskState taskState(TaskStatus status) {
        return new ConnectorStateInfo.TaskState(status.id().task(), status.state().name(), status.trace(),
                status.workerId(), status.version());
    }
}
