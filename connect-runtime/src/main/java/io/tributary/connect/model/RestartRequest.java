package io.tributary.connect.model;


/**
 * A request to restart a connector and, optionally, its tasks: the query parameters of
 * POST /connectors/{name}/restart. Decides which of the current instances must restart.
 */
public record RestartRequest(String connectorName, boolean onlyFailed, boolean includeTasks) {

    public boolean shouldRestartConnector(State connectorState) {
        return !onlyFailed || connectorState == State.FAILED;
    }

    public boolean shouldRestartTask(State taskState) {
        return includeTasks && (!onlyFailed || taskState == State.FAILED);
    }

    /** Without either flag only the connector object restarts and the answer is 204, as in Apache. */
    public boolean isPlainConnectorRestart() {
        return !onlyFailed && !includeTasks;
    }
}
