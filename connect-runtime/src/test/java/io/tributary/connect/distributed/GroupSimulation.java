package io.tributary.connect.distributed;

import io.tributary.connect.ManualTime;
import io.tributary.connect.model.ConnectorTaskId;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * A cooperative group as the leader sees it round after round: members with the work they run, the
 * configured connectors, and a clock the test moves. Applies each round's assignments the way a member
 * does (stop the revoked, start the new).
 */
final class GroupSimulation {

    final ManualTime clock = new ManualTime(1_000_000L);
    final Map<String, Integer> taskCounts = new TreeMap<>();
    final Map<String, WorkerState> members = new TreeMap<>();
    long configOffset = 1;

    GroupSimulation configure(String connector, int tasks) {
        taskCounts.put(connector, tasks);
        configOffset++;
        return this;
    }

    GroupSimulation delete(String connector) {
        taskCounts.remove(connector);
        configOffset++;
        return this;
    }

    GroupSimulation join(String... ids) {
        for (String id : ids) {
            members.put(id, new WorkerState("http://" + id + ":8083/", configOffset));
        }
        return this;
    }

    /** A member rejoining with the work it still runs (a bounce shorter than the session timeout). */
    GroupSimulation rejoin(String id, WorkerState state) {
        members.put(id, state);
        return this;
    }

    WorkerState leave(String id) {
        return members.remove(id);
    }

    void advance(long millis) {
        clock.advance(millis);
    }

    String leader() {
        return members.keySet().iterator().next();
    }

    AssignmentRound round(ConnectProtocolVersion protocol, int lastCompletedGeneration, int generation) {
        return new AssignmentRound(leader(), "http://" + leader() + ":8083/", protocol, members, configOffset,
            config(), generation, lastCompletedGeneration);
    }

    ClusterConfigView config() {
        Map<String, Integer> counts = new TreeMap<>(taskCounts);
        long offset = configOffset;
        return new ClusterConfigView() {
            @Override
            public long offset() {
                return offset;
            }

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
        };
    }

    /** Every member stops what it was told to and starts what it was given. */
    void apply(Map<String, Assignment> assignments) {
        assignments.forEach((member, assignment) -> {
            WorkerState state = members.get(member);
            List<String> connectors = new ArrayList<>(state.assignment().connectors());
            List<ConnectorTaskId> tasks = new ArrayList<>(state.assignment().tasks());
            connectors.removeAll(assignment.revokedConnectors());
            tasks.removeAll(assignment.revokedTasks());
            connectors.addAll(assignment.connectors());
            tasks.addAll(assignment.tasks());
            members.put(member, new WorkerState(state.url(), configOffset, new Assignment(assignment.version(),
                Assignment.NO_ERROR, assignment.leader(), assignment.leaderUrl(), assignment.configOffset(),
                connectors, tasks, List.of(), List.of(), 0)));
        });
    }

    /** Who runs what, for assertions: every connector and task and the members running it. */
    Map<Object, List<String>> owners() {
        Map<Object, List<String>> owners = new TreeMap<>((a, b) -> a.toString().compareTo(b.toString()));
        members.forEach((member, state) -> {
            state.assignment().connectors().forEach(c -> owners.computeIfAbsent(c, k -> new ArrayList<>()).add(member));
            state.assignment().tasks().forEach(t -> owners.computeIfAbsent(t, k -> new ArrayList<>()).add(member));
        });
        return owners;
    }

    /** Every configured connector and task, in the form {@link #owners()} uses. */
    Set<Object> configuredWork() {
        Set<Object> work = new LinkedHashSet<>();
        ClusterConfigView config = config();
        for (String connector : config.connectors()) {
            work.add(connector);
            work.addAll(config.tasks(connector));
        }
        return work;
    }

    int taskCount(String member) {
        return members.get(member).assignment().tasks().size();
    }
}
