package io.tributary.connect.rest.entities;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.Collection;

/** The topics a connector used, as nested under its name by GET /connectors/{name}/topics. */
public record ActiveTopics(@JsonProperty("topics") Collection<String> topics) {
}
