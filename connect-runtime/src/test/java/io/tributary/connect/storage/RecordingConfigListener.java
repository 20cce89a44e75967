package io.tributary.connect.storage;

import io.tributary.connect.model.ConnectorTaskId;
import io.tributary.connect.model.RestartRequest;

import java.util.Collection;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Remembers every notification, as text, for assertions. */
final class RecordingConfigListener implements ConfigUpdateListener {

    final List<String> events = new CopyOnWriteArrayList<>();
    final List<RestartRequest> restarts = new CopyOnWriteArrayList<>();

    @Override
    public void onConnectorConfigUpdate(String connector) {
        events.add("config " + connector);
    }

    @Override
    public void onConnectorConfigRemove(String connector) {
        events.add("remove " + connector);
    }

    @Override
    public void onTaskConfigUpdate(Collection<ConnectorTaskId> tasks) {
        events.add("tasks " + tasks.stream().sorted().toList());
    }

    @Override
    public void onConnectorTargetStateChange(String connector) {
        events.add("target " + connector);
    }

    @Override
    public void onSessionKeyUpdate(SessionKey key) {
        events.add("session-key");
    }

    @Override
    public void onRestartRequest(RestartRequest request) {
        restarts.add(request);
        events.add("restart " + request.connectorName());
    }

    @Override
    public void onLoggingLevelUpdate(String namespace, String level) {
        events.add("logger " + namespace + "=" + level);
    }
}
