package io.tributary.connect.distributed;

import io.tributary.connect.model.ConnectorTaskId;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.utils.Time;

/**
 * A group member driven the way the herder drives it: one thread polling in a loop. Records what the
 * listener is told, so tests can wait for the group to settle and check who runs what.
 */
final class TestMember implements AutoCloseable {

    private final String name;
    private final WorkerGroupMember member;
    private final Thread loop;
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final List<String> events = new CopyOnWriteArrayList<>();
    private volatile boolean leaveOnStop = true;
    private volatile Assignment assignment;
    private volatile int generation = -1;
    private volatile List<String> work = List.of();

    TestMember(String name, String bootstrap, String groupId, ConfigSnapshots configs, Map<String, String> overrides) {
        this.name = name;
        Map<String, Object> props = new HashMap<>();
        props.put("bootstrap.servers", bootstrap);
        props.put("group.id", groupId);
        props.put("session.timeout.ms", "6000");
        props.put("heartbeat.interval.ms", "1000");
        props.put("rebalance.timeout.ms", "10000");
        props.put("client.id", name);
        props.putAll(overrides);
        this.member = new WorkerGroupMember(new GroupMembershipConfig(props), "http://" + name + ":8083/", configs,
            new Recorder(), Time.SYSTEM);
        this.loop = new Thread(this::run, "herder-" + name);
        loop.start();
    }

    private void run() {
        try {
            while (running.get()) {
                try {
                    member.poll(200);
                } catch (WakeupException e) {
                    // stop() woke us; the loop condition decides
                }
            }
        } finally {
            member.close(Duration.ofSeconds(10), leaveOnStop);
        }
    }

    String name() {
        return name;
    }

    String memberId() {
        return member.memberId();
    }

    short protocolVersion() {
        return member.currentProtocolVersion();
    }

    Assignment assignment() {
        return assignment;
    }

    int generation() {
        return generation;
    }

    /** What this member runs now: connector names and task ids as strings. */
    List<String> work() {
        return work;
    }

    List<String> events() {
        return events;
    }

    /** Stops polling and leaves the group, like a worker shutting down. */
    @Override
    public void close() throws InterruptedException {
        stop(true);
    }

    /** Stops polling without leaving, like a worker that crashed: the group notices at session timeout. */
    void crash() throws InterruptedException {
        stop(false);
    }

    private void stop(boolean leave) throws InterruptedException {
        leaveOnStop = leave;
        if (running.getAndSet(false)) {
            member.wakeup();
        }
        loop.join(Duration.ofSeconds(30).toMillis());
    }

    private final class Recorder implements WorkerRebalanceListener {
        @Override
        public void onAssigned(Assignment assigned, int gen) {
            assignment = assigned;
            generation = gen;
            List<String> now = new ArrayList<>(assigned.connectors());
            assigned.tasks().forEach(task -> now.add(task.toString()));
            work = List.copyOf(now);
            events.add("assigned g" + gen + " " + now + " revoked " + assigned.revokedConnectors()
                + assigned.revokedTasks() + " delay " + assigned.delay());
        }

        @Override
        public void onRevoked(String leader, Collection<String> connectors, Collection<ConnectorTaskId> tasks) {
            List<String> stopped = new ArrayList<>(connectors);
            tasks.forEach(task -> stopped.add(task.toString()));
            List<String> remaining = new ArrayList<>(work);
            remaining.removeAll(stopped);
            work = List.copyOf(remaining);
            events.add("revoked " + stopped);
        }
    }
}
