package io.tributary.connect.distributed;

import java.lang.reflect.Proxy;
import java.nio.ByteBuffer;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

import org.apache.kafka.clients.GroupRebalanceConfig;
import org.apache.kafka.clients.KafkaClient;
import org.apache.kafka.clients.Metadata;
import org.apache.kafka.clients.consumer.internals.ConsumerNetworkClient;
import org.apache.kafka.common.internals.ClusterResourceListeners;
import org.apache.kafka.common.metrics.Metrics;
import org.apache.kafka.common.utils.LogContext;
import org.apache.kafka.common.utils.Time;

/**
 * Kafka Connect 4.1.1's IncrementalCooperativeAssignor, run from the reference jar with a WorkerCoordinator
 * that never connects (its config snapshot is set directly). Rounds go through the assignor's own
 * per-round entry point with the member states we give it; its answers are decoded with our codec.
 */
final class ReferenceCooperativeAssignor {

    private final ReferenceRuntime apache = ReferenceRuntime.get();
    private final Object coordinator;
    private final Object assignor;

    ReferenceCooperativeAssignor(LongSupplier clock, int maxDelayMs) {
        Time time = new ClockTime(clock);
        LogContext logContext = new LogContext();
        Metadata metadata = new Metadata(100, 100, 100, logContext, new ClusterResourceListeners());
        ConsumerNetworkClient client = new ConsumerNetworkClient(logContext, inert(KafkaClient.class), metadata, time,
            100, 1000, 100);
        GroupRebalanceConfig rebalance = new GroupRebalanceConfig(10000, 60000, 3000, "reference", Optional.empty(),
            null, 100L, 1000L, true);
        Class<?> store = apache.type("org.apache.kafka.connect.storage.ConfigBackingStore");
        Class<?> listener = apache.type("WorkerRebalanceListener");
        Class<?> compatibility = apache.type("ConnectProtocolCompatibility");
        coordinator = apache.construct("WorkerCoordinator", new Class<?>[] {GroupRebalanceConfig.class,
            LogContext.class, ConsumerNetworkClient.class, Metrics.class, String.class, Time.class, String.class,
            store, listener, compatibility, int.class}, rebalance, logContext, client, new Metrics(), "reference",
            time, "http://leader:8083/", inert(store), inert(listener),
            apache.callStatic("ConnectProtocolCompatibility", "valueOf", "COMPATIBLE"), maxDelayMs);
        assignor = apache.construct("IncrementalCooperativeAssignor", new Class<?>[] {LogContext.class, Time.class,
            int.class}, logContext, time, maxDelayMs);
    }

    Map<String, Assignment> assign(String leader, long offset, Map<String, WorkerState> members,
                                   Map<String, Integer> taskCounts, ConnectProtocolVersion protocol) {
        apache.invoke(coordinator, "configSnapshot", snapshot(apache, offset, taskCounts));
        Map<String, Object> states = new LinkedHashMap<>();
        ReferenceProtocol protocolBridge = new ReferenceProtocol();
        members.forEach((member, state) -> states.put(member, protocolBridge.extendedState(state)));
        @SuppressWarnings("unchecked")
        Map<String, ByteBuffer> encoded = (Map<String, ByteBuffer>) apache.invoke(assignor, "performTaskAssignment",
            leader, offset, states, coordinator, protocol.version());
        Map<String, Assignment> result = new LinkedHashMap<>();
        encoded.forEach((member, bytes) -> result.put(member, AssignmentCodec.decode(bytes)));
        return result;
    }

    /** Apache's ClusterConfigState holding just connectors with empty configs and their task ids. */
    static Object snapshot(ReferenceRuntime apache, long offset, Map<String, Integer> taskCounts) {
        Map<String, Map<String, String>> connectorConfigs = new HashMap<>();
        Map<Object, Map<String, String>> taskConfigs = new HashMap<>();
        taskCounts.forEach((connector, count) -> {
            connectorConfigs.put(connector, Map.of());
            for (int task = 0; task < count; task++) {
                taskConfigs.put(apache.construct("org.apache.kafka.connect.util.ConnectorTaskId",
                    new Class<?>[] {String.class, int.class}, connector, task), Map.of());
            }
        });
        Class<?>[] types = {long.class, apache.type("org.apache.kafka.connect.runtime.SessionKey"), Map.class,
            Map.class, Map.class, Map.class, Map.class, Map.class, Map.class, java.util.Set.class, java.util.Set.class};
        return apache.construct("org.apache.kafka.connect.storage.ClusterConfigState", types, offset, null,
            new HashMap<>(taskCounts), connectorConfigs, new HashMap<>(), taskConfigs, new HashMap<>(), new HashMap<>(),
            new HashMap<>(), new HashSet<>(), new HashSet<>());
    }

    /** An implementation of the interface that does nothing and answers zero, false or null. */
    static <T> T inert(Class<T> type) {
        Object proxy = Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (p, method, args) -> {
            Class<?> returns = method.getReturnType();
            if (returns == boolean.class) {
                return false;
            }
            if (returns == int.class || returns == long.class) {
                return returns == int.class ? (Object) 0 : (Object) 0L;
            }
            return null;
        });
        return type.cast(proxy);
    }

    /** Kafka's Time over the scenario's clock. */
    private record ClockTime(LongSupplier clock) implements Time {
        @Override
        public long milliseconds() {
            return clock.getAsLong();
        }

        @Override
        public long nanoseconds() {
            return clock.getAsLong() * 1_000_000L;
        }

        @Override
        public void sleep(long ms) {
            throw new UnsupportedOperationException("The scenario clock only moves when the test moves it");
        }

        @Override
        public void waitObject(Object obj, Supplier<Boolean> condition, long deadlineMs) {
            throw new UnsupportedOperationException();
        }
    }
}

