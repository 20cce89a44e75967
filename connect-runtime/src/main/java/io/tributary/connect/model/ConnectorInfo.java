package io.tributary.connect.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import java.util.List;
import java.util.Map;

/** A connector's name, configuration, task ids and type: the body of GET /connectors/{name}. */
@JsonPropertyOrder({"name", "config", "tasks", "type"})
public record ConnectorInfo(
        @JsonProperty("name") String name,
        @JsonProperty("config") Map<String, String> config,
        @JsonProperty("tasks") List<ConnectorTaskId> tasks,
        @JsonProperty("type") ConnectorType type) {

    public ConnectorInfo {
        config = config == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(config));
        tasks = tasks == null ? List.of() : List.copyOf(tasks);
    }
}
