package io.tributary.connect.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import java.util.List;

/** What validation made of one setting: its value, the values it recommends, its errors, its visibility. */
@JsonPropertyOrder({"name", "value", "recommended_values", "errors", "visible"})
public record ConfigValueInfo(
        @JsonProperty("name") String name,
        @JsonProperty("value") String value,
        @JsonProperty("recommended_values") List<String> recommendedValues,
        @JsonProperty("errors") List<String> errors,
        @JsonProperty("visible") boolean visible) {
}
