package io.tributary.connect.herder;

import io.tributary.connect.model.ConnectorTaskId;
import io.tributary.connect.model.RestartRequest;
import io.tributary.connect.storage.ConfigUpdateListener;
import io.tributary.connect.storage.SessionKey;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Collects config-topic changes heard on the store's reader thread and hands them to the herder thread,
 * which drains them in order. The reader thread only queues and wakes the herder; it never touches its state.
 */
final class ConfigEvents implements ConfigUpdateListener {

    /** Everything that changed since the last drain, by kind. */
    record Changes(Set<String> connectorConfigs, Set<String> removedConnectors, Set<String> taskConfigs,
                   Set<String> targetStates, List<RestartRequest> restarts, boolean sessionKey) {

        boolean isEmpty() {
            return connectorConfigs.isEmpty() && removedConnectors.isEmpty() && taskConfigs.isEmpty()
                    && targetStates.isEmpty() && restarts.isEmpty() && !sessionKey;
        }
    }

    private sealed interface Event {
    }

    private record ConnectorConfig(String connector) implements Event {
    }

    private record Removed(String connector) implements Event {
    }

    private record Tasks(String connector) implements Event {
    }

    private record Target(String connector) implements Event {
    }

    private record Restart(RestartRequest request) implements Event {
    }

    private record Key() implements Event {
    }

    private final ConcurrentLinkedQueue<Event> events = new ConcurrentLinkedQueue<>();
    private final Runnable wakeup;
    private final ClusterLoggerLevels loggerLevels;

    /** @param wakeup interrupts the herder's poll so it handles the change promptly */
    ConfigEvents(Runnable wakeup) {
        this(wakeup, new ClusterLoggerLevels());
    }

    ConfigEvents(Runnable wakeup, ClusterLoggerLevels loggerLevels) {
        this.wakeup = wakeup;
        this.loggerLevels = loggerLevels;
    }

    Changes drain() {
        Set<String> configs = new LinkedHashSet<>();
        Set<String> removed = new LinkedHashSet<>();
        Set<String> tasks = new LinkedHashSet<>();
        Set<String> targets = new LinkedHashSet<>();
        List<RestartRequest> restarts = new ArrayList<>();
        boolean key = false;
        Event event;
        while ((event = events.poll()) != null) {
            if (event instanceof ConnectorConfig e) {
                removed.remove(e.connector());
                configs.add(e.connector());
            } else if (event instanceof Removed e) {
                configs.remove(e.connector());
                removed.add(e.connector());
            } else if (event instanceof Tasks e) {
                tasks.add(e.connector());
            } else if (event instanceof Target e) {
                targets.add(e.connector());
            } else if (event instanceof Restart e) {
                restarts.add(e.request());
            } else {
                key = true;
            }
        }
        return new Changes(configs, removed, tasks, targets, restarts, key);
    }

    private void add(Event event) {
        events.add(event);
        wakeup.run();
    }

    @Override
    public void onConnectorConfigUpdate(String connector) {
        add(new ConnectorConfig(connector));
    }

    @Override
    public void onConnectorConfigRemove(String connector) {
        add(new Removed(connector));
    }

    @Override
    public void onTaskConfigUpdate(Collection<ConnectorTaskId> tasks) {
        if (tasks.isEmpty()) {
            // A commit of no tasks for a connector that had none changes no work, but a rebalance held back for
            // the connector's first tasks can go ahead now.
            wakeup.run();
            return;
        }
        tasks.stream().map(ConnectorTaskId::connector).distinct().forEach(connector -> add(new Tasks(connector)));
    }

    @Override
    public void onConnectorTargetStateChange(String connector) {
        add(new Target(connector));
    }

    @Override
    public void onSessionKeyUpdate(SessionKey key) {
        add(new Key());
    }

    @Override
    public void onRestartRequest(RestartRequest request) {
        add(new Restart(request));
    }

    @Override
    public void onLoggingLevelUpdate(String namespace, String level) {
        // Needs no herder state, so it is applied here rather than queued behind a rebalance.
        loggerLevels.apply(namespace, level);
    }
}
