package io.tributary.connect.herder;

import io.tributary.connect.config.WorkerConfig;

/** What topic.tracking.enable and topic.tracking.allow.reset allow, with Kafka Connect's 403 messages. */
final class TopicTrackingRules {

    private TopicTrackingRules() {
    }

    static void requireEnabled(WorkerConfig config) {
        if (!config.topicTrackingEnable()) {
            throw new ForbiddenException("Topic tracking is disabled.");
        }
    }

    static void requireResetAllowed(WorkerConfig config) {
        requireEnabled(config);
        if (!config.topicTrackingAllowReset()) {
            throw new ForbiddenException("Topic tracking reset is disabled.");
        }
    }
}
