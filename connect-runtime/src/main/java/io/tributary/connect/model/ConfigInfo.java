package io.tributary.connect.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/** One setting in a validation answer: its definition and its validated value. */
@JsonPropertyOrder({"definition", "value"})
public record ConfigInfo(@JsonProperty("definition") ConfigKeyInfo definition,
                         @JsonProperty("value") ConfigValueInfo value) {
}
