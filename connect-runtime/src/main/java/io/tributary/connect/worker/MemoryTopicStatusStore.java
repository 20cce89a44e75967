package io.tributary.connect.worker;

import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/** Topic statuses of a standalone worker: lost on restart, like its connector statuses. */
public final class MemoryTopicStatusStore implements TopicStatusStore {

    private final Map<String, Set<String>> topics = new ConcurrentHashMap<>();

    @Override
    public void record(String connector, String topic) {
        Set<String> known = topics.get(connector);
        if (known == null || !known.contains(topic)) {
            topics.computeIfAbsent(connector, name -> ConcurrentHashMap.newKeySet()).add(topic);
        }
    }

    @Override
    public Set<String> topics(String connector) {
        SortedSet<String> sorted = new TreeSet<>(topics.getOrDefault(connector, Set.of()));
        return Collections.unmodifiableSortedSet(sorted);
    }

    @Override
    public void reset(String connector) {
        topics.remove(connector);
    }
}
