package io.tributary.connect.status;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MemoryStatusStoreTopicsTest {

    private final MemoryStatusStore store = new MemoryStatusStore();

    @Test
    void remembersTheTopicsOfEachConnector() {
        store.put(new TopicStatus("t1", "c", 0, 1L));
        store.put(new TopicStatus("t2", "c", 1, 2L));
        store.put(new TopicStatus("t1", "other", 0, 3L));

        assertThat(store.getAllTopics("c")).extracting(TopicStatus::topic).containsExactly("t1", "t2");
        assertThat(store.getTopic("other", "t1").discoverTimestamp()).isEqualTo(3L);
    }

    @Test
    void deletingATopicForgetsOnlyThatTopic() {
        store.put(new TopicStatus("t1", "c", 0, 1L));
        store.put(new TopicStatus("t2", "c", 0, 1L));

        store.deleteTopic("c", "t1");

        assertThat(store.getAllTopics("c")).extracting(TopicStatus::topic).containsExactly("t2");
    }

    @Test
    void removingAConnectorForgetsItsTopics() {
        store.put(new TopicStatus("t1", "c", 0, 1L));

        store.remove("c");

        assertThat(store.getAllTopics("c")).isEmpty();
    }
}
