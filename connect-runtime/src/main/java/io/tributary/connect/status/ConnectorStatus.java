package io.tributary.connect.status;

import io.tributary.connect.model.State;

/** A connector instance's reported state, the worker that reported it and the generation it ran in. */
public record ConnectorStatus(String connector, State state, String trace, String workerId, int generation,
                              String version) {

    public ConnectorStatus(String connector, State state, String workerId, int generation, String version) {
        this(connector, state, null, workerId, generation, version);
    }
}
