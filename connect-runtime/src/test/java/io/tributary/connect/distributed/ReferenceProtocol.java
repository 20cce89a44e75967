package io.tributary.connect.distributed;

import io.tributary.connect.model.ConnectorTaskId;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** Apache's ConnectProtocol and IncrementalCooperativeConnectProtocol, driven with and answering our types. */
final class ReferenceProtocol {

    private static final Class<?>[] ASSIGNMENT_V0_PARAMS =
        {short.class, String.class, String.class, long.class, Collection.class, Collection.class};
    private static final Class<?>[] ASSIGNMENT_V1_PARAMS = {short.class, short.class, String.class, String.class,
        long.class, Collection.class, Collection.class, Collection.class, Collection.class, int.class};

    private final ReferenceRuntime runtime = ReferenceRuntime.get();

    byte[] encodeMetadata(WorkerState state, ConnectProtocolVersion protocol) {
        if (protocol == ConnectProtocolVersion.EAGER) {
            Object theirs = runtime.construct("ConnectProtocol$WorkerState", new Class<?>[] {String.class, long.class},
                state.url(), state.configOffset());
            return bytes((ByteBuffer) runtime.callStatic("ConnectProtocol", "serializeMetadata", theirs));
        }
        Object theirs = runtime.construct("ExtendedWorkerState",
            new Class<?>[] {String.class, long.class, runtime.type("ExtendedAssignment")},
            state.url(), state.configOffset(), extended(state.assignment()));
        return bytes((ByteBuffer) runtime.callStatic("IncrementalCooperativeConnectProtocol", "serializeMetadata",
            theirs, protocol == ConnectProtocolVersion.SESSIONED));
    }

    WorkerState decodeMetadata(byte[] bytes, ConnectProtocolVersion decoder) {
        if (decoder == ConnectProtocolVersion.EAGER) {
            Object theirs = runtime.callStatic("ConnectProtocol", "deserializeMetadata", ByteBuffer.wrap(bytes));
            return new WorkerState((String) runtime.invoke(theirs, "url"), (Long) runtime.invoke(theirs, "offset"));
        }
        Object theirs = runtime.callStatic("IncrementalCooperativeConnectProtocol", "deserializeMetadata",
            ByteBuffer.wrap(bytes));
        return new WorkerState((String) runtime.invoke(theirs, "url"), (Long) runtime.invoke(theirs, "offset"),
            ours(runtime.invoke(theirs, "assignment")));
    }

    byte[] encodeAssignment(Assignment assignment, ConnectProtocolVersion protocol) {
        if (protocol == ConnectProtocolVersion.EAGER) {
            Object theirs = runtime.construct("ConnectProtocol$Assignment", ASSIGNMENT_V0_PARAMS, assignment.error(),
                assignment.leader(), assignment.leaderUrl(), assignment.configOffset(),
                new ArrayList<>(assignment.connectors()), theirTasks(assignment.tasks()));
            return bytes((ByteBuffer) runtime.callStatic("ConnectProtocol", "serializeAssignment", theirs));
        }
        return bytes((ByteBuffer) runtime.callStatic("IncrementalCooperativeConnectProtocol", "serializeAssignment",
            extended(assignment), protocol == ConnectProtocolVersion.SESSIONED));
    }

    /** Decoded by the eager decoder (no revocations or delay; version reported as 0) or the cooperative one. */
    Assignment decodeAssignment(byte[] bytes, ConnectProtocolVersion decoder) {
        if (decoder == ConnectProtocolVersion.EAGER) {
            Object theirs = runtime.callStatic("ConnectProtocol", "deserializeAssignment", ByteBuffer.wrap(bytes));
            return Assignment.eager((Short) runtime.invoke(theirs, "error"), (String) runtime.invoke(theirs, "leader"),
                (String) runtime.invoke(theirs, "leaderUrl"), (Long) runtime.invoke(theirs, "offset"),
                connectors(runtime.invoke(theirs, "connectors")), ourTasks(runtime.invoke(theirs, "tasks")));
        }
        return ours(runtime.callStatic("IncrementalCooperativeConnectProtocol", "deserializeAssignment",
            ByteBuffer.wrap(bytes)));
    }

