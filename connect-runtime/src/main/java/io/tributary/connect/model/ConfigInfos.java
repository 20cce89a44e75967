package io.tributary.connect.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import java.util.List;

/** The answer of PUT /connector-plugins/{plugin}/config/validate. */
@JsonPropertyOrder({"name", "error_count", "groups", "configs"})
public record ConfigInfos(
        @JsonProperty("name") String name,
        @JsonProperty("error_count") int errorCount,
        @JsonProperty("groups") List<String> groups,
        @JsonProperty("configs") List<ConfigInfo> configs) {
}
