package org.apache.kafka.connect.sink;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.metrics.PluginMetrics;
import org.apache.kafka.connect.connector.Task;
import org.junit.jupiter.api.Test;

class SinkTaskTest {

    static class FlushRecordingTask extends SinkTask {
        final List<Map<TopicPartition, OffsetAndMetadata>> flushed = new ArrayList<>();

        @Override
        public String version() {
            return "1";
        }

        @Override
        public void start(Map<String, String> props) {
        }

        @Override
        public void put(Collection<SinkRecord> records) {
        }

        @Override
        public void flush(Map<TopicPartition, OffsetAndMetadata> currentOffsets) {
            flushed.add(currentOffsets);
        }

        @Override
        public void stop() {
        }
    }

    static class MinimalSinkConnector extends SinkConnector {
        @Override
        public String version() {
            return "1";
        }

        @Override
        public void start(Map<String, String> props) {
        }

        @Override
        public Class<? extends Task> taskClass() {
            return null;
        }

        @Override
        public List<Map<String, String>> taskConfigs(int maxTasks) {
            return List.of();
        }

        @Override
        public void stop() {
        }

        @Override
        public ConfigDef config() {
            return new ConfigDef();
        }
    }

    @Test
    void preCommitFlushesAndCommitsEverythingConsumed() {
        FlushRecordingTask task = new FlushRecordingTask();
        Map<TopicPartition, OffsetAndMetadata> offsets = Map.of(new TopicPartition("t", 0), new OffsetAndMetadata(5));
        assertThat(task.preCommit(offsets)).isSameAs(offsets);
        assertThat(task.flushed).containsExactly(offsets);
    }

    @Test
    void initializeStoresTheContext() {
        FlushRecordingTask task = new FlushRecordingTask();
        SinkTaskContext context = new MinimalSinkTaskContext();
        task.initialize(context);
        assertThat(task.context).isSameAs(context);
    }

    @Test
    void errantRecordReporterIsAbsentByDefault() {
        assertThat(new MinimalSinkTaskContext().errantRecordReporter()).isNull();
    }

    @Test
    void alteringOffsetsIsDeclinedByDefault() {
        assertThat(new MinimalSinkConnector().alterOffsets(Map.of(), Map.of(new TopicPartition("t", 0), 5L))).isFalse();
    }

    @Test
    void topicConfigNames() {
        assertThat(SinkTask.TOPICS_CONFIG).isEqualTo("topics").isEqualTo(SinkConnector.TOPICS_CONFIG);
        assertThat(SinkTask.TOPICS_REGEX_CONFIG).isEqualTo("topics.regex");
    }

    static class MinimalSinkTaskContext implements SinkTaskContext {
        @Override
        public Map<String, String> configs() {
            return Map.of();
        }

        @Override
        public void offset(Map<TopicPartition, Long> offsets) {
        }

        @Override
        public void offset(TopicPartition tp, long offset) {
        }

        @Override
        public void timeout(long timeoutMs) {
        }

        @Override
        public Set<TopicPartition> assignment() {
            return Set.of();
        }

        @Override
        public void pause(TopicPartition... partitions) {
        }

        @Override
        public void resume(TopicPartition... partitions) {
        }

        @Override
        public void requestCommit() {
        }

        @Override
        public PluginMetrics pluginMetrics() {
            return null;
        }
    }
}
