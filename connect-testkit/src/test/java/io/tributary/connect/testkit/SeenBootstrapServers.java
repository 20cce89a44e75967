package io.tributary.connect.testkit;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** Remembers the bootstrap servers each sharing test class was given, across classes of one run. */
final class SeenBootstrapServers {

    private static final Set<String> SEEN = ConcurrentHashMap.newKeySet();

    private SeenBootstrapServers() {
    }

    /** Records {@code servers} and returns everything recorded so far in this JVM. */
    static Set<String> record(String servers) {
        SEEN.add(servers);
        return Set.copyOf(SEEN);
    }
}
