package io.tributary.connect.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/** A logger's effective level and when it was last changed through the REST API (epoch ms, null if never). */
@JsonPropertyOrder({"level", "last_modified"})
@JsonInclude(JsonInclude.Include.ALWAYS)
public record LoggerLevel(@JsonProperty("level") String level, @JsonProperty("last_modified") Long lastModified) {
}
