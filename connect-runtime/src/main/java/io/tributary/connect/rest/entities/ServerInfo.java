package io.tributary.connect.rest.entities;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/** The body of GET /: the worker's version, build commit and the Kafka cluster it works for. */
@JsonPropertyOrder({"version", "commit", "kafka_cluster_id"})
public record ServerInfo(
        @JsonProperty("version") String version,
        @JsonProperty("commit") String commit,
        @JsonProperty("kafka_cluster_id") String kafkaClusterId) {
}
