package org.apache.kafka.connect.json;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BoundedCacheTest {

    @Test
    void keepsAtMostMaxSizeEntries() {
        BoundedCache<Integer, String> cache = new BoundedCache<>(2);
        cache.put(1, "a");
        cache.put(2, "b");
        cache.put(3, "c");
        assertThat(cache.size()).isEqualTo(2);
    }

    @Test
    void evictsTheLeastRecentlyUsedEntry() {
        BoundedCache<Integer, String> cache = new BoundedCache<>(2);
        cache.put(1, "a");
        cache.put(2, "b");
        cache.get(1);
        cache.put(3, "c");
        assertThat(cache.get(2)).isNull();
        assertThat(cache.get(1)).isEqualTo("a");
        assertThat(cache.get(3)).isEqualTo("c");
    }

    @Test
    void zeroSizeCachesNothing() {
        BoundedCache<Integer, String> cache = new BoundedCache<>(0);
        cache.put(1, "a");
        assertThat(cache.get(1)).isNull();
    }
}
