package io.tributary.connect.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/** The body of every error answer: {@code {"error_code": 404, "message": "..."}}, as Kafka Connect sends. */
@JsonPropertyOrder({"error_code", "message"})
public record ErrorMessage(@JsonProperty("error_code") int errorCode, @JsonProperty("message") String message) {
}
