package io.tributary.connect.model;

import com.fasterxml.jackson.annotation.JsonProperty;

/** A plain {@code {"message": ...}} answer, e.g. after offsets were altered or reset. */
public record Message(@JsonProperty("message") String message) {
}
