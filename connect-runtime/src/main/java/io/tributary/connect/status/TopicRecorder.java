package io.tributary.connect.status;


/** Where a task notes each topic it produces to or consumes from; a no-op when topic tracking is off. */
@FunctionalInterface
public interface TopicRecorder {

    TopicRecorder DISABLED = topic -> { };

    void record(String topic);

    public static TopicRecorder of(TopicStatusStore store, String connector, boolean enabled) {
        return enabled ? topic -> store.record(connector, topic) : DISABLED;
    }
}
