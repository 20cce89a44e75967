package org.apache.kafka.connect.file;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.source.ExactlyOnceSupport;
import org.junit.jupiter.api.Test;

class FileStreamConnectorsTest {

    private final FileStreamSourceConnector source = new FileStreamSourceConnector();
    private final Map<String, String> sourceProps = Map.of("file", "/data/in.txt", "topic", "lines");

    private static Map<Map<String, ?>, Map<String, ?>> offsets(Map<String, ?> partition, Map<String, ?> offset) {
        Map<Map<String, ?>, Map<String, ?>> offsets = new HashMap<>();
        offsets.put(partition, offset);
        return offsets;
    }

    @Test
    void sourceRunsASingleTaskWithItsConfig() {
        source.start(sourceProps);

        assertThat(source.taskConfigs(3)).containsExactly(sourceProps);
        assertThat(source.taskClass()).isEqualTo(FileStreamSourceTask.class);
    }

    @Test
    void sourceRequiresATopic() {
        assertThatThrownBy(() -> source.start(Map.of("file", "/x")))
            .isInstanceOf(ConfigException.class)
            .hasMessageContaining("topic");
    }

    @Test
    void sourceBatchSizeDefaultsTo2000() {
        assertThat(source.config().configKeys().get("batch.size").defaultValue).isEqualTo(2000);
    }

    @Test
    void exactlyOnceIsSupportedForFilesButNotStandardInput() {
        assertThat(source.exactlyOnceSupport(sourceProps)).isEqualTo(ExactlyOnceSupport.SUPPORTED);
        assertThat(source.exactlyOnceSupport(Map.of("topic", "t"))).isEqualTo(ExactlyOnceSupport.UNSUPPORTED);
        assertThat(source.exactlyOnceSupport(Map.of("topic", "t", "file", ""))).isEqualTo(ExactlyOnceSupport.UNSUPPORTED);
    }

    @Test
    void wellFormedOffsetsMayBeAltered() {
        assertThat(source.alterOffsets(sourceProps, offsets(Map.of("filename", "/data/in.txt"),
            Map.of("position", 5L)))).isTrue();
        assertThat(source.alterOffsets(sourceProps, offsets(Map.of("filename", "/data/in.txt"), null))).isTrue();
    }

    @Test
    void offsetPartitionWithoutFilenameIsRejected() {
        assertThatThrownBy(() -> source.alterOffsets(sourceProps, offsets(Map.of("file", "/x"),
            Map.of("position", 5L)))).isInstanceOf(ConnectException.class).hasMessageContaining("filename");
    }

    @Test
    void offsetWithoutPositionIsRejected() {
        assertThatThrownBy(() -> source.alterOffsets(sourceProps, offsets(Map.of("filename", "/x"),
            Map.of("pos", 5L)))).isInstanceOf(ConnectException.class).hasMessageContaining("position");
    }

    @Test
    void nonLongPositionIsRejected() {
        assertThatThrownBy(() -> source.alterOffsets(sourceProps, offsets(Map.of("filename", "/x"),
            Map.of("position", 5)))).isInstanceOf(ConnectException.class);
    }

    @Test
    void negativePositionIsRejected() {
        assertThatThrownBy(() -> source.alterOffsets(sourceProps, offsets(Map.of("filename", "/x"),
            Map.of("position", -1L)))).isInstanceOf(ConnectException.class);
    }

    @Test
    void sinkRunsAsManyTasksAsAllowed() {
        FileStreamSinkConnector sink = new FileStreamSinkConnector();
        Map<String, String> props = Map.of("file", "/out", "topics", "a");
        sink.start(props);

        assertThat(sink.taskConfigs(3)).containsExactly(props, props, props);
        assertThat(sink.alterOffsets(props, Map.of(new TopicPartition("a", 0), 5L))).isTrue();
    }

    @Test
    void versionIsTributarysBuildVersion() {
        assertThat(source.version()).isNotBlank().isNotEqualTo("unknown").doesNotContain("${");
        assertThat(new FileStreamSinkTask().version()).isEqualTo(source.version());
    }

    @Test
    void connectorsAreListedAsServices() throws IOException {
        assertThat(resource("META-INF/services/org.apache.kafka.connect.source.SourceConnector"))
            .contains(FileStreamSourceConnector.class.getName());
        assertThat(resource("META-INF/services/org.apache.kafka.connect.sink.SinkConnector"))
            .contains(FileStreamSinkConnector.class.getName());
    }

    private static List<String> resource(String name) throws IOException {
        try (InputStream in = FileStreamConnectorsTest.class.getClassLoader().getResources(name).nextElement()
                .openStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().map(String::trim).toList();
        }
    }
}
