package io.tributary.connect.status;

/**
 * A topic a connector's task was seen using (producing to or consuming from), and when: what
 * GET /connectors/{name}/topics answers.
 */
public record TopicStatus(String topic, String connector, int task, long discoverTimestamp) {
}