    /** The protocols Apache offers in JoinGroup, as name=hex lines in preference order. */
    List<String> offeredProtocols(WorkerState state, ConnectProtocolVersion mode) {
        Object collection;
        if (mode == ConnectProtocolVersion.EAGER) {
            Object theirs = runtime.construct("ConnectProtocol$WorkerState", new Class<?>[] {String.class, long.class},
                state.url(), state.configOffset());
            collection = runtime.callStatic("ConnectProtocol", "metadataRequest", theirs);
        } else {
            Object theirs = runtime.construct("ExtendedWorkerState",
                new Class<?>[] {String.class, long.class, runtime.type("ExtendedAssignment")},
                state.url(), state.configOffset(), extended(state.assignment()));
            collection = runtime.callStatic("IncrementalCooperativeConnectProtocol", "metadataRequest", theirs,
                mode == ConnectProtocolVersion.SESSIONED);
        }
        return ProtocolLines.of(
            (org.apache.kafka.common.message.JoinGroupRequestData.JoinGroupRequestProtocolCollection) collection);
    }

    /** Our member state as Apache's ExtendedWorkerState. */
    Object extendedState(WorkerState state) {
        return runtime.construct("ExtendedWorkerState",
            new Class<?>[] {String.class, long.class, runtime.type("ExtendedAssignment")},
            state.url(), state.configOffset(), extended(state.assignment()));
    }

    private Object extended(Assignment assignment) {
        if (assignment.isEmptyPlaceholder()) {
            return runtime.callStatic("ExtendedAssignment", "empty");
        }
        return runtime.construct("ExtendedAssignment", ASSIGNMENT_V1_PARAMS, assignment.version(), assignment.error(),
            assignment.leader(), assignment.leaderUrl(), assignment.configOffset(),
            new ArrayList<>(assignment.connectors()), theirTasks(assignment.tasks()),
            new ArrayList<>(assignment.revokedConnectors()), theirTasks(assignment.revokedTasks()), assignment.delay());
    }

    private Assignment ours(Object theirs) {
        if (theirs == runtime.callStatic("ExtendedAssignment", "empty")) {
            return Assignment.empty();
        }
        return new Assignment((Short) runtime.invoke(theirs, "version"), (Short) runtime.invoke(theirs, "error"),
            (String) runtime.invoke(theirs, "leader"), (String) runtime.invoke(theirs, "leaderUrl"),
            (Long) runtime.invoke(theirs, "offset"), connectors(runtime.invoke(theirs, "connectors")),
            ourTasks(runtime.invoke(theirs, "tasks")), connectors(runtime.invoke(theirs, "revokedConnectors")),
            ourTasks(runtime.invoke(theirs, "revokedTasks")), (Integer) runtime.invoke(theirs, "delay"));
    }

    private List<Object> theirTasks(List<ConnectorTaskId> tasks) {
        List<Object> theirs = new ArrayList<>();
        for (ConnectorTaskId task : tasks) {
            theirs.add(runtime.construct("org.apache.kafka.connect.util.ConnectorTaskId",
                new Class<?>[] {String.class, int.class}, task.connector(), task.task()));
        }
        return theirs;
    }

    private List<ConnectorTaskId> ourTasks(Object theirs) {
        List<ConnectorTaskId> tasks = new ArrayList<>();
        for (Object task : (Collection<?>) theirs) {
            tasks.add(new ConnectorTaskId((String) runtime.invoke(task, "connector"), (Integer) runtime.invoke(task, "task")));
        }
        return tasks;
    }

    @SuppressWarnings("unchecked")
    private static List<String> connectors(Object theirs) {
        return new ArrayList<>((Collection<String>) theirs);
    }

    private static byte[] bytes(ByteBuffer buffer) {
        if (buffer == null) {
            return null;
        }
        ByteBuffer copy = buffer.duplicate();
        byte[] bytes = new byte[copy.remaining()];
        copy.get(bytes);
        return bytes;
    }
}
