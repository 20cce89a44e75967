package org.apache.kafka.connect.sink;

import java.util.Map;
import java.util.Set;

import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.metrics.PluginMetrics;

/** What the runtime lets a sink task ask of its consumer and of the worker. */
public interface SinkTaskContext {

    /** The task's configuration as the runtime sees it. */
    Map<String, String> configs();

    /** Rewinds or skips ahead: consumption resumes from these offsets. */
    void offset(Map<TopicPartition, Long> offsets);

    void offset(TopicPartition tp, long offset);

    /** After a RetriableException from put, wait this many milliseconds before redelivering. */
    void timeout(long timeoutMs);

    /** The partitions currently assigned to this task. */
    Set<TopicPartition> assignment();

    void pause(TopicPartition... partitions);

    void resume(TopicPartition... partitions);

    /** Asks for an offset commit as soon as possible. */
    void requestCommit();

    /** The reporter for unprocessable records, or null when the runtime or config provides none. */
    default ErrantRecordReporter errantRecordReporter() {
        return null;
    }

    PluginMetrics pluginMetrics();
}
