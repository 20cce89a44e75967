package io.tributary.connect.rest.entities;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/** The body of GET /health; the wording is Kafka Connect's so existing probes and dashboards keep matching. */
@JsonPropertyOrder({"status", "message"})
public record WorkerStatus(@JsonProperty("status") String status, @JsonProperty("message") String message) {

    public static WorkerStatus healthy() {
        return new WorkerStatus("healthy", "Worker has completed startup and is ready to handle requests.");
    }

    public static WorkerStatus starting() {
        return new WorkerStatus("starting", "Worker is still starting up.");
    }

    public static WorkerStatus unhealthy() {
        return new WorkerStatus("unhealthy",
                "Worker was unable to handle this request and may be unable to handle other requests.");
    }
}
