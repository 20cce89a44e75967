package io.tributary.connect.testkit;

import java.util.Map;

/** Broker settings that suit short-lived test clusters: small internal topics, no waiting. */
final class BrokerDefaults {

    private BrokerDefaults() {
    }

    static Map<String, Object> forClusterOf(int brokers) {
        String replication = String.valueOf(Math.min(brokers, 3));
        return Map.of(
                // Internal topics must fit on the cluster we actually have.
                "offsets.topic.replication.factor", replication,
                "offsets.topic.num.partitions", "5",
                "transaction.state.log.replication.factor", replication,
                "transaction.state.log.min.isr", "1",
                "share.coordinator.state.topic.replication.factor", replication,
                "share.coordinator.state.topic.min.isr", "1",
                // A consumer group should not wait for more members before its first assignment.
                "group.initial.rebalance.delay.ms", "0",
                "auto.create.topics.enable", "false");
    }
}
