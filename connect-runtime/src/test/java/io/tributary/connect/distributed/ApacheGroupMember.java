package io.tributary.connect.distributed;

import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.utils.LogContext;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.common.utils.Utils;

/**
 * Kafka Connect 4.1.1's own WorkerGroupMember, from the reference jar, polled by its own thread like our
 * {@link TestMember}: proves a Tributary worker and an Apache worker can share one group.
 */
final class ApacheGroupMember implements AutoCloseable {

    private final ReferenceRuntime apache = ReferenceRuntime.get();
    private final Object member;
    private final Thread loop;
    private final AtomicBoolean running = new AtomicBoolean(true);
    private volatile List<String> work = List.of();
    private volatile int generation = -1;
    private final AtomicBoolean rejoinAfterRevocation = new AtomicBoolean();

    ApacheGroupMember(String name, String bootstrap, String groupId, Map<String, Integer> taskCounts) {
        Object config = apache.construct("DistributedConfig", new Class<?>[] {Map.class}, Map.of(
            "bootstrap.servers", bootstrap, "group.id", groupId, "session.timeout.ms", "6000",
            "heartbeat.interval.ms", "1000", "rebalance.timeout.ms", "10000",
            "config.storage.topic", "unused-configs", "offset.storage.topic", "unused-offsets",
            "status.storage.topic", "unused-status",
            "key.converter", "org.apache.kafka.connect.storage.StringConverter",
            "value.converter", "org.apache.kafka.connect.storage.StringConverter"));
        Class<?> storeType = apache.type("org.apache.kafka.connect.storage.ConfigBackingStore");
        Object snapshot = ReferenceCooperativeAssignor.snapshot(apache, 1, taskCounts);
        Object store = Proxy.newProxyInstance(storeType.getClassLoader(), new Class<?>[] {storeType},
            (proxy, method, args) -> method.getName().equals("snapshot") ? snapshot : null);
        Class<?> listenerType = apache.type("WorkerRebalanceListener");
        Object listener = Proxy.newProxyInstance(listenerType.getClassLoader(), new Class<?>[] {listenerType},
            (proxy, method, args) -> {
                if (method.getName().equals("onAssigned")) {
                    List<String> now = new ArrayList<>();
                    ((Collection<?>) apache.invoke(args[0], "connectors")).forEach(c -> now.add(c.toString()));
                    ((Collection<?>) apache.invoke(args[0], "tasks")).forEach(t -> now.add(t.toString()));
                    work = List.copyOf(now);
                    generation = (Integer) args[1];
                } else if (method.getName().equals("onRevoked") && !((Collection<?>) args[1]).isEmpty()
                        || method.getName().equals("onRevoked") && !((Collection<?>) args[2]).isEmpty()) {
                    rejoinAfterRevocation.set(true);
                }
                return null;
            });
        member = apache.construct("WorkerGroupMember", new Class<?>[] {apache.type("DistributedConfig"), String.class,
            storeType, listenerType, Time.class, String.class, LogContext.class}, config, "http://" + name + ":8083/",
            store, listener, Time.SYSTEM, name, new LogContext("[apache " + name + "] "));
        loop = new Thread(this::run, "apache-herder-" + name);
        loop.start();
    }

    private void run() {
        Supplier<Utils.UncheckedCloseable> noPollHook = () -> () -> { };
        try {
            while (running.get()) {
                try {
                    apache.invoke(member, "poll", 200L, noPollHook);
                    // Apache's herder, not its coordinator, asks for the follow-up round after revoking.
                    if (rejoinAfterRevocation.getAndSet(false)) {
                        apache.invoke(member, "requestRejoin");
                    }
                } catch (WakeupException e) {
                    // close() woke us; the loop condition decides
                }
            }
        } finally {
            apache.invoke(member, "stop");
        }
    }

    List<String> work() {
        return work;
    }

    int generation() {
        return generation;
    }

    short protocolVersion() {
        return (Short) apache.invoke(member, "currentProtocolVersion");
    }

    @Override
    public void close() throws InterruptedException {
        if (running.getAndSet(false)) {
            apache.invoke(member, "wakeup");
        }
        loop.join(30_000);
    }
}
