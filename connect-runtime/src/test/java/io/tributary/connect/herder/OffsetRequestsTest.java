package io.tributary.connect.herder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.tributary.connect.model.ConnectorOffset;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

class OffsetRequestsTest {

    @Test
    void sourceNumbersBecomeLongOrDouble() {
        Map<Map<String, ?>, Map<String, ?>> offsets = OffsetRequests.sourceOffsets(List.of(
                new ConnectorOffset(Map.of("p", 1), Map.of("n", 2, "f", 1.5f))));

        assertThat(offsets).isEqualTo(Map.of(Map.of("p", 1L), Map.of("n", 2L, "f", 1.5d)));
    }

    @Test
    void aMissingSourceOffsetStaysNull() {
        Map<Map<String, ?>, Map<String, ?>> offsets = OffsetRequests.sourceOffsets(List.of(
                new ConnectorOffset(Map.of("p", "a"), null)));

        assertThat(offsets).containsEntry(Map.of("p", "a"), null);
    }

    @Test
    void sourceValuesMayNotBeLists() {
        assertThatThrownBy(() -> OffsetRequests.sourceOffsets(List.of(
                new ConnectorOffset(Map.of("p", 1), Map.of("n", List.of(1))))))
                .isInstanceOf(BadRequestException.class)
                .hasMessage("Offsets may only contain primitive types as values, but field n contains ARRAY");
    }

    @Test
    void sinkPartitionsAndOffsetsMayBeStringsOfIntegers() {
        Map<TopicPartition, Long> offsets = OffsetRequests.sinkOffsets(List.of(new ConnectorOffset(
                Map.of("kafka_topic", "t", "kafka_partition", "3"), Map.of("kafka_offset", "9"))));

        assertThat(offsets).isEqualTo(Map.of(new TopicPartition("t", 3), 9L));
    }

    @Test
    void aNullSinkOffsetAsksForRemoval() {
        Map<TopicPartition, Long> offsets = OffsetRequests.sinkOffsets(List.of(new ConnectorOffset(
                Map.of("kafka_topic", "t", "kafka_partition", 0), null)));

        Map<TopicPartition, Long> expected = new HashMap<>();
        expected.put(new TopicPartition("t", 0), null);
        assertThat(offsets).isEqualTo(expected);
    }

    @Test
    void aNullSinkPartitionIsRefused() {
        assertThatThrownBy(() -> OffsetRequests.sinkOffsets(List.of(new ConnectorOffset(null, Map.of()))))
                .isInstanceOf(BadRequestException.class)
                .hasMessage("The partition for a sink connector offset cannot be null or missing");
    }

    @Test
    void aFractionalSinkPartitionIsRefused() {
        assertThatThrownBy(() -> OffsetRequests.sinkOffsets(List.of(new ConnectorOffset(
                Map.of("kafka_topic", "t", "kafka_partition", 1.5), Map.of("kafka_offset", 1)))))
                .hasMessage("Failed to parse the following Kafka partition value in the provided offsets: '1.5'. "
                        + "Partition values for sink connectors need to be integers.");
    }

    @Test
    void aNegativeSinkPartitionIsRefused() {
        assertThatThrownBy(() -> OffsetRequests.sinkOffsets(List.of(new ConnectorOffset(
                Map.of("kafka_topic", "t", "kafka_partition", -1), Map.of("kafka_offset", 1)))))
                .hasMessage("Kafka partition values for sink connectors must not be negative, but found -1");
    }

    @Test
    void aSinkOffsetWithoutKafkaOffsetIsRefused() {
        assertThatThrownBy(() -> OffsetRequests.sinkOffsets(List.of(new ConnectorOffset(
                Map.of("kafka_topic", "t", "kafka_partition", 0), Map.of("offset", 1)))))
                .hasMessage("The offset for a sink connector should either be null or contain the key 'kafka_offset'");
    }

    @Test
    void aNonIntegerSinkOffsetIsRefused() {
        assertThatThrownBy(() -> OffsetRequests.sinkOffsets(List.of(new ConnectorOffset(
                Map.of("kafka_topic", "t", "kafka_partition", 0), Map.of("kafka_offset", "x")))))
                .hasMessage("Failed to parse the following Kafka offset value in the provided offsets: 'x'. "
                        + "Offset values for sink connectors need to be integers.");
    }
}
