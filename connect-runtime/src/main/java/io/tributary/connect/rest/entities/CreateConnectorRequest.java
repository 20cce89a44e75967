package io.tributary.connect.rest.entities;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.Map;

/**
 * The body of POST /connectors. {@code initial_state} stays a string here so that a bad value is
 * reported as a 400 naming the allowed values rather than as a Jackson enum failure.
 */
public record CreateConnectorRequest(
        @JsonProperty("name") String name,
        @JsonProperty("config") Map<String, String> config,
        @JsonProperty("initial_state") String initialState) {
}
