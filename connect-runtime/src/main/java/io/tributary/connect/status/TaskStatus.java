package io.tributary.connect.status;

import io.tributary.connect.model.ConnectorTaskId;
import io.tributary.connect.model.State;

/** A task instance's reported state, the worker that reported it and the generation it ran in. */
public record TaskStatus(ConnectorTaskId id, State state, String trace, String workerId, int generation,
                         String version) {

    public TaskStatus(ConnectorTaskId id, State state, String workerId, int generation, String version) {
        this(id, state, null, workerId, generation, version);
    }
}
