package org.apache.kafka.connect.json;

import java.util.LinkedHashMap;
import java.util.Map;

/** A thread-safe cache that evicts the least recently used entry once it holds more than maxSize entries. */
final class BoundedCache<K, V> {

    private final Map<K, V> entries;

    BoundedCache(int maxSize) {
        this.entries = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
                return size() > maxSize;
            }
        };
    }

    synchronized V get(K key) {
        return entries.get(key);
    }

    synchronized void put(K key, V value) {
        entries.put(key, value);
    }

    synchronized int size() {
        return entries.size();
    }
}
