package io.tributary.connect.status;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.connect.distributed.ReferenceRuntime;

import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * Whether a safe status write may replace the status a worker last read decides, in a mixed cluster, whose
 * report stands after a rebalance. Ours must decide as Kafka Connect 4.1.1's status store does, for every
 * combination of same or other worker and older, same or newer generation.
 */
class SafeStatusWriteDifferentialTest {

    private static final List<String> WORKERS = List.of("w1:8083", "w2:8083");
    private static final List<Integer> GENERATIONS = List.of(3, 4, 5);

    @Test
    void safeWritesReplaceWhatKafkaConnectLetsThemReplace() throws Exception {
        ReferenceRuntime apache = ReferenceRuntime.get();
        Class<?> entryType = apache.type("org.apache.kafka.connect.storage.KafkaStatusBackingStore$CacheEntry");
        Constructor<?> newEntry = entryType.getDeclaredConstructor();
        newEntry.setAccessible(true);
        Method put = method(entryType, "put", 1);
        Method canWriteSafely = method(entryType, "canWriteSafely", 1);
        Class<?> stateType = apache.type("org.apache.kafka.connect.runtime.AbstractStatus$State");
        Object running = stateType.getMethod("valueOf", String.class).invoke(null, "RUNNING");
        Object unassigned = stateType.getMethod("valueOf", String.class).invoke(null, "UNASSIGNED");
        Constructor<?> status = apache.type("org.apache.kafka.connect.runtime.ConnectorStatus")
                .getConstructor(String.class, stateType, String.class, int.class);

        List<String> disagreements = new ArrayList<>();
        int compared = 0;
        for (String currentWorker : WORKERS) {
            for (int currentGeneration : GENERATIONS) {
                for (String worker : WORKERS) {
                    for (int generation : GENERATIONS) {
                        Object entry = newEntry.newInstance();
                        put.invoke(entry, status.newInstance("c", running, currentWorker, currentGeneration));
                        boolean expected = (boolean) canWriteSafely.invoke(entry,
                                status.newInstance("c", unassigned, worker, generation));
                        boolean actual = StatusStore.safelyReplaces(currentWorker, currentGeneration, worker,
                                generation);
                        compared++;
                        if (expected != actual) {
                            disagreements.add(currentWorker + "@" + currentGeneration + " <- " + worker + "@"
                                    + generation + ": Kafka Connect " + expected + ", ours " + actual);
                        }
                    }
                }
            }
        }

        assertThat(compared).isEqualTo(36);
        assertThat(disagreements).isEmpty();
    }

    @Test
    void aSafeWriteMayAlwaysReplaceNothing() throws Exception {
        ReferenceRuntime apache = ReferenceRuntime.get();
        Class<?> entryType = apache.type("org.apache.kafka.connect.storage.KafkaStatusBackingStore$CacheEntry");
        Constructor<?> newEntry = entryType.getDeclaredConstructor();
        newEntry.setAccessible(true);
        Class<?> stateType = apache.type("org.apache.kafka.connect.runtime.AbstractStatus$State");
        Object failed = stateType.getMethod("valueOf", String.class).invoke(null, "FAILED");
        Object fresh = apache.type("org.apache.kafka.connect.runtime.ConnectorStatus")
                .getConstructor(String.class, stateType, String.class, int.class)
                .newInstance("c", failed, "w1:8083", 0);

        assertThat((boolean) method(entryType, "canWriteSafely", 1).invoke(newEntry.newInstance(), fresh)).isTrue();
        assertThat(StatusStore.safelyReplaces(null, 0, "w1:8083", 0)).isTrue();
    }

    private static Method method(Class<?> type, String name, int parameters) {
        for (Method method : type.getDeclaredMethods()) {
            if (method.getName().equals(name) && method.getParameterCount() == parameters && !method.isBridge()) {
                method.setAccessible(true);
                return method;
            }
        }
        throw new IllegalStateException("No " + name + " on " + type);
    }
}
