package io.tributary.connect.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import java.util.Map;

/** One task's id and configuration: an element of GET /connectors/{name}/tasks. */
@JsonPropertyOrder({"id", "config"})
public record TaskInfo(@JsonProperty("id") ConnectorTaskId id, @JsonProperty("config") Map<String, String> config) {
}
