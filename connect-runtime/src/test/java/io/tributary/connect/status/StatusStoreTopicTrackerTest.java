package io.tributary.connect.status;

import org.apache.kafka.common.utils.Time;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class StatusStoreTopicTrackerTest {

    private final MemoryStatusStore statuses = new MemoryStatusStore();
    private final StatusStoreTopicTracker tracker = new StatusStoreTopicTracker(statuses, Time.SYSTEM);

    @Test
    void topicsAreListedOnceAndSorted() {
        tracker.record("c", "b");
        tracker.record("c", "a");
        tracker.record("c", "b");

        assertThat(tracker.topics("c")).containsExactly("a", "b");
        assertThat(statuses.getAllTopics("c")).hasSize(2);
    }

    @Test
    void resetForgetsOnlyThatConnector() {
        tracker.record("c", "a");
        tracker.record("d", "a");

        tracker.reset("c");

        assertThat(tracker.topics("c")).isEmpty();
        assertThat(tracker.topics("d")).containsExactly("a");
    }
}
