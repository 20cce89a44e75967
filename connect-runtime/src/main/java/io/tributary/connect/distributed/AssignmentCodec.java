package io.tributary.connect.distributed;

import io.tributary.connect.model.ConnectorTaskId;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.kafka.common.protocol.types.SchemaException;

/**
 * The SyncGroup bytes of an {@link Assignment}, identical to Kafka Connect's: an INT16 version, error,
 * leader, leader URL, config offset and the work grouped per connector (task -1 standing for the
 * connector itself); versions 1 and 2 add the revoked work in the same shape and an INT32 delay.
 */
public final class AssignmentCodec {

    /** Task number that stands for the connector instance itself in the per-connector lists. */
    static final int CONNECTOR_ENTRY = -1;

    private AssignmentCodec() {
    }

    /**
     * Encodes for the given group protocol: version 0 for eager, otherwise version 1 or 2 (whatever the
     * assignment's own version). The cooperative "nothing yet" placeholder encodes as null.
     */
    public static ByteBuffer encode(Assignment assignment, ConnectProtocolVersion protocol) {
        if (assignment == null || (protocol.cooperative() && assignment.isEmptyPlaceholder())) {
            return null;
        }
        WireWriter out = new WireWriter().int16(protocol.version());
        out.int16(assignment.error())
            .string("leader", assignment.leader())
            .string("leader-url", assignment.leaderUrl())
            .int64(assignment.configOffset());
        writeWork(out, new HashSet<>(assignment.connectors()), assignment.tasks());
        if (protocol.cooperative()) {
            writeWork(out, new LinkedHashSet<>(assignment.revokedConnectors()), assignment.revokedTasks());
            out.int32(assignment.delay());
        }
        return out.toBuffer();
    }

    /**
     * Decodes any version. Fields a version-0 message lacks, or a newer one left out, read as nothing
     * revoked and no delay, so members of all versions understand each other.
     */
    public static Assignment decode(ByteBuffer buffer) {
        WireReader in = new WireReader(buffer);
        short version = in.int16();
        if (version < 0) {
            throw new SchemaException("Unsupported assignment version: " + version);
        }
        short error = in.int16();
        String leader = in.string();
        String leaderUrl = in.string();
        long offset = in.int64();
        Work assigned = readWork(in);
        Work revoked = version > 0 && in.hasRemaining() ? readWork(in) : Work.NONE;
        int delay = version > 0 && in.hasRemaining() ? in.int32() : 0;
        return new Assignment(version, error, leader, leaderUrl, offset, assigned.connectors(), assigned.tasks(),
            revoked.connectors(), revoked.tasks(), delay);
    }

    /**
     * Connectors first, then each task appended under its connector in the given order. Kafka Connect
     * lists assigned connectors in hash-set order and revoked ones in first-seen order, so the caller
     * passes the matching set to reproduce its bytes exactly.
     */
    private static void writeWork(WireWriter out, Set<String> connectors, Collection<ConnectorTaskId> tasks) {
        Map<String, List<Integer>> byConnector = new LinkedHashMap<>();
        for (String connector : connectors) {
            byConnector.computeIfAbsent(connector, c -> new ArrayList<>()).add(CONNECTOR_ENTRY);
        }
        for (ConnectorTaskId task : tasks) {
            byConnector.computeIfAbsent(task.connector(), c -> new ArrayList<>()).add(task.task());
        }
        out.int32(byConnector.size());
        byConnector.forEach((connector, numbers) -> {
            out.string("connector", connector).int32(numbers.size());
            numbers.forEach(out::int32);
        });
    }

    private static Work readWork(WireReader in) {
        List<String> connectors = new ArrayList<>();
        List<ConnectorTaskId> tasks = new ArrayList<>();
        int entries = in.arrayLength();
        for (int i = 0; i < entries; i++) {
            String connector = in.string();
            int count = in.arrayLength();
            for (int j = 0; j < count; j++) {
                int task = in.int32();
                if (task == CONNECTOR_ENTRY) {
                    connectors.add(connector);
                } else {
                    tasks.add(new ConnectorTaskId(connector, task));
                }
            }
        }
        return new Work(connectors, tasks);
    }

    private record Work(List<String> connectors, List<ConnectorTaskId> tasks) {
        static final Work NONE = new Work(List.of(), List.of());
    }
}
