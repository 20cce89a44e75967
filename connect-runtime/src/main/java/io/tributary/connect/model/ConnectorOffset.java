package io.tributary.connect.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import java.util.Map;

/**
 * One partition of a connector and its offset. A source partition and offset are whatever maps the
 * connector uses; a sink's are {@code {kafka_topic, kafka_partition}} and {@code {kafka_offset}}.
 * A null offset in a PATCH request removes the stored one.
 */
@JsonPropertyOrder({"partition", "offset"})
public record ConnectorOffset(@JsonProperty("partition") Map<String, Object> partition,
                              @JsonProperty("offset") Map<String, Object> offset) {
}
