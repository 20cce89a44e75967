package io.tributary.connect.status;


import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.apache.kafka.common.utils.Time;

/**
 * Topic tracking kept in the status store (the status topic, for a distributed worker), so every worker of
 * the cluster answers GET /connectors/{name}/topics alike. A topic already known is not written again.
 */
public final class StatusStoreTopicTracker implements TopicStatusStore {

    private final StatusStore store;
    private final Time time;

    /** @param time stamps when a topic was first recorded */
    public StatusStoreTopicTracker(StatusStore store, Time time) {
        this.store = store;
        this.time = time;
    }

    @Override
    public void record(String connector, String topic) {
        if (store.getTopic(connector, topic) == null) {
            store.put(new TopicStatus(topic, connector, 0, time.milliseconds()));
        }
    }

    @Override
    public Set<String> topics(String connector) {
        return store.getAllTopics(connector).stream().map(TopicStatus::topic)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    @Override
    public void reset(String connector) {
        store.getAllTopics(connector).forEach(topic -> store.deleteTopic(connector, topic.topic()));
    }
}
