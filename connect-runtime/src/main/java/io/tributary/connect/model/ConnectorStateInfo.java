package io.tributary.connect.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import java.util.List;

/** The body of GET /connectors/{name}/status: the connector's state and each task's. */
@JsonPropertyOrder({"name", "connector", "tasks", "type"})
public record ConnectorStateInfo(
        @JsonProperty("name") String name,
        @JsonProperty("connector") ConnectorState connector,
        @JsonProperty("tasks") List<TaskState> tasks,
        @JsonProperty("type") ConnectorType type) {

    public ConnectorStateInfo {
        tasks = tasks == null ? List.of() : List.copyOf(tasks);
    }

    /** The connector's own state; {@code trace} only when it failed. */
    @JsonPropertyOrder({"state", "trace", "worker_id", "version"})
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ConnectorState(
            @JsonProperty("state") String state,
            @JsonProperty("trace") String trace,
            @JsonProperty("worker_id") String workerId,
            @JsonProperty("version") String version) {
    }

    /** One task's state; {@code trace} only when it failed. */
    @JsonPropertyOrder({"id", "state", "trace", "worker_id", "version"})
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record TaskState(
            @JsonProperty("id") int id,
            @JsonProperty("state") String state,
            @JsonProperty("trace") String trace,
            @JsonProperty("worker_id") String workerId,
            @JsonProperty("version") String version) implements Comparable<TaskState> {

        @Override
        public int compareTo(TaskState other) {
            return Integer.compare(id, other.id);
        }
    }
}
