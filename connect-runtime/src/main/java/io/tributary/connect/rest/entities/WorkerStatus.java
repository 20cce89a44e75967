package io.tributary.connect.rest.entities;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import java.util.Optional;

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
        return unhealthy(Optional.empty());
    }

    /** Unhealthy, with a sentence on what the worker is stuck in when it knows. */
    public static WorkerStatus unhealthy(Optional<String> cause) {
        return new WorkerStatus("unhealthy",
                "Worker was unable to handle this request and may be unable to handle other requests."
                        + cause.map(sentence -> " " + sentence).orElse(""));
    }
}
