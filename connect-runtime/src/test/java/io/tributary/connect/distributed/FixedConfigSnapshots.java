package io.tributary.connect.distributed;

import io.tributary.connect.model.ConnectorTaskId;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** A config topic stand-in the test edits directly; every edit bumps the offset. */
final class FixedConfigSnapshots implements ConfigSnapshots {

    private volatile Snapshot snapshot = new Snapshot(-1, Map.of());

    synchronized FixedConfigSnapshots put(String connector, int tasks) {
        Map<String, Integer> counts = new TreeMap<>(snapshot.counts);
        counts.put(connector, tasks);
        snapshot = new Snapshot(snapshot.offset + 1, counts);
        return this;
    }

    @Override
    public ClusterConfigView current() {
        return snapshot;
    }

    @Override
    public ClusterConfigView fresh() {
        return snapshot;
    }

    /** Every connector and task as the strings {@link TestMember#work()} reports. */
    List<String> allWork() {
        List<String> work = new ArrayList<>();
        for (String connector : snapshot.connectors()) {
            work.add(connector);
            snapshot.tasks(connector).forEach(task -> work.add(task.toString()));
        }
        return work;
    }

    private record Snapshot(long offset, Map<String, Integer> counts) implements ClusterConfigView {
        @Override
        public Set<String> connectors() {
            return counts.keySet();
        }

        @Override
        public List<ConnectorTaskId> tasks(String connector) {
            List<ConnectorTaskId> tasks = new ArrayList<>();
            for (int i = 0; i < counts.getOrDefault(connector, 0); i++) {
                tasks.add(new ConnectorTaskId(connector, i));
            }
            return tasks;
        }
    }
}
