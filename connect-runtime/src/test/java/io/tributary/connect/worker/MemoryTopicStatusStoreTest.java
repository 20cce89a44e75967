package io.tributary.connect.worker;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MemoryTopicStatusStoreTest {

    private final MemoryTopicStatusStore store = new MemoryTopicStatusStore();

    @Test
    void topicsAreListedOnceAndSorted() {
        store.record("c", "b");
        store.record("c", "a");
        store.record("c", "b");

        assertThat(store.topics("c")).containsExactly("a", "b");
    }

    @Test
    void resetForgetsOnlyThatConnector() {
        store.record("c", "a");
        store.record("d", "a");

        store.reset("c");

        assertThat(store.topics("c")).isEmpty();
        assertThat(store.topics("d")).containsExactly("a");
    }
}
