package io.tributary.connect.status;

import java.util.Set;

/**
 * The topics each connector's tasks produced to or consumed from (KIP-558), kept apart from connector and
 * task statuses. Standalone keeps them in memory; a distributed worker keeps them in its status topic.
 * Topics of a deleted connector are kept, as Kafka Connect keeps them.
 */
public interface TopicStatusStore {

    /** Notes that the connector used the topic. Called for every record, so a known topic must be cheap. */
    void record(String connector, String topic);

    /** The connector's topics, sorted; empty when none was recorded. */
    Set<String> topics(String connector);

    /** Forgets the connector's topics; tasks record them again as they use them. */
    void reset(String connector);
}
